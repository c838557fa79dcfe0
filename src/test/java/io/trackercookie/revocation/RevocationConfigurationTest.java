package io.trackercookie.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Revocation's configuration rules: each mistake fails when the config is built, and says why. */
class RevocationConfigurationTest {

  @Test
  void revocationWithSealsThatNeverExpire_failsAtConfiguration_sayingWhy() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TestConfigs.builder()
                    .sealsNeverExpire()
                    .revocation(RevocationOptions.embedded())
                    .build());
    assertTrue(e.getMessage().contains("tracker.sealsNeverExpire"), e.getMessage());
    assertTrue(e.getMessage().contains("never be forgotten"), e.getMessage());
  }

  @Test
  void revocationWithTheDefaultLifetime_datesSealsByTheCookiesMaxAge() {
    TrackerConfig config = TestConfigs.builder().revocation(RevocationOptions.embedded()).build();
    assertEquals(config.cookieMaxAge(), config.sealTtl());
    assertFalse(config.sealTtl().isZero());
  }

  @Test
  void settings_turnRevocationOn_withEveryOption() {
    TrackerConfig config =
        TestConfigs.fromSettings(
            TrackerSettings.TTL, "P7D",
            TrackerSettings.REVOCATION_STORE, "redis://:secret-in-url@127.0.0.1:6390",
            TrackerSettings.REVOCATION_SUBJECT_KEY, "userId",
            TrackerSettings.REVOCATION_FAIL_OPEN, "true",
            TrackerSettings.REVOCATION_MAX_ENTRIES, "500",
            TrackerSettings.REVOCATION_TIMEOUT, "PT0.1S",
            TrackerSettings.REVOCATION_KEY_PREFIX, "shop:revoked:");
    RevocationOptions options = config.revocation().orElseThrow();
    assertEquals(RevocationOptions.StoreKind.REDIS, options.storeKind());
    assertEquals("userId", options.subjectKey().orElseThrow());
    assertTrue(options.failOpen());
    assertEquals(500, options.maxEntries());
    assertEquals(Duration.ofMillis(100), options.timeout());
    assertEquals("shop:revoked:", options.keyPrefix());
    assertFalse(config.toString().contains("secret-in-url"), config.toString());
  }

  @Test
  void revocationIsOffByDefault_andEmbeddedByName() {
    assertTrue(TestConfigs.fromSettings().revocation().isEmpty());
    assertEquals(
        RevocationOptions.StoreKind.EMBEDDED,
        TestConfigs.fromSettings(
                TrackerSettings.TTL, "P1D", TrackerSettings.REVOCATION_STORE, "embedded")
            .revocation()
            .orElseThrow()
            .storeKind());
  }

  @Test
  void aRevocationOptionWithTheStoreOff_failsNamingBoth() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> TestConfigs.fromSettings(TrackerSettings.REVOCATION_SUBJECT_KEY, "userId"));
    assertTrue(e.getMessage().contains("tracker.revocation.subjectKey"), e.getMessage());
    assertTrue(e.getMessage().contains("tracker.revocation.store"), e.getMessage());
  }

  @Test
  void anInvalidStore_failsWithoutRepeatingTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.fromSettings(
                    TrackerSettings.TTL,
                    "P1D",
                    TrackerSettings.REVOCATION_STORE,
                    "http://user:hunter2@example"));
    assertTrue(e.getMessage().contains("tracker.revocation.store"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void invalidBounds_failNamingTheSetting() {
    for (String[] bad :
        new String[][] {
          {TrackerSettings.REVOCATION_MAX_ENTRIES, "0"},
          {TrackerSettings.REVOCATION_TIMEOUT, "PT11S"},
          {TrackerSettings.REVOCATION_KEY_PREFIX, "has space"},
          {TrackerSettings.REVOCATION_FAIL_OPEN, "maybe"},
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  TestConfigs.fromSettings(
                      TrackerSettings.TTL,
                      "P1D",
                      TrackerSettings.REVOCATION_STORE,
                      "embedded",
                      bad[0],
                      bad[1]));
      assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
    }
  }
}
