package io.trackercookie;

import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One setting, as docs/configuration.md's table shows it: its name, its environment variable (the
 * one rule, {@link SettingNames#environmentName}), its default as the docs show it, one line of
 * description, what a value must be (for the message that refuses one), and the builder call its
 * value goes to. A row's call parses the value and calls one setter of one group's builder, which
 * checks it; a row names no default of its own but shows the group's, and repeats no rule.
 *
 * @param apply null for the password settings, which {@link io.trackercookie.keys.PasswordSettings}
 *     reads together
 */
record SettingRow(
    String name,
    String shownDefault,
    String description,
    @Nullable String expected,
    @Nullable BiConsumer<SettingRow.Target, String> apply) {

  static final String DURATION = "an ISO-8601 duration (P30D) or whole seconds";
  static final String BOOLEAN = "true or false";

  /** What the settings build while they are read. */
  static final class Target {
    final TrackerConfig.Builder config = TrackerConfig.builder();
    final RevocationOptions.Builder revocation = RevocationOptions.builder();
    boolean revocationOn;
    @Nullable String revocationOnlySetting; // a revocation setting given while the store is off
    final SignInOptions.Builder signIn = SignInOptions.builder();
    boolean signInOn; // a tracker.signIn.* setting, or the preset, turns sign-in on
  }

  /** A password setting, read with the others by {@link io.trackercookie.keys.PasswordSettings}. */
  static SettingRow password(String name, String shownDefault, String description) {
    return new SettingRow(name, shownDefault, description, null, null);
  }

  /** Whether the reader applies this row alone (the password settings are read together). */
  boolean readAlone() {
    return apply != null;
  }

  /**
   * The environment variable as the docs show it; a family of settings ({@code tracker.password.})
   * ends in {@code <ID>}.
   */
  String shownEnvironmentName() {
    String env = SettingNames.environmentName(name);
    return name.endsWith(".") ? env + "<ID>" : env;
  }

  // How values are written: durations, booleans, enums and numbers.

  static Duration duration(String value) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    return Duration.parse(v);
  }

  static boolean bool(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("must be true or false");
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
  }

  /** Comma-separated values, each trimmed; empty ones dropped. */
  static List<String> commaSeparated(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static int wholeNumber(String value) {
    return Integer.parseInt(value.trim());
  }

  // How defaults are shown: as the docs write them.

  /**
   * A duration as the docs write it: {@code 10 years}, {@code 30 days}, {@code 24 hours}, {@code 5
   * seconds}, {@code 250 ms}.
   */
  static String shown(Duration duration) {
    long seconds = duration.toSeconds();
    if (duration.toNanosPart() != 0 || seconds == 0) {
      return duration.toMillis() + " ms";
    }
    if (seconds % 86_400 == 0 && seconds > 86_400) {
      long days = seconds / 86_400;
      return days % 365 == 0 ? plural(days / 365, "year") : plural(days, "day");
    }
    if (seconds % 3600 == 0) {
      return plural(seconds / 3600, "hour");
    }
    if (seconds % 60 == 0) {
      return plural(seconds / 60, "minute");
    }
    return plural(seconds, "second");
  }

  /** A value the docs write as code: {@code `_node`}. */
  static String code(Object value) {
    return "`" + value + "`";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
