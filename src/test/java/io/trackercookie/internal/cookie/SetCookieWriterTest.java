package io.trackercookie.internal.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.CookieSettings;
import io.trackercookie.CookieSettings.SameSite;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SetCookieWriter}: the exact Set-Cookie line for every attribute, a deletion's, the
 * prefixed and chunk names, Max-Age and Expires cut to a seal that expires sooner, the line's reuse
 * within a second, and the length without the value. The clock reads 2026-01-02T03:04:05Z (a
 * Friday), so the default Max-Age of 30 days expires on Sunday 1 February.
 */
class SetCookieWriterTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final Duration THIRTY_DAYS = Duration.ofDays(30);
  private static final String EXPIRES_IN_30_DAYS =
      "; Max-Age=2592000; Expires=Sun, 01 Feb 2026 03:04:05 GMT";
  private static final String DEFAULT_ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Lax";

  private final TestClock clock = new TestClock(NOW);

  private SetCookieWriter writer(
      UnaryOperator<CookieSettings.Builder> settings, Duration maxAge, Duration sealClockOffset) {
    CookieSettings built = settings.apply(CookieSettings.builder().name("n")).build();
    return new SetCookieWriter(built, built.cookieName(), maxAge, clock, sealClockOffset);
  }

  private SetCookieWriter writer(UnaryOperator<CookieSettings.Builder> settings, Duration maxAge) {
    return writer(settings, maxAge, Duration.ZERO);
  }

  static Stream<Arguments> write_eachAttributeCombination() {
    // case, settings, Max-Age written, whether the request is secure, the line
    return Stream.of(
        Arguments.of(
            "the defaults",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            THIRTY_DAYS,
            true,
            "n=v" + EXPIRES_IN_30_DAYS + DEFAULT_ATTRIBUTES),
        Arguments.of(
            "an insecure request (loopback development) drops Secure only",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            THIRTY_DAYS,
            false,
            "n=v" + EXPIRES_IN_30_DAYS + "; Path=/; HttpOnly; SameSite=Lax"),
        Arguments.of(
            "HttpOnly off",
            (UnaryOperator<CookieSettings.Builder>) b -> b.httpOnly(false),
            THIRTY_DAYS,
            true,
            "n=v" + EXPIRES_IN_30_DAYS + "; Path=/; Secure; SameSite=Lax"),
        Arguments.of(
            "SameSite Strict",
            (UnaryOperator<CookieSettings.Builder>) b -> b.sameSite(SameSite.STRICT),
            THIRTY_DAYS,
            true,
            "n=v" + EXPIRES_IN_30_DAYS + "; Path=/; Secure; HttpOnly; SameSite=Strict"),
        Arguments.of(
            "SameSite None",
            (UnaryOperator<CookieSettings.Builder>) b -> b.sameSite(SameSite.NONE),
            THIRTY_DAYS,
            true,
            "n=v" + EXPIRES_IN_30_DAYS + "; Path=/; Secure; HttpOnly; SameSite=None"),
        Arguments.of(
            "Partitioned comes last",
            (UnaryOperator<CookieSettings.Builder>) b -> b.partitioned(true),
            THIRTY_DAYS,
            true,
            "n=v" + EXPIRES_IN_30_DAYS + DEFAULT_ATTRIBUTES + "; Partitioned"),
        Arguments.of(
            "a path and a domain, after Expires and before Secure",
            (UnaryOperator<CookieSettings.Builder>) b -> b.path("/app").domain("example.com"),
            THIRTY_DAYS,
            true,
            "n=v"
                + EXPIRES_IN_30_DAYS
                + "; Path=/app; Domain=example.com; Secure; HttpOnly; SameSite=Lax"),
        Arguments.of(
            "a domain with a leading dot is written as given",
            (UnaryOperator<CookieSettings.Builder>) b -> b.domain(".example.com"),
            THIRTY_DAYS,
            true,
            "n=v"
                + EXPIRES_IN_30_DAYS
                + "; Path=/; Domain=.example.com; Secure; HttpOnly; SameSite=Lax"),
        Arguments.of(
            "a session cookie has neither Max-Age nor Expires",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            Duration.ZERO,
            true,
            "n=v" + DEFAULT_ATTRIBUTES),
        Arguments.of(
            "a one-second Max-Age expires one second from now",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            Duration.ofSeconds(1),
            true,
            "n=v; Max-Age=1; Expires=Fri, 02 Jan 2026 03:04:06 GMT" + DEFAULT_ATTRIBUTES),
        Arguments.of(
            "every attribute at once, in a fixed order",
            (UnaryOperator<CookieSettings.Builder>)
                b ->
                    b.path("/a")
                        .domain("example.com")
                        .httpOnly(false)
                        .sameSite(SameSite.NONE)
                        .partitioned(true),
            THIRTY_DAYS,
            true,
            "n=v"
                + EXPIRES_IN_30_DAYS
                + "; Path=/a; Domain=example.com; Secure; SameSite=None; Partitioned"),
        Arguments.of(
            "the __Host- prefix is part of the name",
            (UnaryOperator<CookieSettings.Builder>) b -> b.hostPrefix(true),
            THIRTY_DAYS,
            true,
            "__Host-n=v" + EXPIRES_IN_30_DAYS + DEFAULT_ATTRIBUTES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void write_eachAttributeCombination(
      String behaviour,
      UnaryOperator<CookieSettings.Builder> settings,
      Duration maxAge,
      boolean secure,
      String line) {
    SetCookieWriter writer = writer(settings, maxAge);

    assertEquals(line, writer.write("v", secure));
    assertEquals(line, writer.write("v", secure, null), "no seal expiration: the same line");
    assertEquals(line.length() - 1, writer.lengthWithoutValue(secure), "length without the value");
  }

  static Stream<Arguments> delete_keepsNamePathDomainAndAttributes() {
    // case, settings, Max-Age the writes would carry, secure, the line
    String epoch = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    return Stream.of(
        Arguments.of(
            "the defaults",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            THIRTY_DAYS,
            true,
            "n" + epoch + DEFAULT_ATTRIBUTES),
        Arguments.of(
            "a session cookie is deleted with Max-Age=0 too",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            Duration.ZERO,
            true,
            "n" + epoch + DEFAULT_ATTRIBUTES),
        Arguments.of(
            "an insecure request",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            THIRTY_DAYS,
            false,
            "n" + epoch + "; Path=/; HttpOnly; SameSite=Lax"),
        Arguments.of(
            "the path and domain it was written with",
            (UnaryOperator<CookieSettings.Builder>)
                b -> b.path("/app").domain("example.com").sameSite(SameSite.STRICT),
            THIRTY_DAYS,
            true,
            "n" + epoch + "; Path=/app; Domain=example.com; Secure; HttpOnly; SameSite=Strict"),
        Arguments.of(
            "a partitioned cookie is deleted in its partition",
            (UnaryOperator<CookieSettings.Builder>)
                b -> b.sameSite(SameSite.NONE).partitioned(true),
            THIRTY_DAYS,
            true,
            "n" + epoch + "; Path=/; Secure; HttpOnly; SameSite=None; Partitioned"),
        Arguments.of(
            "the __Host- prefixed name",
            (UnaryOperator<CookieSettings.Builder>) b -> b.hostPrefix(true),
            THIRTY_DAYS,
            true,
            "__Host-n" + epoch + DEFAULT_ATTRIBUTES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void delete_keepsNamePathDomainAndAttributes(
      String behaviour,
      UnaryOperator<CookieSettings.Builder> settings,
      Duration maxAge,
      boolean secure,
      String line) {
    assertEquals(line, writer(settings, maxAge).delete(secure));
  }

  static Stream<Arguments> write_chunkNames() {
    // case, settings, chunk name asked for, the line
    return Stream.of(
        Arguments.of(
            "a chunk is written under its own name",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            "n.0",
            "n.0=v" + EXPIRES_IN_30_DAYS + DEFAULT_ATTRIBUTES),
        Arguments.of(
            "a prefixed cookie's chunk keeps the prefix",
            (UnaryOperator<CookieSettings.Builder>) b -> b.hostPrefix(true),
            "__Host-n.12",
            "__Host-n.12=v" + EXPIRES_IN_30_DAYS + DEFAULT_ATTRIBUTES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void write_chunkNames(
      String behaviour, UnaryOperator<CookieSettings.Builder> settings, String name, String line) {
    CookieSettings built = settings.apply(CookieSettings.builder().name("n")).build();
    SetCookieWriter writer = new SetCookieWriter(built, name, THIRTY_DAYS, clock, Duration.ZERO);

    assertEquals(line, writer.write("v", true));
    assertEquals(name + "=" + line.substring(line.indexOf(';')), writer.write("", true));
  }

  static Stream<Arguments> write_cutToASealThatExpiresSooner() {
    // case, Max-Age configured, seal clock offset (seconds), seal expires after now (seconds;
    // null: no expiration), the Max-Age and Expires part of the line
    return Stream.of(
        Arguments.of(
            "no seal expiration: the configured Max-Age", THIRTY_DAYS, 0, null, EXPIRES_IN_30_DAYS),
        Arguments.of(
            "a seal expiring in ten days cuts Max-Age to ten days",
            THIRTY_DAYS,
            0,
            864_000L,
            "; Max-Age=864000; Expires=Mon, 12 Jan 2026 03:04:05 GMT"),
        Arguments.of(
            "a seal expiring exactly with the cookie changes nothing",
            THIRTY_DAYS,
            0,
            2_592_000L,
            EXPIRES_IN_30_DAYS),
        Arguments.of(
            "a seal expiring after the cookie changes nothing",
            THIRTY_DAYS,
            0,
            3_456_000L,
            EXPIRES_IN_30_DAYS),
        Arguments.of(
            "a seal already past its expiration gets one second, never zero",
            THIRTY_DAYS,
            0,
            -30L,
            "; Max-Age=1; Expires=Fri, 02 Jan 2026 03:04:06 GMT"),
        Arguments.of(
            "the time left is measured on the seal's clock, with iron's local-time offset",
            THIRTY_DAYS,
            60,
            600L,
            "; Max-Age=540; Expires=Fri, 02 Jan 2026 03:13:05 GMT"),
        Arguments.of("a session cookie stays one", Duration.ZERO, 0, 600L, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void write_cutToASealThatExpiresSooner(
      String behaviour,
      Duration maxAge,
      int offsetSeconds,
      Long expiresInSeconds,
      String lifetime) {
    SetCookieWriter writer = writer(b -> b, maxAge, Duration.ofSeconds(offsetSeconds));
    Instant expiration = expiresInSeconds == null ? null : NOW.plusSeconds(expiresInSeconds);

    assertEquals("n=v" + lifetime + DEFAULT_ATTRIBUTES, writer.write("v", true, expiration));
  }

  static Stream<Arguments> write_reusesALineWithinASecondOnly() {
    // case, milliseconds after NOW of the first and second writes, secure first and second,
    // the second line
    return Stream.of(
        Arguments.of(
            "later in the same second: the same Expires",
            0,
            999,
            true,
            true,
            "n=v" + EXPIRES_IN_30_DAYS + DEFAULT_ATTRIBUTES),
        Arguments.of(
            "the next second: Expires moves on",
            999,
            1000,
            true,
            true,
            "n=v; Max-Age=2592000; Expires=Sun, 01 Feb 2026 03:04:06 GMT" + DEFAULT_ATTRIBUTES),
        Arguments.of(
            "the same second, an insecure request: no Secure",
            0,
            0,
            true,
            false,
            "n=v" + EXPIRES_IN_30_DAYS + "; Path=/; HttpOnly; SameSite=Lax"),
        Arguments.of(
            "the same second, secure again after an insecure one: Secure",
            0,
            500,
            false,
            true,
            "n=v" + EXPIRES_IN_30_DAYS + DEFAULT_ATTRIBUTES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void write_reusesALineWithinASecondOnly(
      String behaviour,
      int firstMillis,
      int secondMillis,
      boolean firstSecure,
      boolean secondSecure,
      String line) {
    SetCookieWriter writer = writer(b -> b, THIRTY_DAYS);
    clock.set(NOW.plusMillis(firstMillis));
    writer.write("v", firstSecure);
    clock.set(NOW.plusMillis(secondMillis));

    assertEquals(line, writer.write("v", secondSecure));
  }

  static Stream<Arguments> lengthWithoutValue_isFixedWhateverTheTime() {
    // case, settings, Max-Age, secure
    return Stream.of(
        Arguments.of(
            "the defaults", (UnaryOperator<CookieSettings.Builder>) b -> b, THIRTY_DAYS, true),
        Arguments.of(
            "insecure", (UnaryOperator<CookieSettings.Builder>) b -> b, THIRTY_DAYS, false),
        Arguments.of(
            "a session cookie",
            (UnaryOperator<CookieSettings.Builder>) b -> b,
            Duration.ZERO,
            true),
        Arguments.of(
            "every attribute",
            (UnaryOperator<CookieSettings.Builder>)
                b -> b.path("/a").domain("example.com").sameSite(SameSite.NONE).partitioned(true),
            Duration.ofDays(400),
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void lengthWithoutValue_isFixedWhateverTheTime(
      String behaviour,
      UnaryOperator<CookieSettings.Builder> settings,
      Duration maxAge,
      boolean secure) {
    SetCookieWriter writer = writer(settings, maxAge);
    int length = writer.lengthWithoutValue(secure);

    for (Instant at :
        new Instant[] {
          NOW, Instant.parse("2026-09-30T23:59:59Z"), Instant.parse("2027-12-31T00:00:00Z")
        }) {
      clock.set(at);
      assertEquals(length, writer.lengthWithoutValue(secure), at.toString());
      assertEquals(length + 5, writer.write("value", secure).length(), at.toString());
    }
  }
}
