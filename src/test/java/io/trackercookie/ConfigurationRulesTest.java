package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.iron.IronOptions;
import io.trackercookie.keys.PasswordSource;
import io.trackercookie.settings.SettingNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The options' rules, each in one place: the builders' setters refuse bad values at once, named,
 * and the options table users read lists exactly the settings the code knows.
 */
class ConfigurationRulesTest {

  private static final Pattern TABLE_SETTING = Pattern.compile("^\\| `(tracker\\.[^`]*)` \\|");
  private static final Pattern ANY_SETTING = Pattern.compile("`(tracker\\.[A-Za-z.]+)");

  @Test
  void slidingExpiry_refusesAShorterMaxAge_orASessionCookie_whichItWouldReplace() {
    for (Duration maxAge : List.of(Duration.ZERO, Duration.ofMinutes(10))) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  TestConfigs.builder().maxAge(maxAge).slidingExpiry(Duration.ofHours(1)).build());
      assertTrue(e.getMessage().contains(TrackerSettings.COOKIE_MAX_AGE), e.getMessage());
      assertTrue(e.getMessage().contains(TrackerSettings.SLIDING_EXPIRY), e.getMessage());
    }
    TrackerConfig longer =
        TestConfigs.builder().maxAge(Duration.ofDays(2)).slidingExpiry(Duration.ofHours(1)).build();
    assertEquals(Duration.ofHours(1), longer.cookieMaxAge(), "a longer Max-Age is aligned");
  }

  @Test
  void theConfigurationTable_listsExactlyTheSettingsTheCodeKnows() throws IOException {
    List<String> documented = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("docs/configuration.md"))) {
      Matcher matcher = TABLE_SETTING.matcher(line);
      if (matcher.find()) {
        documented.add(matcher.group(1));
      }
    }
    assertEquals(TrackerSettings.NAMES, documented);
  }

  @Test
  void everySettingTheReadmeNames_isOneTheCodeKnows() throws IOException {
    Set<String> unknown = new TreeSet<>();
    Matcher matcher = ANY_SETTING.matcher(Files.readString(Path.of("README.md")));
    while (matcher.find()) {
      String name = matcher.group(1);
      boolean known =
          TrackerSettings.NAMES.contains(name)
              || name.startsWith(TrackerSettings.ACCEPTED_PASSWORD_PREFIX)
              || name.startsWith("tracker.load."); // the load test's own system properties
      if (!known) {
        unknown.add(name);
      }
    }
    assertTrue(unknown.isEmpty(), "README names settings the code does not know: " + unknown);
  }

  @Test
  void everyEnvironmentVariable_isTheSettingsNameInUpperSnakeCase() {
    for (String name : TrackerSettings.NAMES) {
      String env = TrackerSettings.environmentName(name);
      assertTrue(env.matches("TRACKER_[A-Z_]+"), env);
    }
    assertEquals(
        "TRACKER_SEAL_CACHE_MAX_BYTES",
        TrackerSettings.environmentName(TrackerSettings.SEAL_CACHE_MAX_BYTES));
  }

  @Test
  void misspelledSettings_getOneWarningEach_namingTheClosestKnownSetting() {
    List<String> warnings =
        TrackerSettings.unknownNameWarnings(
            List.of("tracker.cookie.samesite", "tracker.password.v1", "tracker.ttl", "other.x"),
            List.of("TRACKER_COOKIE_SAMESIDE", "TRACKER_PASSWORD_V1", "TRACKER_TTL", "PATH"));
    assertEquals(
        List.of(
            "Unknown tracker property tracker.cookie.samesite is ignored;"
                + " did you mean tracker.cookie.sameSite?",
            "Unknown tracker environment variable TRACKER_COOKIE_SAMESIDE is ignored;"
                + " did you mean TRACKER_COOKIE_SAME_SITE?"),
        warnings);
  }

  @Test
  void microProfilesEnvironmentName_isAcceptedBesideOurs_andNamedByItsOwnRule() {
    assertEquals(
        "TRACKER_COOKIE_MAXAGE",
        SettingNames.microProfileEnvironmentName(TrackerSettings.COOKIE_MAX_AGE));
    assertEquals(
        "TRACKER_COOKIE_MAX_AGE", TrackerSettings.environmentName(TrackerSettings.COOKIE_MAX_AGE));
    assertEquals(
        List.of(),
        TrackerSettings.unknownNameWarnings(
            List.of(), List.of("TRACKER_COOKIE_MAXAGE", "TRACKER_COOKIE_MAX_AGE")));
  }

  @Test
  void password_refusesNull_andAShortOne_namingTheSettingButNotTheValue() {
    NullPointerException missing =
        assertThrows(NullPointerException.class, () -> TrackerConfig.builder().password(null));
    assertTrue(missing.getMessage().contains("TRACKER_PASSWORD"), missing.getMessage());
    assertTrue(missing.getMessage().contains("keygen"), missing.getMessage());
    IllegalArgumentException shortOne =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrackerConfig.builder().password("hunter2-is-short"));
    assertTrue(shortOne.getMessage().contains("TRACKER_PASSWORD"), shortOne.getMessage());
    assertTrue(shortOne.getMessage().contains(String.valueOf(PasswordSource.MIN_PASSWORD_LENGTH)));
    assertFalse(shortOne.getMessage().contains("hunter2"), shortOne.getMessage());
  }

  @Test
  void aMissingPassword_isAStateProblem_reportedAtBuild() {
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> TrackerConfig.builder().build());
    assertTrue(missing.getMessage().contains("tracker.password"), missing.getMessage());
  }

  @Test
  void ironOptions_withTheirOwnTtlOrClock_areRefused_soEachOptionHasOneOwner() {
    IllegalArgumentException ttl =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.builder()
                    .ironOptions(IronOptions.builder().ttl(Duration.ofHours(1)).build()));
    assertTrue(ttl.getMessage().contains("ttl"), ttl.getMessage());
    IllegalArgumentException clock =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestConfigs.builder()
                    .ironOptions(IronOptions.builder().clock(TestConfigs.FIXED_CLOCK).build()));
    assertTrue(clock.getMessage().contains("clock"), clock.getMessage());
    // Without either, the options are taken; the config's own ttl and clock then apply.
    TrackerConfig config =
        TestConfigs.builder()
            .ironOptions(IronOptions.defaults())
            .ttl(Duration.ofHours(2))
            .clock(Clock.systemUTC())
            .build();
    assertEquals(Duration.ofHours(2), config.sealTtl());
  }

  @Test
  void aBadCookieName_isNamedByItsOneBasedPositionAndCharacter() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CookieSettings.builder().name("ab/c"));
    assertTrue(e.getMessage().contains("character 3 ('/')"), e.getMessage());
    IllegalArgumentException legacy =
        assertThrows(
            IllegalArgumentException.class, () -> TestConfigs.builder().legacyCookieName("se ss"));
    assertTrue(
        legacy.getMessage().startsWith("legacyCookieName")
            && legacy.getMessage().contains("U+0020"),
        legacy.getMessage());
  }

  @Test
  void ironSession_givesASinglePasswordTheIdOne_andAlignsMaxAgeWithTheTtl() {
    TrackerConfig config = TestConfigs.builder().payloadFormat(PayloadFormat.IRON_SESSION).build();
    assertEquals("1", config.passwords().sealingId());
    assertEquals(Duration.ofDays(14), config.sealTtl());
    assertEquals(Duration.ofDays(14).minusSeconds(60), config.cookieMaxAge());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TestConfigs.builder()
                .payloadFormat(PayloadFormat.IRON_SESSION)
                .ttl(Duration.ofSeconds(60))
                .build());
  }
}
