package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trackercookie.RejectionReason;
import io.trackercookie.TrackerListener;
import io.trackercookie.internal.cookie.CookieHeaderParser.Candidate;
import io.trackercookie.legacy.LegacyCookieWriter;
import io.trackercookie.legacy.LegacySessionDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LegacyReader}: which of a request's legacy cookies opens, what it yields (content, the
 * HMAC that names it, when it was written, when it expires), and the reason each refused one is
 * reported with; then cookie-sessions' {@code unescape}. Legacy cookies time out after a day; the
 * clock reads {@code NOW}.
 */
class LegacyReaderTest {

  private static final String SECRET = "legacy-reader-test-secret";
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final Instant WRITTEN = NOW.minus(Duration.ofHours(2));
  private static final Duration TIMEOUT = Duration.ofDays(1);

  private static String legacy(String json) {
    return LegacyCookieWriter.write(SECRET, WRITTEN.toEpochMilli(), json);
  }

  private static final String ALICE = legacy("{\"user\":\"alice\"}");
  private static final String BOB = legacy("{\"user\":\"bob\"}");

  private static Candidate ok(String value) {
    return new Candidate(value, null);
  }

  /** The first character of the HMAC changed: still hex, the MAC no longer matches. */
  private static String tampered(String value) {
    return (value.charAt(0) == '0' ? "1" : "0") + value.substring(1);
  }

  static Stream<Arguments> open() {
    // case, candidates, the user read (null: none opened), reasons reported in order
    return Stream.of(
        Arguments.of("no candidate: nothing", List.of(), null, List.of()),
        Arguments.of("a valid cookie opens", List.of(ok(ALICE)), "alice", List.of()),
        Arguments.of("the first that opens wins", List.of(ok(ALICE), ok(BOB)), "alice", List.of()),
        Arguments.of(
            "a refused cookie before a valid one is reported, the valid one opens",
            List.of(ok(tampered(ALICE)), ok(BOB)),
            "bob",
            List.of(RejectionReason.BAD_MAC)),
        Arguments.of(
            "a candidate the header parser refused is reported with the parser's reason",
            List.of(new Candidate(ALICE, RejectionReason.NON_ASCII)),
            null,
            List.of(RejectionReason.NON_ASCII)),
        Arguments.of(
            "an expired cookie",
            List.of(
                ok(
                    LegacyCookieWriter.write(
                        SECRET, NOW.minus(TIMEOUT).toEpochMilli(), "{\"user\":\"alice\"}"))),
            null,
            List.of(RejectionReason.EXPIRED)),
        Arguments.of(
            "another secret's cookie fails its MAC",
            List.of(ok(LegacyCookieWriter.write("other", WRITTEN.toEpochMilli(), "{}"))),
            null,
            List.of(RejectionReason.BAD_MAC)),
        Arguments.of(
            "not the cookie-sessions format",
            List.of(ok("hello")),
            null,
            List.of(RejectionReason.MALFORMED)),
        Arguments.of(
            "content that is not JSON",
            List.of(ok(legacy("{user:alice}"))),
            null,
            List.of(RejectionReason.INVALID_JSON)),
        Arguments.of(
            "JSON that is not an object",
            List.of(ok(legacy("[1,2]"))),
            null,
            List.of(RejectionReason.NOT_AN_OBJECT)),
        Arguments.of(
            "an object with a __proto__ key",
            List.of(ok(legacy("{\"__proto__\":{\"admin\":true}}"))),
            null,
            List.of(RejectionReason.FORBIDDEN_KEY)),
        Arguments.of(
            "a JSON string holding an object is read, as every layout is",
            List.of(ok(legacy("\"{\\\"user\\\":\\\"alice\\\"}\""))),
            "alice",
            List.of()),
        Arguments.of(
            "hex digits sent escaped are unescaped before reading",
            List.of(
                ok(
                    ALICE.substring(0, 2)
                        + "%"
                        + Integer.toHexString(ALICE.charAt(2))
                        + ALICE.substring(3))),
            "alice",
            List.of()),
        Arguments.of(
            "every refusal is reported, in order",
            List.of(ok("hello"), ok(tampered(ALICE)), new Candidate("x", RejectionReason.OVERSIZE)),
            null,
            List.of(RejectionReason.MALFORMED, RejectionReason.BAD_MAC, RejectionReason.OVERSIZE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void open(
      String behaviour, List<Candidate> candidates, String user, List<RejectionReason> reasons) {
    List<RejectionReason> told = new ArrayList<>();
    LegacyReader reader = reader(told);
    List<RejectionReason> rejected = new ArrayList<>();

    LegacyReader.OpenedLegacyCookie opened = reader.open(candidates, true, rejected);

    if (user == null) {
      assertNull(opened);
    } else {
      assertEquals(user, opened.content().get("user").textValue());
      assertEquals(WRITTEN, opened.written());
      assertEquals(WRITTEN.plus(TIMEOUT), opened.expiration());
      assertEquals(40, opened.hmac().length());
      assertEquals(
          LegacyReader.unescape(candidates.get(reasons.size()).value()).substring(0, 40),
          opened.hmac());
    }
    assertEquals(reasons, rejected, "reasons added to the request's list");
    assertEquals(reasons, told, "reasons told to the listeners");
  }

  @ParameterizedTest(name = "report: {0}, a list to fill: {1}")
  @CsvSource({"true, true", "false, true", "true, false", "false, false"})
  void open_reportsToListenersOnlyWhenAsked_andFillsAListOnlyWhenGiven(
      boolean report, boolean withList) {
    List<RejectionReason> told = new ArrayList<>();
    List<RejectionReason> rejected = withList ? new ArrayList<>() : null;

    LegacyReader.OpenedLegacyCookie opened =
        reader(told).open(List.of(ok("hello"), ok(BOB)), report, rejected);

    assertEquals("bob", opened.content().get("user").textValue());
    assertEquals(report ? List.of(RejectionReason.MALFORMED) : List.of(), told);
    if (withList) {
      assertEquals(List.of(RejectionReason.MALFORMED), rejected);
    }
  }

  private static LegacyReader reader(List<RejectionReason> told) {
    LegacySessionDecoder decoder =
        LegacySessionDecoder.builder()
            .secret(SECRET)
            .timeout(TIMEOUT)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    TrackerListener listener =
        new TrackerListener() {
          @Override
          public void cookieRejected(RejectionReason reason) {
            told.add(reason);
          }
        };
    return new LegacyReader(decoder, "_node", new ListenerFanout(List.of(listener)));
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "abc|abc",
        "%41|A",
        "%4a%4A|JJ",
        "a%2Ab|a*b",
        "%e9|\u00e9",
        "%%41|%A",
        "%4|%4",
        "%|%",
        "100%|100%",
        "%zz|%zz",
        "%4g|%4g",
        "%\uff11\uff12|%\uff11\uff12",
        "%u0041|%u0041",
        "%2541|%41",
      })
  void unescape_decodesPercentHexPairsOnly_once(String value, String unescaped) {
    assertEquals(unescaped, LegacyReader.unescape(value));
  }
}
