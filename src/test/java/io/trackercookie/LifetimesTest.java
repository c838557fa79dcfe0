package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The lifetimes group: its setters' checks, its combination rules, and what seals and cookies get.
 */
class LifetimesTest {

  private static final CookieSettings DEFAULT_COOKIE = CookieSettings.defaults();

  @Test
  void aZeroTtl_isRefused_pointingAtTheSettingForNoExpiration() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Lifetimes.builder().ttl(Duration.ZERO));
    assertTrue(e.getMessage().contains("tracker.sealsNeverExpire=true"), e.getMessage());
  }

  @Test
  void theSlidingExpiry_isBoundedByTheLongestMaxAge_theTtlByTenYears() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Lifetimes.builder().slidingExpiry(Lifetimes.MAX_SLIDING_EXPIRY.plusDays(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Lifetimes.builder().ttl(Lifetimes.MAX_TTL.plusDays(1)));
    assertEquals(
        Lifetimes.MAX_TTL, Lifetimes.builder().ttl(Lifetimes.MAX_TTL).build().ttl().orElseThrow());
  }

  @Test
  void twoWaysOfExpiring_areRefusedWhenBuilt_whateverTheOrder() {
    assertThrows(
        IllegalStateException.class,
        () ->
            Lifetimes.builder()
                .slidingExpiry(Duration.ofHours(1))
                .ttl(Duration.ofHours(2))
                .build());
    assertThrows(
        IllegalStateException.class,
        () -> Lifetimes.builder().ttl(Duration.ofHours(2)).sealsNeverExpire().build());
    assertThrows(
        IllegalStateException.class,
        () -> Lifetimes.builder().sealsNeverExpire().slidingExpiry(Duration.ofHours(1)).build());
  }

  @Test
  void theSealTtl_isTheSlidingLifetime_elseTheTtl_elseTheFormats_elseTheCookiesMaxAge() {
    Duration hour = Duration.ofHours(1);
    CookieSettings session = CookieSettings.builder().maxAge(Duration.ZERO).build();
    CookieSettings anHour = CookieSettings.builder().maxAge(hour).build();
    PayloadFormat plain = PayloadFormat.PLAIN_JSON;
    assertEquals(
        hour,
        Lifetimes.builder()
            .slidingExpiry(hour)
            .build()
            .sealTtl(PayloadFormat.IRON_SESSION, session));
    assertEquals(hour, Lifetimes.builder().ttl(hour).build().sealTtl(plain, DEFAULT_COOKIE));
    assertEquals(
        Duration.ofDays(14), Lifetimes.defaults().sealTtl(PayloadFormat.IRON_SESSION, anHour));
    assertEquals(hour, Lifetimes.defaults().sealTtl(plain, anHour));
    assertEquals(CookieSettings.DEFAULT_MAX_AGE, Lifetimes.defaults().sealTtl(plain, session));
    assertEquals(
        Duration.ZERO, Lifetimes.builder().sealsNeverExpire().build().sealTtl(plain, anHour));
  }

  @Test
  void theCookiesMaxAge_isNeverLongerThanTheSeal_andASessionCookieStaysOne() {
    Lifetimes anHour = Lifetimes.builder().ttl(Duration.ofHours(1)).build();
    CookieSettings twoDays = CookieSettings.builder().maxAge(Duration.ofDays(2)).build();
    CookieSettings session = CookieSettings.builder().maxAge(Duration.ZERO).build();
    assertEquals(Duration.ofHours(1), anHour.cookieMaxAge(PayloadFormat.TRACKER_COOKIE, twoDays));
    assertEquals(Duration.ZERO, anHour.cookieMaxAge(PayloadFormat.TRACKER_COOKIE, session));
    assertEquals(
        Duration.ofDays(14).minusSeconds(60),
        Lifetimes.defaults().cookieMaxAge(PayloadFormat.IRON_SESSION, DEFAULT_COOKIE));
  }

  @Test
  void toBuilder_keepsEveryLifetime() {
    Lifetimes sliding =
        Lifetimes.builder().slidingExpiry(Duration.ofMinutes(30)).reissueAfter(0.25).build();
    Lifetimes copy = sliding.toBuilder().build();
    assertEquals(Duration.ofMinutes(30), copy.slidingExpiry().orElseThrow());
    assertEquals(0.25, copy.reissueAfter());
    assertFalse(copy.sealsNeverExpire());
    assertTrue(copy.ttl().isEmpty());
  }
}
