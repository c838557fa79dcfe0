package io.trackercookie.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded store on its own: entries leave with their expiry, the bound holds, and a full store
 * raises its floor rather than drop a live entry.
 */
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

  private Instant inAnHour() {
    return clock.instant().plus(Duration.ofHours(1));
  }

  @Test
  void aFullStore_raisesItsFloorToNow_andDropsWhatTheFloorCovers_keepingTheNewEntry() {
    EmbeddedRevocationStore store = new EmbeddedRevocationStore(3, clock);
    for (int i = 0; i < 3; i++) {
      store.put("seal:" + i, i, inAnHour());
    }
    assertEquals(OptionalLong.empty(), store.revokedThroughMillis(), "full, not over");
    assertEquals(3, store.size());

    clock.advance(Duration.ofSeconds(5));
    store.put("seal:new", 9, inAnHour());

    assertEquals(OptionalLong.of(clock.millis()), store.revokedThroughMillis());
    assertEquals(1, store.size(), "the floor covers every entry held before");
    assertEquals(OptionalLong.of(9), store.get("seal:new"));
  }

  @Test
  void expiredEntries_makeRoom_beforeAnyFloorIsRaised() {
    EmbeddedRevocationStore store = new EmbeddedRevocationStore(2, clock);
    store.put("seal:short", 1, clock.instant().plus(Duration.ofMinutes(1)));
    store.put("seal:long", 2, inAnHour());
    clock.advance(Duration.ofMinutes(2));

    store.put("seal:third", 3, inAnHour());

    assertEquals(OptionalLong.empty(), store.revokedThroughMillis());
    assertEquals(OptionalLong.of(2), store.get("seal:long"));
    assertEquals(OptionalLong.of(3), store.get("seal:third"));
  }

  @Test
  void replacingAnEntryOfAFullStore_isNoOverflow() {
    EmbeddedRevocationStore store = new EmbeddedRevocationStore(2, clock);
    store.put("subject:a", 1, inAnHour());
    store.put("subject:b", 1, inAnHour());
    store.put("subject:a", 2, inAnHour()); // a second log-out-everywhere of the same subject

    assertEquals(OptionalLong.empty(), store.revokedThroughMillis());
    assertEquals(OptionalLong.of(2), store.get("subject:a"));
    assertEquals(OptionalLong.of(1), store.get("subject:b"));
  }

  @Test
  void theFloor_neverMovesBack_whenTheClockDoes() {
    EmbeddedRevocationStore store = new EmbeddedRevocationStore(1, clock);
    store.put("seal:a", 1, inAnHour());
    store.put("seal:b", 1, inAnHour());
    long floor = store.revokedThroughMillis().getAsLong();

    clock.set(clock.instant().minus(Duration.ofMinutes(10)));
    store.put("seal:c", 1, inAnHour());

    assertEquals(OptionalLong.of(floor), store.revokedThroughMillis());
  }

  @Test
  void underConcurrentPuts_aRecordedEntryIsAlwaysHeld_orCoveredByTheFloor() throws Exception {
    EmbeddedRevocationStore store = new EmbeddedRevocationStore(16, clock);
    int threads = 4;
    int putsEach = 2_000;
    List<String> lapses = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  long[] putAt = new long[putsEach];
                  for (int i = 0; i < putsEach; i++) {
                    clock.advance(Duration.ofMillis(1)); // each seal revoked at its own moment
                    putAt[i] = clock.millis();
                    store.put("seal:" + thread + ":" + i, i, inAnHour());
                    for (int back = Math.max(0, i - 20); back <= i; back++) {
                      String earlier = "seal:" + thread + ":" + back;
                      // The order the library asks in: the entry, then the floor.
                      if (store.get(earlier).isEmpty()) {
                        OptionalLong floor = store.revokedThroughMillis();
                        if (floor.isEmpty() || floor.getAsLong() < putAt[back]) {
                          lapses.add(earlier);
                        }
                      }
                    }
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), lapses);
    assertTrue(store.size() <= 16, "size " + store.size());
  }
}
