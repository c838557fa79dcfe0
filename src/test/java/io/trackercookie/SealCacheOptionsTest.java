package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The verified-seal cache's bounds: each is set and checked on its own. */
class SealCacheOptionsTest {

  @Test
  void eachBound_isCheckedByItsOwnSetter() {
    IllegalArgumentException entries =
        assertThrows(
            IllegalArgumentException.class, () -> SealCacheOptions.builder().maxEntries(-1));
    assertEquals("sealCache maxEntries must not be negative, was -1", entries.getMessage());
    IllegalArgumentException bytes =
        assertThrows(IllegalArgumentException.class, () -> SealCacheOptions.builder().maxBytes(0));
    assertEquals(
        "sealCache maxBytes, tracker.sealCache.maxBytes (TRACKER_SEAL_CACHE_MAX_BYTES), must be at"
            + " least 65536 (room for one seal as large as a cookie), was 0; maxEntries 0 turns"
            + " the cache off",
        bytes.getMessage());
  }

  @Test
  void aByteBoundTooSmallForOneSeal_isRefused_namingTheCallAndTheSetting() {
    for (long tooSmall : new long[] {1, SealCacheOptions.MIN_MAX_BYTES - 1}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> SealCacheOptions.builder().maxBytes(tooSmall));
      assertTrue(e.getMessage().contains("sealCache maxBytes"), e.getMessage());
      assertTrue(e.getMessage().contains("TRACKER_SEAL_CACHE_MAX_BYTES"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> TestConfigs.builder().sealCache(10, 1));
    IllegalArgumentException fromSettings =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestConfigs.fromSettings(TrackerSettings.SEAL_CACHE_MAX_BYTES, "1"));
    assertTrue(
        fromSettings.getMessage().contains("tracker.sealCache.maxBytes")
            && fromSettings.getMessage().contains("65536 or more"),
        fromSettings.getMessage());
    assertEquals(
        SealCacheOptions.MIN_MAX_BYTES,
        SealCacheOptions.builder().maxBytes(SealCacheOptions.MIN_MAX_BYTES).build().maxBytes());
  }

  @Test
  void zeroEntries_turnsTheCacheOff_andKeepsTheOtherBound() {
    SealCacheOptions off = SealCacheOptions.defaults().toBuilder().maxEntries(0).build();
    assertFalse(off.enabled());
    assertEquals(SealCacheOptions.DEFAULT_MAX_BYTES, off.maxBytes());
    assertFalse(SealCacheOptions.off().enabled());
    assertTrue(SealCacheOptions.defaults().enabled());
  }

  @Test
  void oneBound_setAlone_keepsTheOthersDefault() {
    TrackerConfig config =
        TestConfigs.fromSettings(TrackerSettings.SEAL_CACHE_MAX_BYTES, "1048576");
    assertEquals(SealCacheOptions.DEFAULT_MAX_ENTRIES, config.sealCache().maxEntries());
    assertEquals(1_048_576, config.sealCache().maxBytes());
  }
}
