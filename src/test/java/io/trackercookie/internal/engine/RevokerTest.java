package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.Unsealed;
import io.trackercookie.revocation.RevocationStore;
import io.trackercookie.revocation.RevocationStoreException;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Revoker} over an in-memory {@link RevocationStore} whose faults a test turns on: the
 * verdict of each check under each fault policy, the subject's log-out epoch against a seal's issue
 * time, what names a seal, how long an entry is kept, and the refusals of {@code revokeAllFor}.
 * Seals expire an hour after they were written; {@code S} is the instant a seal was written.
 */
class RevokerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TTL = Duration.ofHours(1);
  private static final Instant S = Instant.parse("2026-03-04T05:06:07Z");
  private static final Duration MARGIN = Duration.ofSeconds(61); // iron's skew and one second
  private static final String SUBJECT_KEY = "user";

  /** How the store answers. */
  enum Fault {
    NONE,
    UNREACHABLE,
    FOREIGN_VALUE,
    FAILS_OTHERWISE
  }

  /** The revocation SPI in memory: entries expire on the test clock; faults on demand. */
  static final class InMemoryRevocationStore implements RevocationStore {
    private record Entry(long value, Instant expiresAt) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final TestClock clock;
    Fault fault = Fault.NONE;
    boolean closed;

    InMemoryRevocationStore(TestClock clock) {
      this.clock = clock;
    }

    private void fail() {
      switch (fault) {
        case UNREACHABLE ->
            throw RevocationStoreException.unavailable(
                "redis://secret-host:6379 timed out", new java.io.IOException("timeout"));
        case FAILS_OTHERWISE -> throw new IllegalStateException("the application's store broke");
        default -> {}
      }
    }

    @Override
    public void put(String key, long value, Instant expiresAt) {
      fail();
      entries.put(key, new Entry(value, expiresAt));
    }

    @Override
    public OptionalLong get(String key) {
      fail();
      if (fault == Fault.FOREIGN_VALUE) {
        throw RevocationStoreException.foreign();
      }
      Entry entry = entries.get(key);
      return entry == null || !clock.instant().isBefore(entry.expiresAt())
          ? OptionalLong.empty()
          : OptionalLong.of(entry.value());
    }

    /** When the only entry written expires. */
    Instant onlyExpiry() {
      assertEquals(1, entries.size(), "entries written");
      return entries.values().iterator().next().expiresAt();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** Counts what the revoker tells the listeners. */
  static final class Counts implements TrackerListener {
    final AtomicInteger cookiesRevoked = new AtomicInteger();
    final AtomicInteger subjectsRevoked = new AtomicInteger();

    @Override
    public void cookieRevoked() {
      cookiesRevoked.incrementAndGet();
    }

    @Override
    public void subjectRevoked() {
      subjectsRevoked.incrementAndGet();
    }
  }

  private final TestClock clock = new TestClock(S);
  private final InMemoryRevocationStore store = new InMemoryRevocationStore(clock);
  private final Counts counts = new Counts();

  private Revoker revoker(boolean failOpen, Duration localtimeOffset) {
    TrackerConfig config =
        TestConfigs.builder()
            .ttl(TTL)
            .clock(clock)
            .ironOptions(IronOptions.builder().localtimeOffset(localtimeOffset).build())
            .build();
    RevocationOptions options =
        RevocationOptions.builder().store(store).subjectKey(SUBJECT_KEY).failOpen(failOpen).build();
    return new Revoker(config, options, store, true, new ListenerFanout(List.of(counts)));
  }

  private Revoker revoker(boolean failOpen) {
    return revoker(failOpen, Duration.ZERO);
  }

  private static String cookie(String mac) {
    return "Fe26.2**salt*iv*encrypted*" + S.plus(TTL).toEpochMilli() + "*hsalt*" + mac;
  }

  private static Unsealed unsealed(Instant expiration) {
    return new Unsealed("\"{}\"", "", Optional.ofNullable(expiration), true);
  }

  private static ObjectNode content(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A seal written at S for alice, expiring an hour later. */
  private static Revoker.Checked checkAlicesSeal(Revoker revoker, String mac) {
    return revoker.check(cookie(mac), unsealed(S.plus(TTL)), content("{\"user\":\"alice\"}"));
  }

  static Stream<Arguments> check_verdictByStoreAndFaultPolicy() {
    // case, seal revoked before, the store's fault, fail-open, verdict
    return Stream.of(
        Arguments.of("a seal not revoked is accepted", false, Fault.NONE, false, "ACCEPTED"),
        Arguments.of(
            "a seal not revoked is accepted under fail-open too",
            false,
            Fault.NONE,
            true,
            "ACCEPTED"),
        Arguments.of("a revoked seal is refused", true, Fault.NONE, false, "REVOKED"),
        Arguments.of(
            "a revoked seal is refused under fail-open too", true, Fault.NONE, true, "REVOKED"),
        Arguments.of(
            "an unreachable store refuses under fail-closed",
            false,
            Fault.UNREACHABLE,
            false,
            "UNAVAILABLE"),
        Arguments.of(
            "an unreachable store accepts unchecked under fail-open",
            false,
            Fault.UNREACHABLE,
            true,
            "UNCHECKED"),
        Arguments.of(
            "a foreign value under the key refuses under fail-closed",
            false,
            Fault.FOREIGN_VALUE,
            false,
            "REVOKED"),
        Arguments.of(
            "a foreign value under the key refuses under fail-open too",
            false,
            Fault.FOREIGN_VALUE,
            true,
            "REVOKED"),
        Arguments.of(
            "an application's store that fails otherwise is unavailable under fail-closed",
            false,
            Fault.FAILS_OTHERWISE,
            false,
            "UNAVAILABLE"),
        Arguments.of(
            "an application's store that fails otherwise is unchecked under fail-open",
            false,
            Fault.FAILS_OTHERWISE,
            true,
            "UNCHECKED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void check_verdictByStoreAndFaultPolicy(
      String behaviour, boolean revokedBefore, Fault fault, boolean failOpen, String verdict) {
    Revoker revoker = revoker(failOpen);
    if (revokedBefore) {
      assertTrue(revoker.revoke(checkAlicesSeal(revoker, "mac").target()));
    }
    store.fault = fault;

    assertEquals(Revoker.Verdict.valueOf(verdict), checkAlicesSeal(revoker, "mac").verdict());
  }

  static Stream<Arguments> check_subjectEpochAgainstIssueTime() {
    // case, content, subject logged out, seal's expiration after S (minutes; null: none),
    // log-out instant after S (seconds), verdict
    return Stream.of(
        Arguments.of(
            "a log-out before the seal was written leaves it",
            "{\"user\":\"alice\"}",
            "alice",
            60,
            -1,
            "ACCEPTED"),
        Arguments.of(
            "a log-out in the very millisecond the seal was dated revokes it",
            "{\"user\":\"alice\"}",
            "alice",
            60,
            0,
            "REVOKED"),
        Arguments.of(
            "a log-out after the seal was written revokes it",
            "{\"user\":\"alice\"}",
            "alice",
            60,
            1,
            "REVOKED"),
        Arguments.of(
            "a numeric subject is matched by its JSON text",
            "{\"user\":42}",
            "42",
            60,
            1,
            "REVOKED"),
        Arguments.of(
            "a subject that is neither text nor an integer is never matched",
            "{\"user\":true}",
            "true",
            60,
            1,
            "ACCEPTED"),
        Arguments.of(
            "another subject's log-out leaves the seal",
            "{\"user\":\"bob\"}",
            "alice",
            60,
            1,
            "ACCEPTED"),
        Arguments.of(
            "a tracker without the subject key is never matched",
            "{\"visits\":3}",
            "alice",
            60,
            1,
            "ACCEPTED"),
        Arguments.of(
            "a seal without an expiration has no issue time: any log-out revokes it",
            "{\"user\":\"alice\"}",
            "alice",
            null,
            -3600,
            "REVOKED"),
        Arguments.of(
            "a seal resealed keeping its expiration dates from its first write",
            "{\"user\":\"alice\"}",
            "alice",
            30,
            -1,
            "REVOKED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void check_subjectEpochAgainstIssueTime(
      String behaviour,
      String contentJson,
      String subject,
      Integer expiresAfterMinutes,
      int logOutAfterSeconds,
      String verdict) {
    Revoker revoker = revoker(false);
    clock.set(S.plusSeconds(logOutAfterSeconds));
    revoker.revokeAllFor(subject);
    clock.set(S.plusSeconds(5));
    Instant expiration =
        expiresAfterMinutes == null ? null : S.plus(Duration.ofMinutes(expiresAfterMinutes));

    Revoker.Checked checked =
        revoker.check(cookie("mac"), unsealed(expiration), content(contentJson));

    assertEquals(Revoker.Verdict.valueOf(verdict), checked.verdict());
  }

  static Stream<Arguments> check_namesASealByItsMacAlone() {
    // case, the value revoked, the value checked, verdict
    return Stream.of(
        Arguments.of("the same value is the same seal", cookie("mac1"), cookie("mac1"), "REVOKED"),
        Arguments.of(
            "the same MAC under other parts is the same seal",
            cookie("mac1"),
            "Fe26.2*id*other*parts*here*" + S.toEpochMilli() + "*x*mac1",
            "REVOKED"),
        Arguments.of(
            "iron-session's suffix does not make another seal",
            cookie("mac1"),
            cookie("mac1") + "~2",
            "REVOKED"),
        Arguments.of("another MAC is another seal", cookie("mac1"), cookie("mac2"), "ACCEPTED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void check_namesASealByItsMacAlone(
      String behaviour, String revokedValue, String checkedValue, String verdict) {
    Revoker revoker = revoker(false);
    ObjectNode none = content("{}");
    revoker.revoke(revoker.check(revokedValue, unsealed(S.plus(TTL)), none).target());

    Revoker.Checked checked = revoker.check(checkedValue, unsealed(S.plus(TTL)), none);

    assertEquals(Revoker.Verdict.valueOf(verdict), checked.verdict());
  }

  static Stream<Arguments> checkLegacy_namesALegacyCookieByItsHmacApartFromSeals() {
    // case, what was revoked, verdict of the legacy cookie with HMAC "abc"
    return Stream.of(
        Arguments.of("a legacy cookie not revoked is accepted", "nothing", "ACCEPTED"),
        Arguments.of("a revoked legacy cookie is refused", "legacy abc", "REVOKED"),
        Arguments.of("another legacy cookie's revocation leaves it", "legacy def", "ACCEPTED"),
        Arguments.of(
            "a seal whose MAC reads like the HMAC is not the legacy cookie",
            "seal abc",
            "ACCEPTED"),
        Arguments.of(
            "its subject logged out after it was written: refused", "subject alice", "REVOKED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void checkLegacy_namesALegacyCookieByItsHmacApartFromSeals(
      String behaviour, String revoked, String verdict) {
    Revoker revoker = revoker(false);
    ObjectNode alice = content("{\"user\":\"alice\"}");
    Instant expiration = S.plus(Duration.ofHours(24));
    String[] what = revoked.split(" ");
    switch (what[0]) {
      case "legacy" -> revoker.revoke(revoker.checkLegacy(what[1], S, expiration, alice).target());
      case "seal" -> revoker.revoke(checkAlicesSeal(revoker, what[1]).target());
      case "subject" -> {
        clock.set(S.plusSeconds(1));
        revoker.revokeAllFor(what[1]);
      }
      default -> {}
    }

    assertEquals(
        Revoker.Verdict.valueOf(verdict),
        revoker.checkLegacy("abc", S, expiration, alice).verdict());
  }

  static Stream<Arguments> revoke_keepsTheEntryUntilTheSealCanNoLongerOpen() {
    // case, local-time offset (minutes), seal's expiration after S (minutes; null: none),
    // the entry's expiry after S (seconds)
    return Stream.of(
        Arguments.of(
            "until the seal's expiration and iron's skew", 0, 60, 3600 + MARGIN.toSeconds()),
        Arguments.of(
            "a seal resealed with an earlier expiration: until that one",
            0,
            20,
            1200 + MARGIN.toSeconds()),
        Arguments.of(
            "a seal without an expiration: a full lifetime from now",
            0,
            null,
            3600 + MARGIN.toSeconds()),
        Arguments.of(
            "the local-time offset widens the margin by its size",
            -10,
            60,
            3600 + MARGIN.toSeconds() + 600));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void revoke_keepsTheEntryUntilTheSealCanNoLongerOpen(
      String behaviour, int offsetMinutes, Integer expiresAfterMinutes, long keptSeconds) {
    Revoker revoker = revoker(false, Duration.ofMinutes(offsetMinutes));
    Instant expiration =
        expiresAfterMinutes == null ? null : S.plus(Duration.ofMinutes(expiresAfterMinutes));
    Revoker.Target target =
        revoker.check(cookie("m"), unsealed(expiration), content("{}")).target();

    assertTrue(revoker.revoke(target));

    assertEquals(S.plusSeconds(keptSeconds), target.until());
    assertEquals(S.plusSeconds(keptSeconds), store.onlyExpiry());
    clock.set(S.plusSeconds(keptSeconds - 1));
    assertEquals(
        Revoker.Verdict.REVOKED,
        revoker.check(cookie("m"), unsealed(expiration), content("{}")).verdict());
  }

  static Stream<Arguments> revoke_recordsOrReportsTheStoreFailed() {
    // case, fault, recorded
    return Stream.of(
        Arguments.of("a store that answers records it and tells the listeners", Fault.NONE, true),
        Arguments.of("an unreachable store: false, nobody told", Fault.UNREACHABLE, false),
        Arguments.of("a store that fails otherwise: false", Fault.FAILS_OTHERWISE, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void revoke_recordsOrReportsTheStoreFailed(String behaviour, Fault fault, boolean recorded) {
    Revoker revoker = revoker(false);
    Revoker.Target target = checkAlicesSeal(revoker, "mac").target();
    store.fault = fault;

    assertEquals(recorded, revoker.revoke(target));

    assertEquals(recorded ? 1 : 0, counts.cookiesRevoked.get());
    store.fault = Fault.NONE;
    assertEquals(
        recorded ? Revoker.Verdict.REVOKED : Revoker.Verdict.ACCEPTED,
        checkAlicesSeal(revoker, "mac").verdict());
  }

  static Stream<Arguments> stillValid_beforeAResealNobodyAskedFor() {
    // case, what happened since the seal opened, the store's fault, fail-open, still valid
    return Stream.of(
        Arguments.of("nothing since: still valid", "nothing", Fault.NONE, false, true),
        Arguments.of("revoked since: not valid", "seal", Fault.NONE, false, false),
        Arguments.of(
            "its subject logged out since: not valid", "subject", Fault.NONE, false, false),
        Arguments.of(
            "a store that cannot tell: not valid, even under fail-open",
            "nothing",
            Fault.UNREACHABLE,
            true,
            false),
        Arguments.of(
            "a store that cannot tell: not valid under fail-closed",
            "nothing",
            Fault.UNREACHABLE,
            false,
            false),
        Arguments.of(
            "a foreign value under the key: not valid",
            "nothing",
            Fault.FOREIGN_VALUE,
            true,
            false),
        Arguments.of(
            "a store that fails otherwise: not valid",
            "nothing",
            Fault.FAILS_OTHERWISE,
            true,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void stillValid_beforeAResealNobodyAskedFor(
      String behaviour, String since, Fault fault, boolean failOpen, boolean valid) {
    Revoker revoker = revoker(failOpen);
    Revoker.Target target = checkAlicesSeal(revoker, "mac").target();
    clock.set(S.plusSeconds(10));
    if (since.equals("seal")) {
      revoker.revoke(target);
    } else if (since.equals("subject")) {
      revoker.revokeAllFor("alice");
    }
    store.fault = fault;

    assertEquals(valid, revoker.stillValid(target));
  }

  static Stream<Arguments> revokeAllFor_refuses() {
    // case, subject key configured, subject, fault, exception thrown
    return Stream.of(
        Arguments.of(
            "without a subject key it names the setting to set",
            false,
            "alice",
            Fault.NONE,
            IllegalStateException.class),
        Arguments.of(
            "a lone surrogate, which UTF-8 would turn into '?'",
            true,
            "al\ud800ice",
            Fault.NONE,
            IllegalArgumentException.class),
        Arguments.of("a null subject", true, null, Fault.NONE, NullPointerException.class),
        Arguments.of(
            "an unreachable store: its exception",
            true,
            "alice",
            Fault.UNREACHABLE,
            RevocationStoreException.class),
        Arguments.of(
            "a store that fails otherwise: as unavailable",
            true,
            "alice",
            Fault.FAILS_OTHERWISE,
            RevocationStoreException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void revokeAllFor_refuses(
      String behaviour,
      boolean subjectKey,
      String subject,
      Fault fault,
      Class<? extends RuntimeException> thrown) {
    TrackerConfig config = TestConfigs.builder().ttl(TTL).clock(clock).build();
    RevocationOptions.Builder options = RevocationOptions.builder().store(store);
    if (subjectKey) {
      options.subjectKey(SUBJECT_KEY);
    }
    Revoker revoker =
        new Revoker(config, options.build(), store, true, new ListenerFanout(List.of(counts)));
    store.fault = fault;

    RuntimeException e = assertThrows(thrown, () -> revoker.revokeAllFor(subject));

    assertEquals(0, counts.subjectsRevoked.get());
    if (thrown == IllegalStateException.class) {
      assertTrue(e.getMessage().contains("tracker.revocation.subjectKey"), e.getMessage());
    }
    if (e instanceof RevocationStoreException storeFailure) {
      assertFalse(storeFailure.foreignValue());
    }
  }

  @Test
  void revokeAllFor_keepsTheEpochUntilEverySealBeforeItHasExpired() {
    Revoker revoker = revoker(false);

    revoker.revokeAllFor("alice");

    assertEquals(S.plus(TTL).plus(MARGIN), store.onlyExpiry());
    assertEquals(1, counts.subjectsRevoked.get());
  }

  @Test
  void anOutage_isLoggedOnce_andItsEnd_once_withoutTheStoresMessage() {
    Revoker revoker = revoker(true);
    List<LogRecord> records = new ArrayList<>();
    Logger log = Logger.getLogger("io.trackercookie");
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Level level = log.getLevel();
    log.setLevel(Level.INFO);
    log.addHandler(handler);
    try {
      store.fault = Fault.UNREACHABLE;
      checkAlicesSeal(revoker, "a");
      checkAlicesSeal(revoker, "b");
      store.fault = Fault.NONE;
      checkAlicesSeal(revoker, "c");
      checkAlicesSeal(revoker, "d");
      store.fault = Fault.UNREACHABLE;
      checkAlicesSeal(revoker, "e");
    } finally {
      log.removeHandler(handler);
      log.setLevel(level);
    }

    List<Level> levels = records.stream().map(LogRecord::getLevel).toList();
    assertEquals(List.of(Level.WARNING, Level.INFO, Level.WARNING), levels);
    assertTrue(records.get(0).getMessage().contains("fail-open"), records.get(0).getMessage());
    for (LogRecord record : records) {
      assertFalse(record.getMessage().contains("secret-host"), record.getMessage());
    }
  }

  @ParameterizedTest(name = "owns the store: {0}, closes it: {1}")
  @CsvSource({"true, true", "false, false"})
  void close_closesOnlyAStoreItOwns(boolean owns, boolean closed) {
    TrackerConfig config = TestConfigs.builder().ttl(TTL).clock(clock).build();
    Revoker revoker =
        new Revoker(
            config,
            RevocationOptions.builder().store(store).build(),
            store,
            owns,
            ListenerFanout.NONE);

    revoker.close();

    assertEquals(closed, store.closed);
  }
}
