package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.Lifetimes;
import io.trackercookie.PayloadFormat;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every combination of lifetimes either works as documented, over HTTP, or is refused when the
 * config is built, with a message naming the setting: nothing builds and then misbehaves.
 */
class LifetimeRulesHttpTest {

  private static final String NAME = "persistent-information";

  private static String setCookie(TrackerConfig config) {
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response put = server.get("/put?k=user&v=alice");
      assertEquals(200, put.status());
      return put.setCookies().get(0);
    }
  }

  private static void refused(String setting, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains(setting), e.getMessage());
  }

  @Test
  void ironSession_keepsAnExplicitMaxAge_andAnExplicitSessionCookie() {
    CookieSettings hour = CookieSettings.builder().maxAge(Duration.ofHours(1)).build();
    String line =
        setCookie(
            TestConfigs.builder().payloadFormat(PayloadFormat.IRON_SESSION).cookie(hour).build());
    assertTrue(line.contains("; Max-Age=3600;"), line);

    CookieSettings session = CookieSettings.builder().maxAge(Duration.ZERO).build();
    line =
        setCookie(
            TestConfigs.builder()
                .payloadFormat(PayloadFormat.IRON_SESSION)
                .cookie(session)
                .build());
    assertFalse(line.contains("Max-Age"), line);

    line = setCookie(TestConfigs.builder().payloadFormat(PayloadFormat.IRON_SESSION).build());
    assertTrue(line.contains("; Max-Age=1209540;"), "without one, iron-session's: " + line);
  }

  @Test
  void aMaxAgeLongerThanTheTtl_isShortenedToIt_soTheBrowserDropsTheCookieWithItsSeal() {
    assertTrue(
        setCookie(TestConfigs.builder().ttl(Duration.ofHours(1)).build())
            .contains("; Max-Age=3600;"));
    CookieSettings twoDays = CookieSettings.builder().maxAge(Duration.ofDays(2)).build();
    assertTrue(
        setCookie(TestConfigs.builder().cookie(twoDays).ttl(Duration.ofHours(1)).build())
            .contains("; Max-Age=3600;"));
    CookieSettings minute = CookieSettings.builder().maxAge(Duration.ofMinutes(1)).build();
    assertTrue(
        setCookie(TestConfigs.builder().cookie(minute).ttl(Duration.ofHours(1)).build())
            .contains("; Max-Age=60;"),
        "a shorter Max-Age is kept");
  }

  @Test
  void theLongestLifetimes_writeCookiesThatBrowsersKeepAndSealsThatOpen() {
    TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05Z"));
    CookieSettings longest = CookieSettings.builder().maxAge(CookieSettings.MAX_MAX_AGE).build();
    TrackerConfig config =
        TestConfigs.builder().cookie(longest).ttl(Lifetimes.MAX_TTL).clock(clock).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response put = server.get("/put?k=user&v=alice");
      assertTrue(
          put.setCookies().get(0).contains("; Expires=Sat, 06 Feb 2027 03:04:05 GMT;"),
          put.setCookies().get(0));
      clock.advance(Duration.ofDays(3649));
      assertEquals(
          "{\"user\":\"alice\"}",
          server.get("/read", "Cookie: " + NAME + "=" + put.cookieValue(NAME)).body());
    }
  }

  @Test
  void aTtlUnderTwoMinutes_isRefused_namingTheSetting() {
    refused("ttl", () -> TestConfigs.builder().ttl(Duration.ofSeconds(30)));
    refused("ttl", () -> TestConfigs.builder().ttl(Duration.ZERO));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TestConfigs.builder().ttl(Duration.ZERO))
            .getMessage()
            .contains("sealsNeverExpire"),
        "a zero ttl points at the setting that now means no expiration");
    refused("slidingExpiry", () -> TestConfigs.builder().slidingExpiry(Duration.ofSeconds(90)));
    refused(TrackerSettings.TTL, () -> TestConfigs.fromSettings(TrackerSettings.TTL, "30"));
    assertDoesNotThrow(() -> TestConfigs.builder().ttl(Lifetimes.MIN_TTL).build());
  }

  @Test
  void aMaxAgeUnderTwoMinutes_withoutATtl_isRefused_forItWouldBeTheSealsLifetime() {
    // Without a ttl a seal lives as long as the cookie's Max-Age: 30 s would be a seal that iron
    // still opens 60 s after it expired. Refused, naming the builder calls and the settings.
    for (Duration tooShort :
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(119))) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> TestConfigs.builder().maxAge(tooShort).build());
      for (String named :
          List.of(
              "maxAge",
              "ttl",
              TrackerSettings.COOKIE_MAX_AGE,
              "TRACKER_COOKIE_MAX_AGE",
              "TRACKER_TTL")) {
        assertTrue(e.getMessage().contains(named), named + " in " + e.getMessage());
      }
    }
    IllegalStateException fromSettings =
        assertThrows(
            IllegalStateException.class,
            () -> TestConfigs.fromSettings(TrackerSettings.COOKIE_MAX_AGE, "30"));
    assertTrue(
        fromSettings.getMessage().contains("TRACKER_COOKIE_MAX_AGE"), fromSettings.getMessage());
    assertThrows(
        IllegalStateException.class,
        () ->
            TestConfigs.builder()
                .cookie(CookieSettings.builder().maxAge(Duration.ofSeconds(30)).build())
                .build());
    // Seals that take their lifetime elsewhere keep a short Max-Age.
    assertDoesNotThrow(() -> TestConfigs.builder().maxAge(Lifetimes.MIN_TTL).build());
    assertDoesNotThrow(
        () -> TestConfigs.builder().maxAge(Duration.ofSeconds(30)).sealsNeverExpire().build());
    assertEquals(
        Duration.ofDays(14),
        TestConfigs.builder()
            .maxAge(Duration.ofSeconds(30))
            .payloadFormat(PayloadFormat.IRON_SESSION)
            .build()
            .sealTtl());
  }

  @Test
  void aShortMaxAgeWithATtl_keepsTheMaxAge_andSealsLiveTheTtl_overHttp() {
    TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05Z"));
    TrackerConfig config =
        TestConfigs.builder()
            .maxAge(Duration.ofSeconds(30))
            .ttl(Lifetimes.MIN_TTL)
            .clock(clock)
            .build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response put = server.get("/put?k=user&v=alice");
      assertTrue(put.setCookies().get(0).contains("; Max-Age=30;"), put.setCookies().get(0));
      String cookie = "Cookie: " + NAME + "=" + put.cookieValue(NAME);
      clock.advance(Duration.ofSeconds(100));
      assertEquals("{\"user\":\"alice\"}", server.get("/read", cookie).body());
      clock.advance(Duration.ofSeconds(81)); // 2 minutes, then iron's 60 s skew, are over
      assertEquals("{}", server.get("/read", cookie).body());
    }
  }

  @Test
  void fractionsOfASecond_areRefused() {
    refused("maxAge", () -> CookieSettings.builder().maxAge(Duration.ofMillis(500)));
    refused("ttl", () -> TestConfigs.builder().ttl(Duration.ofMillis(60_500)));
    refused("ttl", () -> TestConfigs.builder().ttl(Duration.ofMillis(180_500)));
    refused("slidingExpiry", () -> TestConfigs.builder().slidingExpiry(Duration.ofMillis(180_500)));
    refused(
        TrackerSettings.COOKIE_MAX_AGE,
        () -> TestConfigs.fromSettings(TrackerSettings.COOKIE_MAX_AGE, "PT0.5S"));
  }

  @Test
  void hugeLifetimes_areRefusedAtBuild_notWhenTheApplicationStarts() {
    refused("ttl", () -> TestConfigs.builder().ttl(Duration.ofSeconds(Long.MAX_VALUE)));
    refused("ttl", () -> TestConfigs.builder().ttl(Duration.ofDays(365L * 300_000)));
    refused("ttl", () -> TestConfigs.builder().ttl(Lifetimes.MAX_TTL.plusSeconds(1)));
    refused("maxAge", () -> CookieSettings.builder().maxAge(Duration.ofSeconds(Long.MAX_VALUE)));
    refused("maxAge", () -> CookieSettings.builder().maxAge(Duration.ofDays(365L * 10_000)));
    refused("maxAge", () -> CookieSettings.builder().maxAge(Duration.ofDays(401)));
    refused("slidingExpiry", () -> TestConfigs.builder().slidingExpiry(Duration.ofDays(401)));
    refused(
        TrackerSettings.COOKIE_MAX_AGE,
        () -> TestConfigs.fromSettings(TrackerSettings.COOKIE_MAX_AGE, "P10000D"));
    refused(
        TrackerSettings.TTL,
        () -> TestConfigs.fromSettings(TrackerSettings.TTL, Long.toString(Long.MAX_VALUE)));
  }

  @Test
  void sealsNeverExpire_withATtlOrSlidingExpiry_isRefused() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> TestConfigs.builder().sealsNeverExpire().ttl(Duration.ofHours(1)).build());
    assertTrue(e.getMessage().contains("sealsNeverExpire"), e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> TestConfigs.builder().sealsNeverExpire().slidingExpiry(Duration.ofHours(1)).build());
  }

  @Test
  void aDomainMustBeAHostName_withAnOptionalLeadingDot() {
    for (String bad :
        new String[] {
          "a,b",
          "a=b",
          "/,Secure",
          "exa mple.com",
          "-a.com",
          "a-.com",
          ".",
          "a..b",
          "example.com.",
          "b\u00fccher.de",
          "x".repeat(64) + ".com"
        }) {
      refused("domain", () -> CookieSettings.builder().domain(bad));
    }
    refused(
        TrackerSettings.COOKIE_DOMAIN,
        () -> TestConfigs.fromSettings(TrackerSettings.COOKIE_DOMAIN, "a,b"));
    for (String good :
        new String[] {
          "example.com", ".example.com", "sub.example.co.uk", "localhost", "xn--bcher-kva.de"
        }) {
      assertDoesNotThrow(() -> CookieSettings.builder().domain(good).build(), good);
    }
    CookieSettings dotted = CookieSettings.builder().domain(".example.com").build();
    assertTrue(
        setCookie(TestConfigs.builder().cookie(dotted).build()).contains("; Domain=.example.com;"));
  }
}
