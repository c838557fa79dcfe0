package io.trackercookie.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests against a server with chunking on (a tracker too large for one cookie is split
 * over {@code name.0}, {@code name.1}, ...): swapped, foreign, missing and flooded chunks each read
 * as an empty tracker with 200, never a 500. The server accepts large heads, so the library's own
 * bounds are what is tested.
 */
class HostileChunksHttpTest {

  private static final String NAME = "persistent-information";
  private static final List<RejectionReason> REASONS =
      Collections.synchronizedList(new ArrayList<>());

  private static LargeHeaderServer server;
  private static String[] alice;
  private static String[] bob;

  @BeforeAll
  static void start() {
    TrackerConfig config =
        TestConfigs.builder()
            .chunking(4)
            // The server below takes any header, so the budget is not what is tested here.
            .maxCookieHeaderBytes(16384)
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieRejected(RejectionReason reason) {
                    REASONS.add(reason);
                  }
                })
            .build();
    server = new LargeHeaderServer(TestConfigs.app(config), 1024 * 1024);
    alice = chunks(RawHttp.get(server.base(), "/big?n=5000"));
    bob = chunks(RawHttp.get(server.base(), "/big?n=5001"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    REASONS.clear();
  }

  private static String[] chunks(RawHttp.Response response) {
    assertEquals(200, response.status(), response.body());
    String first = response.cookieValue(NAME + ".0");
    String second = response.cookieValue(NAME + ".1");
    assertNotNull(first, "a 5000-character tracker is chunked");
    assertNotNull(second);
    assertNull(response.cookieValue(NAME + ".2"), "two chunks are enough");
    return new String[] {first, second};
  }

  private static RawHttp.Response read(String cookieHeader) {
    return RawHttp.get(server.base(), "/read", "Cookie: " + cookieHeader);
  }

  private static String header(String first, String second) {
    return NAME + ".0=" + first + "; " + NAME + ".1=" + second;
  }

  private static void assertEmptyTracker(RawHttp.Response response) {
    assertEquals(200, response.status(), response.body());
    assertEquals("{}", response.body());
    assertEquals(1, REASONS.size(), REASONS.toString());
  }

  @Test
  void chunksInPlace_readTheTracker() {
    RawHttp.Response response = read(header(alice[0], alice[1]));
    assertEquals(200, response.status());
    assertTrue(response.body().contains("\"huge\":\"" + "x".repeat(5000) + "\""));
    assertTrue(REASONS.isEmpty());
  }

  @Test
  void chunksSwapped_readEmpty() {
    assertEmptyTracker(read(header(alice[1], alice[0])));
  }

  @Test
  void chunkFromAnotherValidTracker_readsEmpty() {
    assertEmptyTracker(read(header(alice[0], bob[1])));
    REASONS.clear();
    assertEmptyTracker(read(header(bob[0], alice[1])));
  }

  @Test
  void missingFirstChunk_readsEmpty() {
    RawHttp.Response response = read(NAME + ".1=" + alice[1]);
    assertEquals(200, response.status());
    assertEquals("{}", response.body());
  }

  @Test
  void everyChunkNameFloodedWithMaximalValues_readsEmpty() {
    StringBuilder header = new StringBuilder();
    for (int copy = 0; copy < 3; copy++) {
      for (int i = 0; i < 25; i++) {
        header.append(NAME).append('.').append(i).append('=').append("A".repeat(4096)).append("; ");
      }
    }
    header.append("end=1");
    assertTrue(header.length() > 300_000);
    RawHttp.Response response = read(header.toString());
    assertEquals(200, response.status());
    assertEquals("{}", response.body());
  }

  @Test
  void repeatedCopiesOfTheChunks_firstCopiesWin() {
    StringBuilder header = new StringBuilder(header(alice[0], alice[1]));
    for (int i = 0; i < 40; i++) {
      header.append("; ").append(header(bob[0], bob[1]));
    }
    RawHttp.Response response = read(header.toString());
    assertEquals(200, response.status());
    assertTrue(response.body().contains("x".repeat(5000) + "\""), "alice's tracker");
    assertTrue(!response.body().contains("x".repeat(5001)), "not bob's");
  }
}
