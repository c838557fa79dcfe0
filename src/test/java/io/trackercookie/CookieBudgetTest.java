package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Cookie-header budget and chunking: each setter checks its own bounds. */
class CookieBudgetTest {

  @Test
  void theBudget_isBoundedByOneKilobyte_andByEveryChunkAllowed() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CookieBudget.builder()
                .maxCookieHeaderBytes(CookieBudget.MIN_MAX_COOKIE_HEADER_BYTES - 1));
    IllegalArgumentException tooLarge =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CookieBudget.builder()
                    .maxCookieHeaderBytes(CookieBudget.MAX_MAX_COOKIE_HEADER_BYTES + 1));
    assertTrue(tooLarge.getMessage().startsWith("maxCookieHeaderBytes must be from 1024 to 81920"));
    assertEquals(
        CookieBudget.DEFAULT_MAX_COOKIE_HEADER_BYTES,
        CookieBudget.defaults().maxCookieHeaderBytes());
  }

  @Test
  void chunking_takesZeroOrTwoToTwenty_andMakesRoomForEveryChunksSeal() {
    assertThrows(IllegalArgumentException.class, () -> CookieBudget.builder().chunking(1));
    assertThrows(IllegalArgumentException.class, () -> CookieBudget.builder().chunking(21));
    assertEquals(0, CookieBudget.defaults().chunkedSealLength(), "off by default");
    CookieBudget six = CookieBudget.builder().chunking(6).build();
    assertEquals(6 * CookieBudget.MAX_COOKIE_BYTES, six.chunkedSealLength());
    assertEquals(
        CookieBudget.DEFAULT_MAX_CHUNKS, CookieBudget.builder().chunking().build().maxChunks());
    assertEquals(0, six.toBuilder().chunking(0).build().maxChunks());
  }

  @Test
  void chunking_givesTheSealOptionsRoomForEveryChunk() {
    TrackerConfig config = TestConfigs.builder().chunking(6).build();
    assertEquals(6 * CookieBudget.MAX_COOKIE_BYTES, config.sealOptions().maxSealLength());
    assertEquals(
        TestConfigs.builder().build().ironOptions().maxSealLength(),
        TestConfigs.builder().build().sealOptions().maxSealLength(),
        "without chunking, iron's own bound");
  }
}
