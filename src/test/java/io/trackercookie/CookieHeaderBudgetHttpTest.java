package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * The tracker never grows past what a server lets back in: the Cookie header its cookies make stays
 * within a budget that fits under the 8 KB request-head limit of Grizzly, Tomcat and Jetty, with
 * room for a browser's own headers.
 */
class CookieHeaderBudgetHttpTest {

  private static final String NAME = "persistent-information";

  /** What a desktop Chrome sends besides cookies on a navigation, about 1 KB. */
  private static final String[] BROWSER_HEADERS = {
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/131.0.0.0 Safari/537.36",
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
        + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
    "Accept-Encoding: gzip, deflate, br, zstd",
    "Accept-Language: en-GB,en-US;q=0.9,en;q=0.8,de;q=0.7,fr;q=0.6",
    "Cache-Control: max-age=0",
    "Referer: https://www.example.com/search/results?query=tracker+cookie+size&page=2&sort=rel",
    "Sec-Ch-Ua: \"Google Chrome\";v=\"131\", \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"",
    "Sec-Ch-Ua-Mobile: ?0",
    "Sec-Ch-Ua-Platform: \"Linux\"",
    "Sec-Fetch-Dest: document",
    "Sec-Fetch-Mode: navigate",
    "Sec-Fetch-Site: same-origin",
    "Sec-Fetch-User: ?1",
    "Upgrade-Insecure-Requests: 1",
    "Cookie: _ga=GA1.1.1234567890.1700000000; _ga_ABCDEF1234=GS1.1.1700000000.1.1.1700000100.0.0.0;"
        + " consent=necessary%2Canalytics; lang=en",
  };

  /** Grows the tracker to the largest content the limits allow. */
  @Path("/")
  public static class GrowingResource {
    @GET
    public String home() {
      return "home";
    }

    @GET
    @Path("grow")
    public String grow(@Context Tracker tracker) {
      int keys = 0;
      try {
        while (true) {
          tracker.put("k" + keys, "z".repeat(500));
          keys++;
        }
      } catch (TrackerTooLargeException full) {
        // The last key takes what room is left, to the byte.
        for (int length = 499; length > 0; length--) {
          try {
            tracker.put("last", "z".repeat(length));
            break;
          } catch (TrackerTooLargeException tooLong) {
            // shorter
          }
        }
        return full.getMessage();
      }
    }
  }

  /** Two refused puts (one replacing a key, one adding one), then an ordinary one. */
  @Path("refused-then-more")
  public static class RefusedResource {
    @GET
    public String refusedThenMore(@Context Tracker tracker) {
      tracker.put("a", "x");
      for (String key : new String[] {"a", "b"}) {
        try {
          tracker.put(key, "z".repeat(9000));
          return "not refused";
        } catch (TrackerTooLargeException expected) {
          // the tracker keeps what it held
        }
      }
      tracker.put("c", "ok");
      return tracker.asMap().toString();
    }
  }

  private static TestServer server(TrackerConfig config) {
    return new TestServer(
        () ->
            new ResourceConfig(GrowingResource.class, RefusedResource.class)
                .register(new TrackerFeature(config)));
  }

  /** The Cookie header line a browser sends back after these Set-Cookie lines. */
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

  private static String[] withBrowserHeaders(String trackerCookies) {
    String[] lines = BROWSER_HEADERS.clone();
    lines[lines.length - 1] = lines[lines.length - 1] + "; " + trackerCookies.substring(8);
    return lines;
  }

  @Test
  void theLargestTrackerChunkingAllows_stillLetsABrowserReachTheSite() {
    try (TestServer server = server(TestConfigs.builder().chunking().build())) {
      RawHttp.Response grown = server.get("/grow");
      assertEquals(200, grown.status());
      assertTrue(grown.body().contains("over the limit of 6144 bytes"), grown.body());
      String cookies = cookieHeader(grown);
      int trackerBytes = cookies.length() - "Cookie: ".length() + 2;
      assertTrue(
          trackerBytes <= 6144 && trackerBytes > 5600, "the budget, nearly full: " + trackerBytes);
      assertTrue(cookies.contains(NAME + ".1="), "chunked");

      RawHttp.Response home = server.get("/", withBrowserHeaders(cookies));
      assertEquals(200, home.status(), "a 400 here would lock the visitor out until Max-Age");
      assertEquals("home", home.body());
    }
  }

  @Test
  void aRefusedPut_leavesTheTrackerAsItWas_andTheNextWriteIsSealed() {
    try (TestServer server = server(TestConfigs.builder().build())) {
      RawHttp.Response response = server.get("/refused-then-more");
      assertEquals(200, response.status());
      assertEquals("{a=x, c=ok}", response.body());
      assertEquals(
          "\"{\\\"a\\\":\\\"x\\\",\\\"c\\\":\\\"ok\\\"}\"",
          TestConfigs.unseal(response.cookieValue(NAME)));
    }
  }

  @Test
  void aPutPastTheBudget_isATrackerTooLargeException_namingTheBudget() {
    TrackerConfig config = TestConfigs.builder().maxCookieHeaderBytes(2048).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response response = server.get("/big?n=2000");
      assertEquals(413, response.status());
      assertTrue(response.body().contains("over the limit of 2048 bytes"), response.body());
      assertEquals(200, server.get("/big?n=1000").status());
    }
  }

  @Test
  void aBudgetOver8K_logsOneWarningAtStartUp_andTheDefaultNone() {
    List<LogRecord> warnings = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel() == Level.WARNING
                && record.getMessage().contains("maxCookieHeaderBytes")) {
              synchronized (warnings) {
                warnings.add(record);
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("io.trackercookie");
    logger.addHandler(capture);
    try {
      try (TestServer server = server(TestConfigs.builder().build())) {
        assertEquals(200, server.get("/").status());
      }
      assertEquals(List.of(), warnings);
      TrackerConfig raised = TestConfigs.builder().chunking().maxCookieHeaderBytes(16384).build();
      try (TestServer server = server(raised)) {
        assertEquals(200, server.get("/").status());
      }
      assertEquals(1, warnings.size());
      assertTrue(warnings.get(0).getMessage().contains("16384"), warnings.get(0).getMessage());
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void theBudget_fromTheSettings_andOutOfRangeValuesAreRefusedNamingIt() {
    assertEquals(
        10000,
        TestConfigs.fromSettings(TrackerSettings.MAX_COOKIE_HEADER_BYTES, "10000")
            .cookieBudget()
            .maxCookieHeaderBytes());
    assertEquals(6144, TestConfigs.builder().build().cookieBudget().maxCookieHeaderBytes());
    for (String bad : new String[] {"1023", "81921", "lots"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> TestConfigs.fromSettings(TrackerSettings.MAX_COOKIE_HEADER_BYTES, bad));
      assertTrue(e.getMessage().contains(TrackerSettings.MAX_COOKIE_HEADER_BYTES), e.getMessage());
    }
  }
}
