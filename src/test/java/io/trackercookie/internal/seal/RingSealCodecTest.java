package io.trackercookie.internal.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.PayloadFormat;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import io.trackercookie.iron.SealParts;
import io.trackercookie.iron.Unsealed;
import io.trackercookie.keys.PasswordRing;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RingSealCodec} over a key schedule: which period's password seals at which instant, which
 * seals open then and whether they count as sealed with the current password (with the
 * verified-seal cache on and off, and through both open paths), a new ring put in force or refused,
 * the rings it refuses at the start, and the seal length it promises.
 *
 * <p>The schedule: {@code a} seals from the start, {@code b} from T+1h, {@code c} from T+2h, and
 * {@code old} is only accepted. Seals live a day, so none expires within a case.
 */
class RingSealCodecTest {

  private static final Instant T = Instant.parse("2026-05-06T07:00:00Z");
  private static final String PAYLOAD = "\"{\\\"visits\\\":1}\"";

  private static IronSecret secret(String id) {
    return IronSecret.password("ring-sealcodec-test-password-of-" + id + "-0123456789abcdef");
  }

  private static PasswordRing.Builder schedule() {
    return PasswordRing.builder()
        .current("a", secret("a"))
        .sealFrom("b", secret("b"), T.plus(Duration.ofHours(1)))
        .sealFrom("c", secret("c"), T.plus(Duration.ofHours(2)))
        .accept("old", secret("old"));
  }

  private final TestClock clock = new TestClock(T);
  private final AtomicInteger cacheHits = new AtomicInteger();

  private IronOptions options() {
    return IronOptions.builder().ttl(Duration.ofDays(1)).clock(clock).build();
  }

  private RingSealCodec codec(PasswordRing ring, PayloadFormat format, boolean cache) {
    return new RingSealCodec(
        ring,
        options(),
        format,
        cache ? 100 : 0,
        1 << 20,
        clock,
        hit -> {
          if (hit) {
            cacheHits.incrementAndGet();
          }
        });
  }

  private RingSealCodec codec(boolean cache) {
    return codec(schedule().build(), PayloadFormat.TRACKER_COOKIE, cache);
  }

  private static Instant at(int minutes) {
    return T.plus(Duration.ofMinutes(minutes));
  }

  static Stream<Arguments> seal_usesThePasswordOfThePeriodInForce() {
    // case, minutes after T, the password id the seal carries
    return Stream.of(
        Arguments.of("a day before the schedule's first change: the first password", -1440, "a"),
        Arguments.of("at the start", 0, "a"),
        Arguments.of("the last minute before b's instant: still a", 59, "a"),
        Arguments.of("at b's instant: b", 60, "b"),
        Arguments.of("between b's and c's instants: b", 90, "b"),
        Arguments.of("at c's instant: c", 120, "c"),
        Arguments.of("a year later: the last period's c", 525_600, "c"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void seal_usesThePasswordOfThePeriodInForce(String behaviour, int minutes, String id) {
    RingSealCodec codec = codec(false);
    clock.set(at(minutes));

    String sealed = codec.seal(PAYLOAD);

    assertEquals(id, SealParts.parse(sealed).passwordId());
    assertTrue(codec.isCurrent(id), "the sealing id is the current one");
  }

  static Stream<Arguments> open_readsEverySealAndTellsWhetherItsPasswordSealsNow() {
    // case, sealed at (minutes after T), opened at, id, sealed with the current password
    return Stream.of(
        Arguments.of("a's seal in a's period: current", 0, 30, "a", true),
        Arguments.of("a's seal in b's period: opens, no longer current", 0, 60, "a", false),
        Arguments.of("b's seal in b's period: current", 60, 90, "b", true),
        Arguments.of("b's seal in c's period: opens, no longer current", 60, 120, "b", false),
        Arguments.of("c's seal in c's period: current", 120, 600, "c", true),
        Arguments.of(
            "c's seal opened back in a's period (a clock set back): opens, not current",
            120,
            10,
            "c",
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void open_readsEverySealAndTellsWhetherItsPasswordSealsNow(
      String behaviour, int sealedAt, int openedAt, String id, boolean current) {
    for (boolean cache : new boolean[] {false, true}) {
      for (boolean decoding : new boolean[] {false, true}) {
        cacheHits.set(0);
        RingSealCodec codec = codec(cache);
        clock.set(at(sealedAt));
        String sealed = codec.seal(PAYLOAD);
        // The seal it wrote is in the cache already, as opened in its own period.
        open(codec, sealed, decoding);
        clock.set(at(openedAt));

        Unsealed unsealed = open(codec, sealed, decoding);

        String how = (cache ? "cache on" : "cache off") + (decoding ? ", decoding" : "");
        assertEquals(PAYLOAD, unsealed.text(), how);
        assertEquals(id, unsealed.passwordId(), how);
        assertEquals(current, unsealed.sealedWithCurrentPassword(), how);
        assertEquals(cache ? 2 : 0, cacheHits.get(), how + ": both opens served by the cache");
      }
    }
  }

  private static Unsealed open(RingSealCodec codec, String sealed, boolean decoding) {
    if (!decoding) {
      return codec.open(sealed);
    }
    try {
      return codec.open(sealed, text -> text).unsealed();
    } catch (TrackerJson.Rejected e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> open_ofSealsTheScheduleDidNotWrite() {
    // case, the sealing password's id, its secret's id, opens, reason if not
    return Stream.of(
        Arguments.of("an accepted password's seal opens, never current", "old", "old", true, null),
        Arguments.of(
            "an id the ring does not hold is refused",
            "gone",
            "gone",
            false,
            IronException.Reason.UNKNOWN_PASSWORD_ID),
        Arguments.of(
            "a known id with another secret fails its MAC",
            "b",
            "forged",
            false,
            IronException.Reason.BAD_MAC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void open_ofSealsTheScheduleDidNotWrite(
      String behaviour, String id, String secretOf, boolean opens, IronException.Reason reason) {
    RingSealCodec codec = codec(true);
    String sealed =
        IronCodec.create(IronPasswords.builder().current(id, secret(secretOf)).build(), options())
            .seal(PAYLOAD);

    if (opens) {
      Unsealed unsealed = codec.open(sealed);
      assertEquals(PAYLOAD, unsealed.text());
      assertEquals(false, unsealed.sealedWithCurrentPassword());
    } else {
      IronException e = assertThrows(IronException.class, () -> codec.open(sealed));
      assertEquals(reason, e.reason());
    }
  }

  static Stream<Arguments> accept_putsANewRingInForceOrKeepsTheOldOne() {
    // case, the new ring, the exception refusing it (null: taken), id sealing at T+30m after it
    return Stream.of(
        Arguments.of(
            "a ring that keeps a and adds a password is taken",
            PasswordRing.builder()
                .current("a", secret("a"))
                .sealFrom("d", secret("d"), T.plus(Duration.ofMinutes(20))),
            null,
            "d"),
        Arguments.of(
            "a ring without the password sealing now is refused",
            PasswordRing.builder().current("d", secret("d")),
            IllegalStateException.class,
            "a"),
        Arguments.of(
            "a ring where a is only accepted is taken: the new current one seals",
            PasswordRing.builder().current("d", secret("d")).accept("a", secret("a")),
            null,
            "d"),
        Arguments.of(
            "a ring in which no password seals yet is refused",
            PasswordRing.builder()
                .accept("a", secret("a"))
                .sealFrom("d", secret("d"), T.plus(Duration.ofDays(1))),
            IllegalArgumentException.class,
            "a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void accept_putsANewRingInForceOrKeepsTheOldOne(
      String behaviour,
      PasswordRing.Builder ring,
      Class<? extends RuntimeException> refused,
      String sealingId) {
    RingSealCodec codec = codec(true);
    clock.set(at(30));
    String before = codec.seal(PAYLOAD);

    if (refused == null) {
      codec.accept(ring.build());
    } else {
      assertThrows(refused, () -> codec.accept(ring.build()));
    }

    assertEquals(sealingId, SealParts.parse(codec.seal(PAYLOAD)).passwordId());
    assertEquals(PAYLOAD, codec.open(before).text(), "a's seal still opens");
  }

  @ParameterizedTest(name = "cache on: {0}")
  @ValueSource(booleans = {false, true})
  void accept_aPasswordDroppedFromTheRing_noLongerOpens(boolean cache) {
    RingSealCodec codec = codec(cache);
    clock.set(at(90));
    String sealedWithA =
        IronCodec.create(IronPasswords.builder().current("a", secret("a")).build(), options())
            .seal(PAYLOAD);
    codec.open(sealedWithA); // cached under the old ring, if the cache is on

    codec.accept(PasswordRing.builder().current("b", secret("b")).build());

    IronException e = assertThrows(IronException.class, () -> codec.open(sealedWithA));
    assertEquals(IronException.Reason.UNKNOWN_PASSWORD_ID, e.reason());
  }

  static Stream<Arguments> constructor_refusesARingThatCannotServeTheFormat() {
    // case, ring, format, refused
    return Stream.of(
        Arguments.of(
            "iron-session with numeric ids is served",
            PasswordRing.builder().current("1", secret("1")).accept("2", secret("2")).build(),
            PayloadFormat.IRON_SESSION,
            false),
        Arguments.of(
            "iron-session with a single password is refused: it reads numeric ids only",
            PasswordRing.single(secret("a")),
            PayloadFormat.IRON_SESSION,
            true),
        Arguments.of(
            "iron-session with a sealing id that is not a number is refused",
            PasswordRing.builder().current("a", secret("a")).build(),
            PayloadFormat.IRON_SESSION,
            true),
        Arguments.of(
            "a single password serves the library's own format",
            PasswordRing.single(secret("a")),
            PayloadFormat.TRACKER_COOKIE,
            false),
        Arguments.of(
            "a ring in which no password seals yet is refused",
            PasswordRing.builder().sealFrom("a", secret("a"), T.plusSeconds(1)).build(),
            PayloadFormat.PLAIN_JSON,
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void constructor_refusesARingThatCannotServeTheFormat(
      String behaviour, PasswordRing ring, PayloadFormat format, boolean refused) {
    if (refused) {
      assertThrows(IllegalArgumentException.class, () -> codec(ring, format, false));
    } else {
      RingSealCodec codec = codec(ring, format, false);
      assertEquals(PAYLOAD, codec.open(codec.seal(PAYLOAD)).text());
    }
  }

  @ParameterizedTest(name = "{0} plaintext bytes")
  @ValueSource(ints = {0, 2, 15, 16, 17, 100, 1000})
  void sealedLength_isTheLongestOfAnyPeriod_soASizeCheckedNowHoldsInTheNext(int bytes) {
    // The period that seals next has the longer id: its seals are the longer ones.
    PasswordRing ring =
        PasswordRing.builder()
            .current("a", secret("a"))
            .sealFrom("longer_id", secret("b"), T.plus(Duration.ofHours(1)))
            .build();
    RingSealCodec codec = codec(ring, PayloadFormat.TRACKER_COOKIE, false);
    String plaintext = "x".repeat(bytes);
    int predicted = codec.sealedLength(bytes);
    int now = codec.seal(plaintext).length();
    clock.set(at(60));
    int next = codec.seal(plaintext).length();

    assertEquals(next, predicted);
    assertEquals(next - now, "longer_id".length() - "a".length());
  }
}
