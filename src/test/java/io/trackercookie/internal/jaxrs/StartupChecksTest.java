package io.trackercookie.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StartupChecks}: which configurations start fine but bite later, and what the one start-up
 * WARNING says about each: the settings it names and what will happen, in a fixed order, never the
 * password.
 */
class StartupChecksTest {

  static Stream<Arguments> findings() {
    // case, options, what each finding starts with and holds (empty: nothing to say)
    return Stream.of(
        Arguments.of(
            "the defaults: nothing to say",
            (UnaryOperator<TrackerConfig.Builder>) b -> b,
            List.of()),
        Arguments.of(
            "a ttl shorter than a Max-Age the application chose shortens the Max-Age",
            (UnaryOperator<TrackerConfig.Builder>)
                b -> b.maxAge(Duration.ofDays(30)).ttl(Duration.ofDays(1)),
            List.of(
                List.of(
                    "tracker.ttl (PT24H) is shorter than the cookie's Max-Age",
                    "tracker.cookie.maxAge, PT720H",
                    "visitors lose their tracker after PT24H, not PT720H"))),
        Arguments.of(
            "a ttl equal to the chosen Max-Age: nothing to say",
            (UnaryOperator<TrackerConfig.Builder>)
                b -> b.maxAge(Duration.ofDays(1)).ttl(Duration.ofDays(1)),
            List.of()),
        Arguments.of(
            "a ttl longer than the chosen Max-Age: nothing to say",
            (UnaryOperator<TrackerConfig.Builder>)
                b -> b.maxAge(Duration.ofDays(1)).ttl(Duration.ofDays(2)),
            List.of()),
        Arguments.of(
            "a short ttl with Max-Age left unset: Max-Age follows the ttl by design",
            (UnaryOperator<TrackerConfig.Builder>) b -> b.ttl(Duration.ofHours(1)),
            List.of()),
        Arguments.of(
            "a session cookie with a short ttl: nothing to say",
            (UnaryOperator<TrackerConfig.Builder>)
                b -> b.maxAge(Duration.ZERO).ttl(Duration.ofHours(1)),
            List.of()),
        Arguments.of(
            "sliding expiry shorter than the chosen Max-Age names slidingExpiry",
            (UnaryOperator<TrackerConfig.Builder>)
                b -> b.maxAge(Duration.ofDays(30)).slidingExpiry(Duration.ofHours(2)),
            List.of(
                List.of(
                    "tracker.slidingExpiry (PT2H) is shorter than the cookie's Max-Age",
                    "after PT2H, not PT720H"))),
        Arguments.of(
            "a Cookie-header budget of exactly 8192 bytes: nothing to say",
            (UnaryOperator<TrackerConfig.Builder>) b -> b.maxCookieHeaderBytes(8192),
            List.of()),
        Arguments.of(
            "a Cookie-header budget over the servers' 8192-byte default",
            (UnaryOperator<TrackerConfig.Builder>) b -> b.maxCookieHeaderBytes(8193),
            List.of(
                List.of(
                    "tracker.maxCookieHeaderBytes is 8193",
                    "8192-byte request-head limit",
                    "raise the server's limit too"))),
        Arguments.of(
            "diagnostics on is for development only",
            (UnaryOperator<TrackerConfig.Builder>) b -> b.diagnostics(true),
            List.of(List.of("tracker.diagnostics is on", "development only"))),
        Arguments.of(
            "all three, in a fixed order",
            (UnaryOperator<TrackerConfig.Builder>)
                b ->
                    b.diagnostics(true)
                        .maxCookieHeaderBytes(16384)
                        .cookie(CookieSettings.builder().maxAge(Duration.ofDays(30)).build())
                        .ttl(Duration.ofDays(1)),
            List.of(
                List.of("tracker.ttl (PT24H)"),
                List.of("tracker.maxCookieHeaderBytes is 16384"),
                List.of("tracker.diagnostics is on"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void findings(
      String behaviour, UnaryOperator<TrackerConfig.Builder> options, List<List<String>> expected) {
    TrackerConfig config = options.apply(TestConfigs.builder()).build();

    List<String> findings = StartupChecks.findings(config);

    assertEquals(expected.size(), findings.size(), () -> "findings: " + findings);
    for (int i = 0; i < expected.size(); i++) {
      String finding = findings.get(i);
      assertTrue(finding.startsWith(expected.get(i).get(0)), finding);
      for (String part : expected.get(i)) {
        assertTrue(finding.contains(part), () -> "'" + part + "' in " + finding);
      }
      assertFalse(finding.contains(TestConfigs.PASSWORD), "never the password");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findings")
  void log_writesOneWarningLine_orNothing(
      String behaviour, UnaryOperator<TrackerConfig.Builder> options, List<List<String>> expected) {
    TrackerConfig config = options.apply(TestConfigs.builder()).build();
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
    log.addHandler(handler);
    try {
      StartupChecks.log(config);
    } finally {
      log.removeHandler(handler);
    }

    if (expected.isEmpty()) {
      assertEquals(List.of(), records);
    } else {
      assertEquals(1, records.size());
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertEquals(
          "Tracker cookie configuration to check: "
              + String.join("; ", StartupChecks.findings(config)),
          records.get(0).getMessage());
    }
  }
}
