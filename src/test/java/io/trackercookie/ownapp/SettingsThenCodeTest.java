package io.trackercookie.ownapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.TrackerSettings;
import io.trackercookie.testkit.TestClock;
import io.trackercookie.testkit.TrackerTestKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The settings read from system properties and the environment, with code added on top, warn about
 * a misspelled name as the no-arg feature does; and a test's first config needs no environment.
 */
class SettingsThenCodeTest {

  private static final List<String> PROPERTIES =
      List.of("tracker.password", "tracker.cookie.name", "tracker.cookie.nmae", "tracker.ttl");

  @AfterEach
  void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  /** Collects the library's warnings. */
  private static final class Warnings extends Handler {
    final List<String> messages = new ArrayList<>();

    @Override
    public synchronized void publish(LogRecord record) {
      messages.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void settingsBuilder_readsSystemProperties_takesCodeOnTop_andWarnsAboutAMisspelledName() {
    System.setProperty("tracker.password", TestConfigs.PASSWORD);
    System.setProperty("tracker.cookie.name", "visit");
    System.setProperty("tracker.cookie.nmae", "typo");
    System.setProperty("tracker.ttl", "PT1H");
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    TrackerListener listener = new TrackerListener() {};
    Warnings warnings = new Warnings();
    Logger logger = Logger.getLogger("io.trackercookie");
    logger.addHandler(warnings);
    TrackerConfig config;
    try {
      config =
          TrackerSettings.builder()
              .listener(listener)
              .clock(clock)
              .ttl(Duration.ofHours(2))
              .build();
    } finally {
      logger.removeHandler(warnings);
    }
    assertEquals("visit", config.cookie().name());
    assertEquals(List.of(listener), config.listeners());
    assertEquals(clock, config.clock());
    assertEquals(Duration.ofHours(2), config.lifetimes().ttl().orElseThrow(), "code wins");
    assertTrue(
        warnings.messages.contains(
            "Unknown tracker property tracker.cookie.nmae is ignored;"
                + " did you mean tracker.cookie.name?"),
        warnings.messages.toString());
  }

  @Test
  void settingsBuilder_refusesAnInvalidValue_namingTheSetting() {
    System.setProperty("tracker.password", TestConfigs.PASSWORD);
    System.setProperty("tracker.ttl", "an hour");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, TrackerSettings::builder);
    assertTrue(e.getMessage().contains("tracker.ttl"), e.getMessage());
  }

  @Test
  void theTestKitsConfig_needsNoEnvironment_andPassesTheWeakPasswordCheck() {
    TrackerConfig config = TrackerTestKit.testConfig().build();
    TrackerTestKit kit = TrackerTestKit.of(config);
    assertEquals(
        Map.of("user", "ada"), kit.readCookieHeader(kit.cookieHeader(Map.of("user", "ada"))));
  }

  @Test
  void aWeakPassword_isRefusedNamingTheBuilderCallAndTheSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrackerConfig.builder().password("password".repeat(5)).build());
    assertTrue(e.getMessage().contains(".allowWeakPassword(true)"), e.getMessage());
    assertTrue(e.getMessage().contains("TRACKER_ALLOW_WEAK_PASSWORD"), e.getMessage());
    TrackerConfig.builder().password("password".repeat(5)).allowWeakPassword(true).build();
  }
}
