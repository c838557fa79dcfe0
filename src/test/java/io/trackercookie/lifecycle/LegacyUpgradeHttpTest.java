package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.TrackerSettings;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Visitors carrying a cookie-sessions 0.0.2 cookie are moved to the tracker cookie on their first
 * response. The cookies are the HTTP captures of the real package (vectors/cookie-sessions.json,
 * {@code http[]}), replayed at their capture time.
 */
class LegacyUpgradeHttpTest {

  private static final String NAME = "persistent-information";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode vectors;
  private static Clock captureClock;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        LegacyUpgradeHttpTest.class.getResourceAsStream("/vectors/cookie-sessions.json")) {
      vectors = JSON.readTree(in);
    }
    captureClock =
        Clock.fixed(Instant.parse(vectors.get("httpCapturedAt").asText()), ZoneOffset.UTC);
  }

  private static JsonNode capture(String id) {
    for (JsonNode exchange : vectors.get("http")) {
      if (exchange.get("id").asText().equals(id)) {
        return exchange;
      }
    }
    throw new AssertionError("no capture " + id);
  }

  private static String cookieHeader(String id) {
    return capture(id).get("request").get("headerLines").get(0).asText();
  }

  private static TrackerConfig.Builder legacyConfig(String captureId, Clock clock) {
    JsonNode settings = capture(captureId).get("settings");
    return TestConfigs.builder()
        .clock(clock)
        .legacySecret(settings.get("secret").asText())
        .legacyTimeout(Duration.ofMillis(settings.get("timeout").asLong()));
  }

  private static TestServer server(TrackerConfig config) {
    return new TestServer(() -> TestConfigs.app(config));
  }

  @Test
  void
      validLegacyCookie_givesItsSession_andTheSameResponseWritesTheTrackerAndDeletesTheLegacyCookie()
          throws Exception {
    try (TestServer server = server(legacyConfig("h-whoami", captureClock).build())) {
      RawHttp.Response response = server.get("/read", cookieHeader("h-whoami"));
      assertEquals(200, response.status());
      assertEquals(
          JSON.readTree("{\"user\":\"alice\",\"roles\":[\"admin\"]}"),
          JSON.readTree(response.body()));
      String tracker = response.cookieValue(NAME);
      assertNotNull(tracker, "upgraded on the same response");
      assertTrue(tracker.startsWith("Fe26.2*"));
      assertTrue(
          response
              .setCookies()
              .contains("_node=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"),
          response.setCookies().toString());

      RawHttp.Response next = server.get("/read", "Cookie: " + NAME + "=" + tracker);
      assertEquals(response.body(), next.body());
      assertTrue(next.setCookies().isEmpty(), "the upgraded visitor is an ordinary one");
    }
  }

  @Test
  void legacyCookieOnARequestThatNeverReadsTheTracker_isUpgradedToo() {
    try (TestServer server = server(legacyConfig("h-login", captureClock).build())) {
      RawHttp.Response response =
          server.get("/nothing", "Cookie: _node=" + capture("h-login").get("cookieValue").asText());
      assertNotNull(response.cookieValue(NAME));
      assertEquals("", response.cookieValue("_node"));
    }
  }

  @Test
  void escapedLegacyCookie_isUnescapedAsCookieSessionsDoes() {
    try (TestServer server = server(legacyConfig("h-escaped-value", captureClock).build())) {
      RawHttp.Response response = server.get("/read", cookieHeader("h-escaped-value"));
      assertEquals("{\"user\":\"alice\",\"roles\":[\"admin\"]}", response.body());
    }
  }

  @Test
  void customLegacyCookieNameSecretAndTimeout_fromTheSettings() {
    JsonNode settings = capture("h-custom-whoami").get("settings");
    TrackerConfig config =
        TestConfigs.fromSettings(
            TrackerSettings.LEGACY_SECRET,
            settings.get("secret").asText(),
            TrackerSettings.LEGACY_COOKIE_NAME,
            "my%20sess",
            TrackerSettings.LEGACY_TIMEOUT,
            "PT1H");
    // fromSettings has no clock: the capture's cookie is checked against a clock at its time.
    TrackerConfig atCapture =
        legacyConfig("h-custom-whoami", captureClock)
            .legacyCookieName(config.legacy().cookieName())
            .build();
    assertEquals(Duration.ofHours(1), config.legacy().timeout());
    try (TestServer server = server(atCapture)) {
      RawHttp.Response response = server.get("/read", cookieHeader("h-custom-whoami"));
      assertEquals("{\"name\":\"Zo\u00eb \u4e2d\u6587 \ud83d\ude00\"}", response.body());
      assertEquals("", response.cookieValue("my%20sess"));
    }
  }

  @Test
  void tamperedLegacyCookie_isAnEmptyTracker_neverA500_andNothingIsWritten() {
    try (TestServer server = server(legacyConfig("h-tampered", captureClock).build())) {
      RawHttp.Response response = server.get("/read", cookieHeader("h-tampered"));
      assertEquals(200, response.status(), "cookie-sessions answers 500 here");
      assertEquals("{}", response.body());
      assertTrue(response.setCookies().isEmpty(), response.setCookies().toString());
    }
  }

  @Test
  void refusedLegacyCookies_reachTheListener_inTheTrackersOwnVocabulary() {
    List<RejectionReason> reasons = new CopyOnWriteArrayList<>();
    TrackerListener listener =
        new TrackerListener() {
          @Override
          public void cookieRejected(RejectionReason reason) {
            reasons.add(reason);
          }
        };
    Clock dayLater = Clock.offset(captureClock, Duration.ofHours(25));
    try (TestServer tampered =
            server(legacyConfig("h-tampered", captureClock).listener(listener).build());
        TestServer late = server(legacyConfig("h-whoami", dayLater).listener(listener).build())) {
      assertEquals("{}", tampered.get("/read", cookieHeader("h-tampered")).body());
      assertEquals("{}", late.get("/read", cookieHeader("h-whoami")).body());
    }
    assertEquals(List.of(RejectionReason.BAD_MAC, RejectionReason.EXPIRED), reasons);
  }

  @Test
  void expiredLegacyCookie_isAnEmptyTracker() {
    Clock dayLater = Clock.offset(captureClock, Duration.ofHours(25));
    try (TestServer server = server(legacyConfig("h-whoami", dayLater).build())) {
      RawHttp.Response response = server.get("/read", cookieHeader("h-whoami"));
      assertEquals("{}", response.body());
      assertNull(response.cookieValue(NAME));
    }
  }

  @Test
  void withoutALegacySecret_theLegacyCookieIsIgnored() {
    try (TestServer server = server(TestConfigs.builder().clock(captureClock).build())) {
      RawHttp.Response response = server.get("/read", cookieHeader("h-whoami"));
      assertEquals("{}", response.body());
      assertTrue(response.setCookies().isEmpty());
    }
  }

  @Test
  void legacyFormat_isNeverWritten_evenWhenTheUpgradedTrackerChanges() {
    try (TestServer server = server(legacyConfig("h-whoami", captureClock).build())) {
      RawHttp.Response response = server.get("/put?k=visits&v=2", cookieHeader("h-whoami"));
      assertTrue(
          response.body().contains("\"user\":\"alice\"")
              && response.body().contains("\"visits\":\"2\""),
          response.body());
      for (String line : response.setCookies()) {
        assertTrue(line.startsWith(NAME + "=Fe26.2*") || line.startsWith("_node=;"), line);
      }
      assertFalse(response.setCookies().isEmpty());
    }
  }
}
