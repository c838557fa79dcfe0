package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opt-in chunking of a large tracker across {@code name.0}, {@code name.1}, ... */
class ChunkingHttpTest {

  private static final String NAME = "persistent-information";
  private static TestServer server;

  @BeforeAll
  static void start() {
    // Two chunks: the test server (like Tomcat and Jetty) refuses request headers over 8 KB.
    TrackerConfig config = TestConfigs.builder().chunking(2).build();
    server = new TestServer(() -> TestConfigs.app(config));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The Cookie header a browser would send back after these Set-Cookie lines. */
  private static String cookieHeader(RawHttp.Response response) {
    List<String> pairs = new ArrayList<>();
    for (String line : response.setCookies()) {
      String pair = line.substring(0, line.indexOf(';'));
      if (!pair.endsWith("=")) {
        pairs.add(pair);
      }
    }
    return "Cookie: " + String.join("; ", pairs);
  }

  private static List<String> names(RawHttp.Response response) {
    List<String> names = new ArrayList<>();
    for (String line : response.setCookies()) {
      names.add(line.substring(0, line.indexOf('=')) + (line.contains("=;") ? " deleted" : ""));
    }
    return names;
  }

  @Test
  void largeTracker_isSplitIntoChunksEachWithinTheLimit_andReadsBack() {
    RawHttp.Response response = server.get("/big?n=4000");
    assertEquals(200, response.status());
    assertEquals(List.of(NAME + ".0", NAME + ".1"), names(response));
    for (String line : response.setCookies()) {
      assertTrue(line.length() <= 4096, "chunk line of " + line.length());
    }
    RawHttp.Response read = server.get("/read", cookieHeader(response));
    assertEquals(response.body(), read.body());
    assertTrue(read.setCookies().isEmpty());
  }

  @Test
  void smallTracker_staysOneUnchunkedCookie() {
    RawHttp.Response response = server.get("/put?k=a&v=b");
    assertEquals(List.of(NAME), names(response));
  }

  @Test
  void shrinkingTracker_deletesTheStaleChunks() {
    RawHttp.Response big = server.get("/big?n=4000");
    RawHttp.Response small = server.get("/big?n=10", cookieHeader(big));
    assertEquals(List.of(NAME, NAME + ".0 deleted", NAME + ".1 deleted"), names(small));
    assertEquals(small.body(), server.get("/read", cookieHeader(small)).body());
  }

  @Test
  void growingFromOneCookie_deletesTheUnchunkedOne() {
    RawHttp.Response small = server.get("/put?k=a&v=b");
    RawHttp.Response big = server.get("/big?n=4000", cookieHeader(small));
    assertEquals(List.of(NAME + ".0", NAME + ".1", NAME + " deleted"), names(big));
  }

  @Test
  void clearedTracker_deletesEveryChunk() {
    RawHttp.Response big = server.get("/big?n=4000");
    RawHttp.Response cleared = server.get("/clear", cookieHeader(big));
    assertEquals(
        List.of(NAME + " deleted", NAME + ".0 deleted", NAME + ".1 deleted"), names(cleared));
  }

  @Test
  void missingOrReorderedChunk_readsAsAnEmptyTracker() {
    RawHttp.Response big = server.get("/big?n=4000");
    String header = cookieHeader(big);
    String withoutLast = header.substring(0, header.indexOf("; " + NAME + ".1="));
    assertEquals("{}", server.get("/read", withoutLast).body());
    String chunk0 = big.cookieValue(NAME + ".0");
    String chunk1 = big.cookieValue(NAME + ".1");
    String swapped = header.replace(chunk0, "@").replace(chunk1, chunk0).replace("@", chunk1);
    assertEquals("{}", server.get("/read", swapped).body());
  }

  @Test
  void trackerAboveTheMaximumChunks_isRefusedWithTheClearError() {
    RawHttp.Response response = server.get("/big?n=7000");
    assertEquals(413, response.status());
    assertTrue(
        response.body().contains("over the limit of 8192 bytes")
            && response.body().contains("huge"),
        response.body());
    // The change that did not fit was undone; what the tracker kept ("small") is still written.
    assertEquals(List.of(NAME), names(response));
  }

  @Test
  void withChunkingOff_aTrackerOverOneCookieIsStillRefused() {
    TrackerConfig config = TestConfigs.builder().build();
    try (TestServer plain = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response response = plain.get("/big?n=5000");
      assertEquals(413, response.status());
      assertTrue(response.body().contains("over the limit of 4096 bytes"), response.body());
      assertNull(response.cookieValue(NAME + ".0"));
    }
  }

  @Test
  void chunkCount_fromTheSettings_andOutOfRangeIsRefused() {
    TrackerConfig config = TestConfigs.fromSettings(TrackerSettings.MAX_CHUNKS, "6");
    assertEquals(6, config.cookieBudget().maxChunks());
    assertThrows(IllegalArgumentException.class, () -> TestConfigs.builder().chunking(1));
    assertThrows(IllegalArgumentException.class, () -> TestConfigs.builder().chunking(21));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestConfigs.fromSettings(TrackerSettings.MAX_CHUNKS, "lots"));
    assertTrue(e.getMessage().contains(TrackerSettings.MAX_CHUNKS), e.getMessage());
  }
}
