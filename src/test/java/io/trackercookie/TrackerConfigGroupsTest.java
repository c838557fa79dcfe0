package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The config composes the option groups: a group set whole replaces what its shortcuts set before,
 * shortcuts after it change that value, and the settings reach each group through its setters.
 */
class TrackerConfigGroupsTest {

  @Test
  void aGroupSetWhole_replacesWhatItsShortcutsSetBefore() {
    TrackerConfig config =
        TestConfigs.builder()
            .ttl(Duration.ofHours(1))
            .chunking(6)
            .lifetimes(Lifetimes.builder().slidingExpiry(Duration.ofMinutes(30)).build())
            .cookieBudget(CookieBudget.defaults())
            .build();
    assertTrue(config.lifetimes().ttl().isEmpty(), "the ttl was replaced");
    assertEquals(Duration.ofMinutes(30), config.sealTtl());
    assertEquals(0, config.cookieBudget().maxChunks());
  }

  @Test
  void shortcutsAfterAGroup_changeThatGroupsValue() {
    TrackerConfig config =
        TestConfigs.builder()
            .lifetimes(Lifetimes.builder().slidingExpiry(Duration.ofMinutes(30)).build())
            .reissueAfter(0.25)
            .sealCache(SealCacheOptions.off())
            .legacy(LegacyCookies.builder().secret("the cookie-sessions secret").build())
            .legacyCookieName("sess")
            .build();
    assertEquals(Duration.ofMinutes(30), config.lifetimes().slidingExpiry().orElseThrow());
    assertEquals(0.25, config.lifetimes().reissueAfter());
    assertEquals(0, config.sealCache().maxEntries());
    assertEquals("sess", config.legacy().cookieName());
    assertTrue(config.legacy().secret().isPresent());
  }

  @Test
  void aGroupsOwnRule_failsTheConfigsBuild_asBefore() {
    TrackerConfig.Builder builder =
        TestConfigs.builder().lifetimes(Lifetimes.builder().ttl(Duration.ofHours(1)).build());
    builder.slidingExpiry(Duration.ofMinutes(30));
    IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
    assertTrue(
        e.getMessage().startsWith("slidingExpiry and ttl cannot both be set"), e.getMessage());
  }

  @Test
  void aRuleBetweenGroups_isCheckedWhenTheConfigIsBuilt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.builder()
                    .legacy(
                        LegacyCookies.builder()
                            .secret("the cookie-sessions secret")
                            .cookieName(CookieSettings.DEFAULT_NAME)
                            .build())
                    .build());
    assertEquals("legacyCookieName must differ from the tracker cookie's name", e.getMessage());
  }

  @Test
  void everySetting_reachesItsGroup() {
    TrackerConfig config =
        TestConfigs.fromSettings(
            TrackerSettings.SLIDING_EXPIRY, "PT30M",
            TrackerSettings.REISSUE_AFTER, "0.25",
            TrackerSettings.MAX_CHUNKS, "6",
            TrackerSettings.MAX_COOKIE_HEADER_BYTES, "16384",
            TrackerSettings.SEAL_CACHE_MAX_ENTRIES, "0",
            TrackerSettings.LEGACY_SECRET, "the cookie-sessions secret",
            TrackerSettings.LEGACY_TIMEOUT, "PT1H",
            TrackerSettings.PASSWORD_POLL_INTERVAL, "PT1S");
    assertEquals(Duration.ofMinutes(30), config.lifetimes().slidingExpiry().orElseThrow());
    assertEquals(0.25, config.lifetimes().reissueAfter());
    assertEquals(6, config.cookieBudget().maxChunks());
    assertEquals(16_384, config.cookieBudget().maxCookieHeaderBytes());
    assertEquals(0, config.sealCache().maxEntries());
    assertEquals(Duration.ofHours(1), config.legacy().timeout());
    assertEquals(Duration.ofSeconds(1), config.passwordSource().passwordPollInterval());
  }
}
