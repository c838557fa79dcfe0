package io.trackercookie.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoHttpTest {

  private static final String NAME = "persistent-information";
  private static TestServer server;

  @BeforeAll
  static void start() {
    DemoMetrics metrics = new DemoMetrics();
    server =
        new TestServer(
            () -> DemoApp.create(DemoApp.config(TestConfigs.PASSWORD, null, metrics), metrics));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void anyPath_recordsItAndShowsIt_trackerAnswersJsonUnchanged_rootClears() {
    RawHttp.Response hello = server.get("/hello/world");
    assertEquals(200, hello.status());
    assertTrue(
        hello
            .body()
            .contains("<code id=\"after\">{&quot;path&quot;:&quot;/hello/world&quot;}</code>"),
        hello.body());
    String value = hello.cookieValue(NAME);
    String line = hello.setCookies().get(0);
    assertFalse(line.contains("Secure"), "plain http on loopback in the demo: " + line);

    RawHttp.Response tracker = server.get("/tracker", "Cookie: " + NAME + "=" + value);
    assertEquals("{\"path\":\"/hello/world\"}", tracker.body());
    assertTrue(tracker.setCookies().isEmpty(), "GET /tracker changes nothing");

    RawHttp.Response root = server.get("/", "Cookie: " + NAME + "=" + value);
    assertTrue(
        root.body()
            .contains("<code id=\"before\">{&quot;path&quot;:&quot;/hello/world&quot;}</code>"),
        root.body());
    assertTrue(root.body().contains("<code id=\"after\">{}</code>"), root.body());
    assertEquals("", root.cookieValue(NAME), "the cookie is deleted");
    assertEquals("{}", server.get("/tracker").body());
  }

  /** The value of one sample line of the Prometheus text, e.g. a counter with its labels. */
  private static double sample(String metrics, String series) {
    for (String line : metrics.split("\n", -1)) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError("no " + series + " in\n" + metrics);
  }

  @Test
  void aTamperedCookie_isOneMoreRejectionInMetrics_andNamedInDiagnostics() {
    String badMac = "tracker_cookies_rejected_total{reason=\"BAD_MAC\"}";
    RawHttp.Response first = server.get("/metrics");
    assertEquals(200, first.status());
    String type = first.header("Content-Type").get(0);
    assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
    double before = sample(first.body(), badMac);

    String value = server.get("/hello").cookieValue(NAME);
    String tampered = value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A");
    RawHttp.Response refused = server.get("/tracker", "Cookie: " + NAME + "=" + tampered);
    assertEquals("{}", refused.body());
    assertEquals(List.of("rejected=BAD_MAC"), refused.header("Tracker-Diagnostics"));

    String after = server.get("/metrics").body();
    assertEquals(before + 1, sample(after, badMac), after);
    assertTrue(sample(after, "tracker_cookies_sealed_total") >= 1, after);
    assertFalse(after.contains(tampered.substring(10, 40)), "no cookie value in the metrics");
  }

  @Test
  void pathsAreEscapedInThePage() {
    RawHttp.Response response = server.get("/%3Cscript%3E");
    assertEquals(200, response.status());
    assertTrue(response.body().contains("/&lt;script&gt;"), response.body());
    assertFalse(response.body().contains("<script>"));
  }

  @Test
  void faviconRequests_doNotOverwriteThePath() {
    RawHttp.Response response = server.get("/favicon.ico");
    assertEquals(404, response.status());
    assertTrue(response.setCookies().isEmpty());
  }

  @Test
  void port_defaultsTo8080_andRejectsNonsense() {
    assertEquals(8080, DemoServer.port(null));
    assertEquals(9090, DemoServer.port("9090"));
    assertThrows(IllegalArgumentException.class, () -> DemoServer.port("http"));
  }

  @Test
  void aPasswordDirectory_givesTheDemoItsKeys_byFileName(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("k1"), TestConfigs.PASSWORD + "\n");
    try (TestServer fromFiles =
        new TestServer(() -> DemoApp.create(DemoApp.configFromPasswordDirectory(dir, null)))) {
      String value = fromFiles.get("/hello").cookieValue(NAME);
      assertEquals("k1", io.trackercookie.iron.SealParts.parse(value).passwordId());
    }
  }
}
