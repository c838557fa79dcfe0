package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics header (the reason a cookie was refused, for developers) and the start-up warning
 * about configurations that bite later.
 */
class DiagnosticsHttpTest {

  private static final String NAME = "persistent-information";

  private static String tampered(String value) {
    return value.substring(0, value.length() - 2) + (value.endsWith("AA") ? "BB" : "AA");
  }

  private static List<String> diagnostics(RawHttp.Response response) {
    return response.header(TrackerConfig.DIAGNOSTICS_HEADER);
  }

  @Test
  void withTheDefaults_aRefusedCookie_bringsNoDiagnosticsHeader() {
    try (TestServer server = new TestServer(() -> TestConfigs.app(TestConfigs.builder().build()))) {
      String value = server.get("/put?k=a&v=1").cookieValue(NAME);
      RawHttp.Response response = server.get("/read", "Cookie: " + NAME + "=" + tampered(value));
      assertEquals("{}", response.body());
      assertEquals(List.of(), diagnostics(response));
    }
  }

  @Test
  void insecureLoopbackAlone_doesNotTurnDiagnosticsOn() {
    TrackerConfig config = TestConfigs.builder().insecureLoopbackForDevelopment(true).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response response = server.get("/read", "Cookie: " + NAME + "=garbage");
      assertEquals(List.of(), diagnostics(response));
    }
  }

  @Test
  void withDiagnosticsOn_aTamperedCookie_isNamedByItsReason_neverItsValue() {
    TrackerConfig config = TestConfigs.builder().diagnostics(true).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String value = server.get("/put?k=a&v=1").cookieValue(NAME);
      String bad = tampered(value);
      RawHttp.Response response = server.get("/read", "Cookie: " + NAME + "=" + bad);
      assertEquals(200, response.status());
      assertEquals("{}", response.body());
      assertEquals(List.of("rejected=BAD_MAC"), diagnostics(response));
      for (String line : response.headerLines()) {
        assertFalse(line.contains(bad.substring(10, 40)), "no part of the value: " + line);
      }
      RawHttp.Response valid = server.get("/read", "Cookie: " + NAME + "=" + value);
      assertEquals("{\"a\":\"1\"}", valid.body());
      assertEquals(List.of(), diagnostics(valid), "a cookie that opens is not diagnosed");
    }
  }

  @Test
  void everyRefusedCookie_isNamed_evenWhenALaterOneOpens() {
    TrackerConfig config = TestConfigs.builder().diagnostics(true).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String value = server.get("/put?k=a&v=1").cookieValue(NAME);
      RawHttp.Response response =
          server.get(
              "/read",
              "Cookie: " + NAME + "=garbage; " + NAME + "=" + tampered(value),
              "Cookie: " + NAME + "=" + value);
      assertEquals("{\"a\":\"1\"}", response.body());
      assertEquals(List.of("rejected=MALFORMED,BAD_MAC"), diagnostics(response));
    }
  }

  @Test
  void aCookieTheApplicationNeverRead_isDiagnosed_butNotCountedAsRejected() {
    List<RejectionReason> told = new CopyOnWriteArrayList<>();
    TrackerConfig config =
        TestConfigs.builder()
            .diagnostics(true)
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieRejected(RejectionReason reason) {
                    told.add(reason);
                  }
                })
            .build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String foreign = TestConfigs.seal(TestConfigs.OTHER_PASSWORD, "\"{}\"");
      RawHttp.Response response = server.get("/nothing", "Cookie: " + NAME + "=" + foreign);
      assertEquals(200, response.status());
      assertEquals(List.of("rejected=BAD_MAC"), diagnostics(response));
      assertEquals(List.of(), told, "the application never read it: no rejection to count");
    }
  }

  @Test
  void theDiagnosticsSetting_turnsItOn() {
    TrackerConfig config = TestConfigs.fromSettings(TrackerSettings.DIAGNOSTICS, "true");
    assertTrue(config.diagnostics());
    assertTrue(config.toString().contains("diagnostics=true"), "the effective config says so");
    assertFalse(TestConfigs.fromSettings().diagnostics(), "off by default");
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response response = server.get("/read", "Cookie: " + NAME + "=x\u00e9");
      assertEquals(List.of("rejected=NON_ASCII"), diagnostics(response));
    }
  }

  /** The WARNING records the library logs while an application with this config starts. */
  private static List<String> startupWarnings(TrackerConfig config) {
    Logger logger = Logger.getLogger("io.trackercookie");
    List<String> warnings = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      assertEquals(200, server.get("/nothing").status());
    } finally {
      logger.removeHandler(handler);
    }
    return warnings;
  }

  private static final CookieSettings THIRTY_DAYS =
      CookieSettings.builder().maxAge(Duration.ofDays(30)).build();

  @Test
  void aTtlShorterThanTheMaxAgeTheApplicationSet_isOneWarningLineAtStartUp() {
    List<String> warnings =
        startupWarnings(TestConfigs.builder().cookie(THIRTY_DAYS).ttl(Duration.ofHours(1)).build());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("tracker.ttl (PT1H)"), warnings.get(0));
    assertTrue(warnings.get(0).contains("Max-Age"), warnings.get(0));
  }

  @Test
  void diagnosticsOn_andAHeaderBudgetPastServerLimits_areWarnedAboutInTheSameOneLine() {
    List<String> warnings =
        startupWarnings(
            TestConfigs.builder()
                .cookie(THIRTY_DAYS)
                .slidingExpiry(Duration.ofHours(2))
                .chunking()
                .maxCookieHeaderBytes(12_000)
                .diagnostics(true)
                .build());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("tracker.slidingExpiry (PT2H)"), warnings.get(0));
    assertTrue(warnings.get(0).contains("tracker.maxCookieHeaderBytes is 12000"), warnings.get(0));
    assertTrue(warnings.get(0).contains("tracker.diagnostics is on"), warnings.get(0));
  }

  @Test
  void theDefaults_andATtlTheMaxAgeFollows_startWithoutAWarning() {
    assertEquals(List.of(), startupWarnings(TestConfigs.builder().build()));
    // No Max-Age of its own: the cookie lives as long as the seal, by design.
    assertEquals(
        List.of(), startupWarnings(TestConfigs.builder().ttl(Duration.ofHours(1)).build()));
    assertEquals(
        List.of(),
        startupWarnings(
            TestConfigs.builder().cookie(THIRTY_DAYS).ttl(Duration.ofDays(30)).build()));
  }
}
