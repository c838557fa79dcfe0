package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.TrackerSettings;
import io.trackercookie.iron.SealParts;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sliding (inactivity) expiry over HTTP, with a clock the test moves: no sleeping. */
class SlidingExpiryHttpTest {

  private static final String NAME = "persistent-information";
  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static final Duration IDLE = Duration.ofHours(1);

  private TestClock clock;
  private TestServer server;
  private final List<RejectionReason> reasons = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    clock = new TestClock(START);
    TrackerListener listener =
        new TrackerListener() {
          @Override
          public void cookieRejected(RejectionReason reason) {
            reasons.add(reason);
          }
        };
    TrackerConfig config =
        TestConfigs.builder().slidingExpiry(IDLE).clock(clock).listener(listener).build();
    server = new TestServer(() -> TestConfigs.app(config));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Instant expirationOf(String value) {
    return Instant.ofEpochMilli(Long.parseLong(SealParts.parse(value).expiration()));
  }

  private RawHttp.Response read(String value) {
    return server.get("/read", "Cookie: " + NAME + "=" + value);
  }

  @Test
  void newCookie_expiresAfterTheIdleTimeout_andItsMaxAgeIsThatTimeout() {
    RawHttp.Response response = server.get("/put?k=user&v=alice");
    assertEquals(START.plus(IDLE), expirationOf(response.cookieValue(NAME)));
    assertTrue(
        response.setCookies().get(0).contains("; Max-Age=3600;"), response.setCookies().get(0));
  }

  @Test
  void validCookie_beforeHalfItsLifetime_sendsNoSetCookie() {
    String value = server.get("/put?k=user&v=alice").cookieValue(NAME);
    clock.advance(Duration.ofMinutes(29));
    RawHttp.Response response = read(value);
    assertEquals("{\"user\":\"alice\"}", response.body());
    assertTrue(response.setCookies().isEmpty(), response.setCookies().toString());
  }

  @Test
  void validCookie_pastHalfItsLifetime_isReissuedWithANewExpirationAndMaxAge() {
    String value = server.get("/put?k=user&v=alice").cookieValue(NAME);
    clock.advance(Duration.ofMinutes(31));
    RawHttp.Response response = read(value);
    assertEquals("{\"user\":\"alice\"}", response.body());
    String reissued = response.cookieValue(NAME);
    assertNotNull(reissued, "due for reissue");
    assertEquals(START.plus(Duration.ofMinutes(31)).plus(IDLE), expirationOf(reissued));
    assertTrue(response.setCookies().get(0).contains("; Max-Age=3600;"));
    assertEquals("{\"user\":\"alice\"}", read(reissued).body());
  }

  @Test
  void requestThatNeverReadsTheTracker_stillReissuesADueCookie() {
    String value = server.get("/put?k=user&v=alice").cookieValue(NAME);
    clock.advance(Duration.ofMinutes(45));
    RawHttp.Response response = server.get("/nothing", "Cookie: " + NAME + "=" + value);
    assertEquals(
        START.plus(Duration.ofMinutes(45)).plus(IDLE), expirationOf(response.cookieValue(NAME)));
  }

  @Test
  void activeVisitor_staysSignedInFarPastTheIdleTimeout_withFewSetCookies() {
    String value = server.get("/put?k=user&v=alice").cookieValue(NAME);
    int reissued = 0;
    for (int i = 0; i < 24; i++) { // a request every 20 minutes for 8 hours
      clock.advance(Duration.ofMinutes(20));
      RawHttp.Response response = read(value);
      assertEquals("{\"user\":\"alice\"}", response.body(), "request " + i);
      if (response.cookieValue(NAME) != null) {
        value = response.cookieValue(NAME);
        reissued++;
      }
    }
    assertEquals(
        12, reissued, "every other request: after 40 minutes the cookie is past half its hour");
    assertTrue(reasons.isEmpty(), reasons.toString());
  }

  @Test
  void idleVisitor_cookieExpires_andReadsAsEmpty() {
    String value = server.get("/put?k=user&v=alice").cookieValue(NAME);
    clock.advance(IDLE.plusMinutes(2)); // past iron's 60 s skew
    RawHttp.Response response = read(value);
    assertEquals("{}", response.body());
    assertTrue(response.setCookies().isEmpty());
    assertEquals(List.of(RejectionReason.EXPIRED), reasons);
  }

  @Test
  void reissueShare_andIdleTimeout_comeFromTheSettings() {
    TrackerConfig config =
        TestConfigs.fromSettings(
            TrackerSettings.SLIDING_EXPIRY, "PT10M", TrackerSettings.REISSUE_AFTER, "0.25");
    assertEquals(Duration.ofMinutes(10), config.lifetimes().slidingExpiry().orElseThrow());
    assertEquals(0.25, config.lifetimes().reissueAfter());
    assertEquals(Duration.ofMinutes(10), config.cookieMaxAge());
    assertEquals(Duration.ofMinutes(10), config.sealTtl());
  }

  @Test
  void slidingExpiryWithAnAbsoluteTtl_orAShareOutsideZeroToOne_isRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> TestConfigs.builder().slidingExpiry(IDLE).ttl(Duration.ofDays(1)).build());
    assertThrows(IllegalArgumentException.class, () -> TestConfigs.builder().reissueAfter(1.0));
    assertThrows(IllegalArgumentException.class, () -> TestConfigs.builder().reissueAfter(0));
    assertThrows(
        IllegalArgumentException.class, () -> TestConfigs.builder().slidingExpiry(Duration.ZERO));
  }
}
