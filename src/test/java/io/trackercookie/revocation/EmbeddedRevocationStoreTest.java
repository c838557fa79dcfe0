package io.trackercookie.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The embedded store on its own: entries leave with their expiry, and the bound holds. */
class EmbeddedRevocationStoreTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-01-02T03:04:05Z"));

  @Test
  void anEntry_isHeldUntilItsExpiry_thenGone() {
    EmbeddedRevocationStore store = new EmbeddedRevocationStore(10, clock);
    store.put("seal:a", 7, clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(59));
    assertEquals(OptionalLong.of(7), store.get("seal:a"));

    clock.advance(Duration.ofMinutes(1));
    assertEquals(OptionalLong.empty(), store.get("seal:a"));
    assertEquals(0, store.size());
  }

  @Test
  void whenFull_theBoundHolds_andOneWarningSaysToRaiseIt() {
    Recorder recorder = new Recorder();
    try {
      EmbeddedRevocationStore store = new EmbeddedRevocationStore(100, clock);
      for (int i = 0; i < 1000; i++) {
        store.put("seal:" + i, i, clock.instant().plus(Duration.ofHours(1)));
      }
      assertTrue(store.size() <= 100, "size " + store.size());
      assertEquals(1, recorder.warningsAbout("tracker.revocation.maxEntries").size());
    } finally {
      recorder.close();
    }
  }

  @Test
  void aBoundBelowOne_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new EmbeddedRevocationStore(0, clock));
  }
}
