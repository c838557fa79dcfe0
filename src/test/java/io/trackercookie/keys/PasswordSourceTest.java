package io.trackercookie.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerSettings;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password source on its own: each setter replaces the others, build() resolves the source
 * (files read, a missing or weak password refused, naming the setting, never the value), and the
 * passwords in force follow the schedule.
 */
class PasswordSourceTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void noPassword_isAStateProblem_namingTheSettingAndItsVariable() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PasswordSource.builder().build());
    assertTrue(e.getMessage().contains("tracker.password (TRACKER_PASSWORD)"), e.getMessage());
  }

  @Test
  void aWeakPassword_isRefusedAtBuild_unlessAllowed_whateverTheOrderOfTheSetters() {
    String weak = "changeme-changeme-changeme-changeme";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PasswordSource.builder().password(weak).build());
    assertTrue(e.getMessage().contains("tracker.allowWeakPassword"), e.getMessage());
    assertFalse(e.getMessage().contains(weak), e.getMessage());
    PasswordSource allowed =
        PasswordSource.builder().allowWeakPassword(true).password(weak).build();
    assertEquals(weak, allowed.singlePassword().orElseThrow());
  }

  @Test
  void eachPasswordSetter_replacesTheOthers() {
    IronPasswords keyring =
        IronPasswords.builder()
            .current("k2", TestConfigs.OTHER_PASSWORD)
            .accept("k1", TestConfigs.PASSWORD)
            .build();
    PasswordSource source =
        PasswordSource.builder()
            .password(TestConfigs.PASSWORD)
            .passwordFile(Path.of("/nowhere/tracker-password"))
            .passwords(keyring)
            .build();
    assertTrue(source.files().isEmpty() && source.ring().isEmpty());
    assertTrue(source.singlePassword().isEmpty(), "the plain password was replaced");
    assertEquals("k2", source.passwordsAt(NOW).sealingId());
  }

  @Test
  void passwordFiles_areReadWhenBuilt_andUnusableOnes_nameTheSettingAndTheFile(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("k1"), TestConfigs.PASSWORD + "\n");
    PasswordSource source = PasswordSource.builder().passwordDirectory(dir).build();
    assertTrue(source.ring().isPresent(), "the files' ring");
    assertEquals("k1", source.passwordsAt(NOW).sealingId());
    assertEquals(dir, source.files().orElseThrow().path());

    Files.writeString(dir.resolve("k1"), "short\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PasswordSource.builder().passwordDirectory(dir).build());
    assertTrue(
        e.getMessage().contains("tracker.passwordDir (TRACKER_PASSWORD_DIR)"), e.getMessage());
    assertTrue(e.getMessage().contains("k1"), e.getMessage());
    assertFalse(e.getMessage().contains("short\n"), e.getMessage());
  }

  @Test
  void aScheduleWhosePasswordsAllSealLater_hasNoPasswordInForceYet() {
    PasswordRing ring =
        PasswordRing.builder()
            .sealFrom("k2", IronSecret.password(TestConfigs.OTHER_PASSWORD), NOW.plusSeconds(60))
            .accept("k1", IronSecret.password(TestConfigs.PASSWORD))
            .build();
    PasswordSource source = PasswordSource.builder().passwordRing(ring).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> source.passwordsAt(NOW));
    assertTrue(e.getMessage().startsWith("No tracker password seals yet"), e.getMessage());
    assertEquals("k2", source.passwordsAt(NOW.plusSeconds(60)).sealingId());
  }

  @Test
  void thePollInterval_mustBePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PasswordSource.builder().passwordPollInterval(Duration.ZERO));
    assertEquals(
        PasswordSource.DEFAULT_PASSWORD_POLL_INTERVAL,
        PasswordSource.builder().password(TestConfigs.PASSWORD).build().passwordPollInterval());
  }

  @Test
  void aPollIntervalUnderOneSecond_isRefused_namingTheCallAndTheSetting() {
    for (Duration tooShort : new Duration[] {Duration.ofMillis(1), Duration.ofMillis(999)}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> PasswordSource.builder().passwordPollInterval(tooShort));
      assertTrue(e.getMessage().contains("passwordPollInterval"), e.getMessage());
      assertTrue(e.getMessage().contains("TRACKER_PASSWORD_POLL_INTERVAL"), e.getMessage());
    }
    IllegalArgumentException fromSettings =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestConfigs.fromSettings(TrackerSettings.PASSWORD_POLL_INTERVAL, "PT0.001S"));
    assertTrue(
        fromSettings.getMessage().contains("tracker.passwordPollInterval")
            && fromSettings.getMessage().contains("at least 1 second"),
        fromSettings.getMessage());
    assertEquals(
        PasswordSource.MIN_PASSWORD_POLL_INTERVAL,
        PasswordSource.builder()
            .password(TestConfigs.PASSWORD)
            .passwordPollInterval(PasswordSource.MIN_PASSWORD_POLL_INTERVAL)
            .build()
            .passwordPollInterval());
  }

  @Test
  void toBuilder_readsTheFilesAgain_andToStringShowsNoPassword(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("tracker-password");
    Files.writeString(file, TestConfigs.PASSWORD + "\n");
    PasswordSource source = PasswordSource.builder().passwordFile(file).build();
    Files.writeString(file, TestConfigs.OTHER_PASSWORD + "\n");
    PasswordSource again = source.toBuilder().build();
    assertFalse(again.toString().contains(TestConfigs.OTHER_PASSWORD), again.toString());
    String sealed =
        IronCodec.create(again.passwordsAt(NOW), IronOptions.defaults()).seal("\"visit\"");
    assertEquals("\"visit\"", IronCodec.create(TestConfigs.OTHER_PASSWORD).unseal(sealed));
  }
}
