package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.PayloadFormat;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import io.trackercookie.legacy.LegacyCookieWriter;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How long a seal lives: by default as long as its cookie; an application's write gives it a full
 * ttl from then; every reseal the application did not ask for (a new password, a new format, a
 * legacy upgrade) keeps the expiration it had, and a seal already past it is never resealed.
 */
class SealLifetimeHttpTest {

  private static final String NAME = "persistent-information";
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration SKEW = Duration.ofSeconds(60);

  private static Instant expirationOf(String cookieValue) {
    String seal =
        cookieValue.endsWith("~2")
            ? cookieValue.substring(0, cookieValue.length() - 2)
            : cookieValue;
    String expiration = SealParts.parse(seal).expiration();
    return expiration.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(expiration));
  }

  private static String passwordIdOf(String cookieValue) {
    return SealParts.parse(cookieValue.replace("~2", "")).passwordId();
  }

  private static String cookie(String value) {
    return "Cookie: " + NAME + "=" + value;
  }

  private static TestServer server(TrackerConfig config) {
    return new TestServer(() -> TestConfigs.app(config));
  }

  /** A node whose current password is new, still accepting the old (id-less) one. */
  private static TrackerConfig.Builder rotated(TestClock clock) {
    return TrackerConfig.builder()
        .passwords(
            IronPasswords.builder()
                .current("k2", TestConfigs.OTHER_PASSWORD)
                .accept(IronPasswords.DEFAULT_ID, TestConfigs.PASSWORD)
                .build())
        .clock(clock);
  }

  private static String writtenAtT0(TestClock clock, TrackerConfig.Builder config) {
    try (TestServer server = server(config.clock(clock).build())) {
      return server.get("/put?k=user&v=alice").cookieValue(NAME);
    }
  }

  @Test
  void byDefault_aSealExpiresWhenItsCookieDoes_andIsRefusedAfterThat() {
    TestClock clock = new TestClock(T0);
    try (TestServer server = server(TestConfigs.builder().clock(clock).build())) {
      RawHttp.Response put = server.get("/put?k=user&v=alice");
      String value = put.cookieValue(NAME);
      assertEquals(T0.plus(Duration.ofDays(30)), expirationOf(value));
      assertTrue(put.setCookies().get(0).contains("; Max-Age=2592000;"), put.setCookies().get(0));

      clock.advance(Duration.ofDays(30).minusMinutes(1));
      assertEquals("{\"user\":\"alice\"}", server.get("/read", cookie(value)).body());
      clock.advance(Duration.ofMinutes(1).plus(SKEW).plusSeconds(1));
      assertEquals("{}", server.get("/read", cookie(value)).body(), "a copy outliving its cookie");
    }
  }

  @Test
  void aSessionCookie_getsThirtyDaySeals_andAShorterMaxAgeGivesItsOwnLifetime() {
    TestClock clock = new TestClock(T0);
    CookieSettings session = CookieSettings.builder().maxAge(Duration.ZERO).build();
    try (TestServer server = server(TestConfigs.builder().cookie(session).clock(clock).build())) {
      RawHttp.Response put = server.get("/put?k=user&v=alice");
      assertEquals(T0.plus(Duration.ofDays(30)), expirationOf(put.cookieValue(NAME)));
      assertFalse(put.setCookies().get(0).contains("Max-Age"), "still a session cookie");
    }
    CookieSettings hour = CookieSettings.builder().maxAge(HOUR).build();
    try (TestServer server = server(TestConfigs.builder().cookie(hour).clock(clock).build())) {
      assertEquals(
          T0.plus(HOUR), expirationOf(server.get("/put?k=user&v=alice").cookieValue(NAME)));
    }
  }

  @Test
  void sealsNeverExpire_writesSealsWithoutAnExpiration_fromTheBuilderOrTheSetting() {
    TestClock clock = new TestClock(T0);
    String value = writtenAtT0(clock, TestConfigs.builder().sealsNeverExpire());
    assertNull(expirationOf(value));
    assertEquals(
        Duration.ZERO,
        TestConfigs.fromSettings(TrackerSettings.SEALS_NEVER_EXPIRE, "true").sealTtl());
    try (TestServer server =
        server(TestConfigs.builder().sealsNeverExpire().clock(clock).build())) {
      clock.advance(Duration.ofDays(3650));
      assertEquals("{\"user\":\"alice\"}", server.get("/read", cookie(value)).body());
    }
  }

  @Test
  void aRotationReseal_keepsTheSealsExpiration_soACopyDiesOnTime() {
    TestClock clock = new TestClock(T0);
    String old = writtenAtT0(clock, TestConfigs.builder().ttl(HOUR));
    clock.advance(Duration.ofMinutes(50));
    try (TestServer server = server(rotated(clock).ttl(HOUR).build())) {
      RawHttp.Response read = server.get("/read", cookie(old));
      assertEquals("{\"user\":\"alice\"}", read.body());
      String resealed = read.cookieValue(NAME);
      assertEquals("k2", passwordIdOf(resealed));
      assertEquals(T0.plus(HOUR), expirationOf(resealed), "not 1 h 50 min after it was written");
      assertTrue(
          read.setCookies()
              .get(0)
              .contains("; Max-Age=600; Expires=Fri, 02 Jan 2026 04:04:05 GMT;"),
          "the cookie ends with its seal: " + read.setCookies().get(0));

      String unread = server.get("/nothing", cookie(old)).cookieValue(NAME);
      assertEquals("k2", passwordIdOf(unread));
      assertEquals(T0.plus(HOUR), expirationOf(unread), "the unread path keeps it too");

      clock.advance(Duration.ofMinutes(10).plus(SKEW).plusSeconds(1));
      assertEquals("{}", server.get("/read", cookie(resealed)).body());
    }
  }

  @Test
  void aCopyPastItsExpirationButInsideTheSkew_isReadButNeverResealed() {
    TestClock clock = new TestClock(T0);
    String old = writtenAtT0(clock, TestConfigs.builder().ttl(HOUR));
    clock.advance(HOUR.plusSeconds(30));
    try (TestServer server = server(rotated(clock).ttl(HOUR).build())) {
      RawHttp.Response read = server.get("/read", cookie(old));
      assertEquals("{\"user\":\"alice\"}", read.body(), "iron's skew still accepts it");
      assertTrue(read.setCookies().isEmpty(), "no new hour for an expired copy");
      assertTrue(server.get("/nothing", cookie(old)).setCookies().isEmpty());
    }
  }

  @Test
  void anApplicationWrite_givesTheSealAFullTtlFromNow() {
    TestClock clock = new TestClock(T0);
    String old = writtenAtT0(clock, TestConfigs.builder().ttl(HOUR));
    clock.advance(Duration.ofMinutes(50));
    try (TestServer server = server(rotated(clock).ttl(HOUR).build())) {
      String written = server.get("/put?k=user&v=bob", cookie(old)).cookieValue(NAME);
      assertEquals(T0.plus(Duration.ofMinutes(50)).plus(HOUR), expirationOf(written));
    }
  }

  @Test
  void aLegacyUpgrade_keepsTheLegacyCookiesOwnExpiry() {
    String secret = "a-legacy-cookie-sessions-secret";
    TestClock clock = new TestClock(T0);
    String legacy =
        LegacyCookieWriter.write(
            secret, T0.minus(Duration.ofHours(2)).toEpochMilli(), "{\"user\":\"alice\"}");
    TrackerConfig config =
        TestConfigs.builder()
            .legacySecret(secret)
            .legacyTimeout(Duration.ofHours(24))
            .clock(clock)
            .build();
    try (TestServer server = server(config)) {
      RawHttp.Response read = server.get("/read", "Cookie: _node=" + legacy);
      assertEquals("{\"user\":\"alice\"}", read.body());
      String upgraded = read.cookieValue(NAME);
      assertNotNull(upgraded);
      assertEquals(T0.plus(Duration.ofHours(22)), expirationOf(upgraded));
    }
  }

  @Test
  void switchingToIronSession_keepsTrackersSealedWithoutAnId_resealedUnderId1WithTheirExpiration() {
    TestClock clock = new TestClock(T0);
    String before = writtenAtT0(clock, TestConfigs.builder());
    assertEquals("", passwordIdOf(before));
    clock.advance(Duration.ofDays(1));
    TrackerConfig ironSession =
        TestConfigs.builder().payloadFormat(PayloadFormat.IRON_SESSION).clock(clock).build();
    String ironSessionSeal;
    try (TestServer server = server(ironSession)) {
      RawHttp.Response read = server.get("/read", cookie(before));
      assertEquals("{\"user\":\"alice\"}", read.body(), "nobody is logged out");
      String resealed = read.cookieValue(NAME);
      assertTrue(resealed.endsWith("~2"));
      assertEquals("1", passwordIdOf(resealed));
      // No later than the original, nor than iron-session's 14 days from now.
      assertEquals(T0.plus(Duration.ofDays(15)), expirationOf(resealed));
      ironSessionSeal = server.get("/put?k=user&v=bob").cookieValue(NAME);
    }
    try (TestServer server = server(TestConfigs.builder().clock(clock).build())) {
      RawHttp.Response back = server.get("/read", cookie(ironSessionSeal));
      assertEquals("{\"user\":\"bob\"}", back.body(), "and back: id 1 opens with one password");
      assertTrue(back.setCookies().isEmpty());
    }
  }

  @Test
  void rotationOnAnUnreadRequest_followsTheCookieThatOpens_notAJunkOneAheadOfIt() {
    TestClock clock = new TestClock(T0);
    String old = writtenAtT0(clock, TestConfigs.builder());
    String junkWithTheCurrentId = "Fe26.2*k2*salt*iv*data**hmacsalt*hmac";
    try (TestServer server = server(rotated(clock).build())) {
      RawHttp.Response response =
          server.get(
              "/nothing", "Cookie: " + NAME + "=" + junkWithTheCurrentId + "; " + NAME + "=" + old);
      String resealed = response.cookieValue(NAME);
      assertNotNull(resealed, "the old-key cookie that opens is resealed");
      assertEquals("k2", passwordIdOf(resealed));
      assertEquals("{\"user\":\"alice\"}", server.get("/read", cookie(resealed)).body());
    }
  }
}
