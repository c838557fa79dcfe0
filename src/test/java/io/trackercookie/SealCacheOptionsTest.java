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
    assertEquals("sealCache maxBytes must be at least 1, was 0", bytes.getMessage());
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
