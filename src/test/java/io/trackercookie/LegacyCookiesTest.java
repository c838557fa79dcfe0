package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading legacy cookies: the setters check what the legacy decoder will need, at once. */
class LegacyCookiesTest {

  @Test
  void aSecretTheDecoderCannotUse_isRefusedBySetter_namingTheSettingNotTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LegacyCookies.builder().secret("hunter\uD800xyzzy"));
    assertTrue(e.getMessage().contains("tracker.legacy.secret"), e.getMessage());
    assertFalse(e.getMessage().contains("xyzzy"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LegacyCookies.builder().secret(""));
  }

  @Test
  void theTimeout_mustBePositive_andFitTheDecodersMilliseconds() {
    assertThrows(
        IllegalArgumentException.class, () -> LegacyCookies.builder().timeout(Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> LegacyCookies.builder().timeout(Duration.ofSeconds(Long.MAX_VALUE)));
  }

  @Test
  void aTimeoutOverFourHundredDays_isRefused_forNoBrowserKeepsALegacyCookieThatLong() {
    for (Duration tooLong : new Duration[] {Duration.ofDays(401), Duration.ofDays(99_999)}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> LegacyCookies.builder().timeout(tooLong));
      assertTrue(e.getMessage().contains("legacyTimeout"), e.getMessage());
      assertTrue(e.getMessage().contains("TRACKER_LEGACY_TIMEOUT"), e.getMessage());
      assertTrue(e.getMessage().contains("400 days"), e.getMessage());
    }
    IllegalArgumentException fromSettings =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.fromSettings(
                    TrackerSettings.LEGACY_SECRET,
                    "the cookie-sessions secret",
                    TrackerSettings.LEGACY_TIMEOUT,
                    "P99999D"));
    assertTrue(
        fromSettings.getMessage().contains("tracker.legacy.timeout")
            && fromSettings.getMessage().contains("at most 400 days"),
        fromSettings.getMessage());
    assertEquals(
        LegacyCookies.MAX_TIMEOUT,
        LegacyCookies.builder().timeout(Duration.ofDays(400)).build().timeout());
  }

  @Test
  void offByDefault_andNeverShowsTheSecret() {
    assertTrue(LegacyCookies.off().secret().isEmpty());
    assertEquals(LegacyCookies.DEFAULT_COOKIE_NAME, LegacyCookies.off().cookieName());
    LegacyCookies on = LegacyCookies.builder().secret("the cookie-sessions secret").build();
    assertFalse(on.toString().contains("cookie-sessions secret"), on.toString());
    assertEquals("the cookie-sessions secret", on.toBuilder().build().secret().orElseThrow());
  }
}
