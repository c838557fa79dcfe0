package io.trackercookie;

import static io.trackercookie.settings.SettingNames.describe;

import io.trackercookie.keys.PasswordSettings;
import io.trackercookie.settings.SettingNames;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads named settings into a {@link TrackerConfig.Builder}, as Caffeine's {@code CaffeineSpec}
 * reads its text: each row's value is parsed and handed to one setter of a group's builder, which
 * checks it; the passwords are read together by {@link PasswordSettings}. It names no default and
 * repeats no rule; a refused value is reported naming the setting and what it expects, never the
 * value (a mistyped setting may hold a secret).
 */
final class SettingsReader {

  private SettingsReader() {}

  /** See {@link TrackerSettings#read(Function, Consumer)}. */
  static TrackerConfig read(
      Function<String, @Nullable String> lookup, Consumer<TrackerConfig.Builder> code) {
    Objects.requireNonNull(code, "code");
    TrackerConfig.Builder builder = builder(lookup);
    code.accept(builder);
    return builder.build();
  }

  /** See {@link TrackerSettings#builder(Function)}. */
  static TrackerConfig.Builder builder(Function<String, @Nullable String> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    SettingRow.Target target = new SettingRow.Target();
    PasswordSettings.read(lookup, target.config.passwordSource, SettingRows.NAMES);
    for (SettingRow row : SettingRows.ALL) {
      String value = row.readAlone() ? lookup.apply(row.name()) : null;
      if (value != null) {
        apply(row, value, target);
      }
    }
    if (target.signInOn) {
      target.config.signIn(target.signIn.build());
    }
    if (target.revocationOn) {
      target.config.revocation(target.revocation.build());
    } else if (target.revocationOnlySetting == null) {
      target.config.noRevocation(); // the store set off after the preset turned it on
    } else {
      throw new IllegalStateException(
          describe(target.revocationOnlySetting)
              + " is set but revocation is off: set "
              + describe(SettingNames.REVOCATION_STORE)
              + " to embedded or a redis:// URL");
    }
    try {
      target.config.cookie.build();
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "Contradictory " + SettingNames.COOKIE_PREFIX + "* settings: " + e.getMessage());
    }
    return target.config;
  }

  private static void apply(SettingRow row, String value, SettingRow.Target target) {
    // Only rows read alone get here, and those are the rows with a call.
    BiConsumer<SettingRow.Target, String> call = Objects.requireNonNull(row.apply(), "apply");
    try {
      call.accept(target, value);
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      // Neither the value nor the parser's message (which may quote it) is repeated.
      throw new IllegalArgumentException(
          "Invalid value for " + describe(row.name()) + ": expected " + row.expected());
    }
  }
}
