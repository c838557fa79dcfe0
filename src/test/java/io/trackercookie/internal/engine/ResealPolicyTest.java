package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieHeaderParser.Candidate;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.Unsealed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ResealPolicy}, one table a decision: whether an unchanged seal is sealed again and until
 * when the new one may live, a legacy cookie's upgrade, and whether a response opens a cookie
 * nobody read. The clock is fixed; "now" is {@link TestConfigs#FIXED_CLOCK}'s instant.
 */
class ResealPolicyTest {

  private static final Instant NOW = TestConfigs.FIXED_CLOCK.instant();
  private static final String CURRENT_ID = "current";
  private static final String RETIRED_ID = "retired";

  private static final UnaryOperator<TrackerConfig.Builder> FIXED_TTL = b -> b;
  private static final UnaryOperator<TrackerConfig.Builder> SLIDING_HOUR =
      b -> b.slidingExpiry(Duration.ofHours(1));
  private static final UnaryOperator<TrackerConfig.Builder> SLIDING_HOUR_REISSUE_QUARTER =
      b -> b.slidingExpiry(Duration.ofHours(1)).reissueAfter(0.25);
  private static final UnaryOperator<TrackerConfig.Builder> CLOCK_TEN_MINUTES_AHEAD =
      b -> b.ironOptions(IronOptions.builder().localtimeOffset(Duration.ofMinutes(10)).build());

  private static ResealPolicy policy(UnaryOperator<TrackerConfig.Builder> options) {
    TrackerConfig config =
        options.apply(TestConfigs.builder().clock(TestConfigs.FIXED_CLOCK)).build();
    return new ResealPolicy(config, CURRENT_ID::equals);
  }

  /** An expiration this many minutes from now; null for a seal without one. */
  private static Instant in(Integer minutes) {
    return minutes == null ? null : NOW.plus(Duration.ofMinutes(minutes));
  }

  static Stream<Arguments> decide() {
    // case, options, sealed with the current password, expires in (minutes; null: never),
    // due, notAfter (minutes from now; null: a fresh lifetime)
    return Stream.of(
        Arguments.of(
            "a seal under the current password is left alone", FIXED_TTL, true, 600, false, null),
        Arguments.of(
            "a seal under a retired password is resealed, keeping its expiration",
            FIXED_TTL,
            false,
            600,
            true,
            600),
        Arguments.of(
            "a retired seal without an expiration is resealed without a limit",
            FIXED_TTL,
            false,
            null,
            true,
            null),
        Arguments.of(
            "a current seal without an expiration is left alone",
            FIXED_TTL,
            true,
            null,
            false,
            null),
        Arguments.of(
            "a retired seal past its expiration (inside the skew) lapses",
            FIXED_TTL,
            false,
            -1,
            false,
            null),
        Arguments.of(
            "a retired seal at its very expiration lapses", FIXED_TTL, false, 0, false, null),
        Arguments.of(
            "sliding: a seal with more than half its lifetime left is left alone",
            SLIDING_HOUR,
            true,
            31,
            false,
            null),
        Arguments.of(
            "sliding: a seal with exactly half its lifetime left gets a fresh one",
            SLIDING_HOUR,
            true,
            30,
            true,
            null),
        Arguments.of(
            "sliding: a seal with less than half its lifetime left gets a fresh one",
            SLIDING_HOUR,
            true,
            5,
            true,
            null),
        Arguments.of(
            "sliding: a retired seal not yet due keeps its expiration",
            SLIDING_HOUR,
            false,
            50,
            true,
            50),
        Arguments.of(
            "sliding: a retired seal that is due gets a fresh lifetime",
            SLIDING_HOUR,
            false,
            10,
            true,
            null),
        Arguments.of(
            "sliding: a seal without an expiration gets one", SLIDING_HOUR, true, null, true, null),
        Arguments.of(
            "sliding: a seal past its expiration lapses", SLIDING_HOUR, true, -1, false, null),
        Arguments.of(
            "sliding, reissue after a quarter: 46 minutes left is not due",
            SLIDING_HOUR_REISSUE_QUARTER,
            true,
            46,
            false,
            null),
        Arguments.of(
            "sliding, reissue after a quarter: 45 minutes left is due",
            SLIDING_HOUR_REISSUE_QUARTER,
            true,
            45,
            true,
            null),
        Arguments.of(
            "the seal clock runs ahead by the local-time offset: 5 minutes ahead of the clock is past",
            CLOCK_TEN_MINUTES_AHEAD,
            false,
            5,
            false,
            null),
        Arguments.of(
            "the seal clock runs ahead by the local-time offset: 15 minutes ahead is still live",
            CLOCK_TEN_MINUTES_AHEAD,
            false,
            15,
            true,
            15));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void decide(
      String behaviour,
      UnaryOperator<TrackerConfig.Builder> options,
      boolean current,
      Integer expiresInMinutes,
      boolean due,
      Integer notAfterMinutes) {
    Unsealed unsealed =
        new Unsealed(
            "\"{}\"",
            current ? CURRENT_ID : RETIRED_ID,
            Optional.ofNullable(in(expiresInMinutes)),
            current);

    ResealPolicy.Reseal reseal = policy(options).decide(unsealed);

    assertEquals(due, reseal.due(), "due");
    assertEquals(in(notAfterMinutes), reseal.notAfter(), "notAfter");
  }

  static Stream<Arguments> forLegacy() {
    return Stream.of(
        Arguments.of("a live legacy cookie is upgraded, keeping its expiration", FIXED_TTL, 60),
        Arguments.of("under sliding expiry too, the upgrade keeps the expiration", SLIDING_HOUR, 5),
        Arguments.of("a legacy cookie whose expiration is far off keeps it", FIXED_TTL, 60 * 24));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void forLegacy(String behaviour, UnaryOperator<TrackerConfig.Builder> options, int minutes) {
    ResealPolicy.Reseal reseal = policy(options).forLegacy(in(minutes));

    assertEquals(true, reseal.due(), "due");
    assertEquals(in(minutes), reseal.notAfter(), "notAfter");
  }

  /** A seal's header as a cookie value: the parts {@code mayBeDue} reads, the rest filler. */
  private static String seal(String passwordId, Integer expiresInMinutes) {
    String expiration =
        expiresInMinutes == null ? "" : Long.toString(in(expiresInMinutes).toEpochMilli());
    return "Fe26.2*" + passwordId + "*salt*iv*encrypted*" + expiration + "*hsalt*hmac";
  }

  private static Candidate candidate(String value) {
    return new Candidate(value, null);
  }

  private static final Candidate LEGACY = candidate("0123456789abcdef0123456789abcdef01234567");

  static Stream<Arguments> mayBeDue() {
    // case, options, tracker cookie candidates, legacy candidates, whether to open
    return Stream.of(
        Arguments.of("no cookie: nothing to open", FIXED_TTL, List.of(), List.of(), false),
        Arguments.of(
            "a legacy cookie alone is upgraded", FIXED_TTL, List.of(), List.of(LEGACY), true),
        Arguments.of(
            "a current seal is not opened",
            FIXED_TTL,
            List.of(candidate(seal(CURRENT_ID, 600))),
            List.of(),
            false),
        Arguments.of(
            "a current seal beside a legacy cookie holds the tracker: not opened",
            FIXED_TTL,
            List.of(candidate(seal(CURRENT_ID, 600))),
            List.of(LEGACY),
            false),
        Arguments.of(
            "a seal under a retired password is opened",
            FIXED_TTL,
            List.of(candidate(seal(RETIRED_ID, 600))),
            List.of(),
            true),
        Arguments.of(
            "iron-session's suffix is read past",
            FIXED_TTL,
            List.of(candidate(seal(RETIRED_ID, 600) + "~2")),
            List.of(),
            true),
        Arguments.of(
            "a retired seal past its expiration is not opened",
            FIXED_TTL,
            List.of(candidate(seal(RETIRED_ID, -1))),
            List.of(),
            false),
        Arguments.of(
            "any candidate that may be due is enough",
            FIXED_TTL,
            List.of(candidate(seal(CURRENT_ID, 600)), candidate(seal(RETIRED_ID, 600))),
            List.of(),
            true),
        Arguments.of(
            "a value that is not a seal is skipped",
            FIXED_TTL,
            List.of(candidate("not-a-seal")),
            List.of(),
            false),
        Arguments.of(
            "a seal with an expiration that is not a number is skipped",
            FIXED_TTL,
            List.of(candidate("Fe26.2*" + RETIRED_ID + "*s*iv*e*soon*hs*h")),
            List.of(),
            false),
        Arguments.of(
            "no valid seal beside a legacy cookie: the legacy cookie is upgraded",
            FIXED_TTL,
            List.of(candidate("not-a-seal")),
            List.of(LEGACY),
            true),
        Arguments.of(
            "a candidate the parser refused is skipped, even under a retired password",
            FIXED_TTL,
            List.of(new Candidate(seal(RETIRED_ID, 600), RejectionReason.OVERSIZE)),
            List.of(),
            false),
        Arguments.of(
            "sliding: a current seal due for reissue is opened",
            SLIDING_HOUR,
            List.of(candidate(seal(CURRENT_ID, 10))),
            List.of(),
            true),
        Arguments.of(
            "sliding: a current seal not yet due is not opened",
            SLIDING_HOUR,
            List.of(candidate(seal(CURRENT_ID, 50))),
            List.of(),
            false),
        Arguments.of(
            "sliding: a seal without an expiration is opened",
            SLIDING_HOUR,
            List.of(candidate(seal(CURRENT_ID, null))),
            List.of(),
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void mayBeDue(
      String behaviour,
      UnaryOperator<TrackerConfig.Builder> options,
      List<Candidate> candidates,
      List<Candidate> legacy,
      boolean open) {
    CookieJar.Found found = new CookieJar.Found(candidates, new ArrayList<>(), legacy);

    assertEquals(open, policy(options).mayBeDue(found));
  }
}
