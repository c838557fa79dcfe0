package io.trackercookie.keys;

import static io.trackercookie.settings.SettingNames.ACCEPTED_PASSWORD_IDS;
import static io.trackercookie.settings.SettingNames.ACCEPTED_PASSWORD_PREFIX;
import static io.trackercookie.settings.SettingNames.PASSWORD;
import static io.trackercookie.settings.SettingNames.PASSWORD_DIR;
import static io.trackercookie.settings.SettingNames.PASSWORD_FILE;
import static io.trackercookie.settings.SettingNames.PASSWORD_ID;
import static io.trackercookie.settings.SettingNames.SEAL_FROM_SUFFIX;
import static io.trackercookie.settings.SettingNames.describe;
import static io.trackercookie.settings.SettingNames.environmentName;

import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the passwords from named settings into a {@link PasswordSource.Builder}: {@code
 * tracker.password}, or a keyring from {@code tracker.passwordId}, {@code
 * tracker.acceptedPasswordIds} and each accepted id's {@code tracker.password.<id>} (with an
 * optional {@code tracker.password.<id>.sealFrom}, a key schedule), or {@code tracker.passwordDir}
 * / {@code tracker.passwordFile}. The settings that name other settings are read together here; the
 * rest of the settings reader only parses single values.
 */
public final class PasswordSettings {

  private PasswordSettings() {}

  /**
   * Sets {@code source}'s passwords from the settings {@code lookup} finds (null when not set).
   *
   * @param otherSettings every setting name, so that no accepted id reads its password from another
   *     setting's environment variable
   * @throws IllegalStateException if no password is set, naming the setting and its environment
   *     variable, or an accepted id has no password
   * @throws IllegalArgumentException if a value is invalid, or more than one source is set, naming
   *     the settings, never a value
   */
  public static void read(
      Function<String, String> lookup,
      PasswordSource.Builder source,
      Collection<String> otherSettings) {
    String password = lookup.apply(PASSWORD);
    if (passwordFiles(lookup, source, password != null && !password.isEmpty())) {
      return;
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException(
          "No tracker password: set "
              + PASSWORD
              + " (or the "
              + environmentName(PASSWORD)
              + " environment variable) to a secret of at least "
              + PasswordSource.MIN_PASSWORD_LENGTH
              + " characters");
    }
    String currentId = trimmedOrNull(lookup.apply(PASSWORD_ID));
    String acceptedIds = trimmedOrNull(lookup.apply(ACCEPTED_PASSWORD_IDS));
    if (currentId == null && acceptedIds == null) {
      source.password(password);
      return;
    }
    PasswordSource.checkLength(PASSWORD, password);
    String id = currentId == null ? IronPasswords.DEFAULT_ID : currentId;
    if (!IronPasswords.isValidId(id)) {
      throw new IllegalArgumentException(
          "Invalid value for " + describe(PASSWORD_ID) + ": expected letters, digits or '_'");
    }
    IronPasswords.Builder keyring = IronPasswords.builder().current(id, password);
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put(PASSWORD, password);
    Map<String, Instant> sealFrom = new LinkedHashMap<>();
    List<String> ids =
        acceptedIds == null
            ? List.of()
            : List.of(acceptedIds.split(",", -1)).stream()
                .map(String::trim)
                .collect(Collectors.toList());
    for (String accepted : ids) {
      if (!IronPasswords.isValidId(accepted)) {
        throw new IllegalArgumentException(
            "Invalid value for "
                + describe(ACCEPTED_PASSWORD_IDS)
                + ": expected comma-separated ids of letters, digits or '_'");
      }
      if (accepted.equals(id)) {
        throw new IllegalArgumentException(ACCEPTED_PASSWORD_IDS + " lists the current id " + id);
      }
      if (ids.indexOf(accepted) != ids.lastIndexOf(accepted)) {
        throw new IllegalArgumentException(ACCEPTED_PASSWORD_IDS + " lists " + accepted + " twice");
      }
      String setting = ACCEPTED_PASSWORD_PREFIX + accepted;
      checkNoEnvironmentClash(setting, otherSettings);
      String secret = lookup.apply(setting);
      if (secret == null || secret.isEmpty()) {
        throw new IllegalStateException(
            "No password for accepted id " + accepted + ": set " + describe(setting));
      }
      PasswordSource.checkLength(setting, secret);
      keyring.accept(accepted, secret);
      texts.put(setting, secret);
      String from = trimmedOrNull(lookup.apply(setting + SEAL_FROM_SUFFIX));
      if (from != null) {
        sealFrom.put(accepted, instant(setting + SEAL_FROM_SUFFIX, from));
      }
    }
    if (sealFrom.isEmpty()) {
      source.passwords(keyring.build()).passwordTexts(texts);
      return;
    }
    // A key schedule: the current password seals until an accepted one's instant comes.
    PasswordRing.Builder ring = PasswordRing.builder().current(id, IronSecret.password(password));
    for (String accepted : ids) {
      IronSecret secret = IronSecret.password(lookup.apply(ACCEPTED_PASSWORD_PREFIX + accepted));
      Instant from = sealFrom.get(accepted);
      if (from == null) {
        ring.accept(accepted, secret);
      } else {
        try {
          ring.sealFrom(accepted, secret, from);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "Invalid value for "
                  + describe(ACCEPTED_PASSWORD_PREFIX + accepted + SEAL_FROM_SUFFIX)
                  + ": "
                  + e.getMessage());
        }
      }
    }
    try {
      source.passwordRing(ring.build()).passwordTexts(texts);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("The tracker password schedule: " + e.getMessage());
    }
  }

  /**
   * Refuses an accepted id whose environment name is another setting's: id {@code dir} would read
   * its password from TRACKER_PASSWORD_DIR, id {@code id} from TRACKER_PASSWORD_ID.
   */
  private static void checkNoEnvironmentClash(
      String passwordSetting, Collection<String> otherSettings) {
    String env = environmentName(passwordSetting);
    for (String name : otherSettings) {
      if (!name.equals(ACCEPTED_PASSWORD_PREFIX) && environmentName(name).equals(env)) {
        throw new IllegalArgumentException(
            "Invalid value for "
                + describe(ACCEPTED_PASSWORD_IDS)
                + ": the password of that id would be read from "
                + env
                + ", which is "
                + name
                + "; choose another id");
      }
    }
  }

  /**
   * Reads {@code tracker.passwordDir} or {@code tracker.passwordFile}, if either is set.
   *
   * @return true if the passwords come from files
   * @throws IllegalArgumentException if both are set, or with {@code tracker.password}
   */
  private static boolean passwordFiles(
      Function<String, String> lookup, PasswordSource.Builder source, boolean passwordSet) {
    String directory = trimmedOrNull(lookup.apply(PASSWORD_DIR));
    String file = trimmedOrNull(lookup.apply(PASSWORD_FILE));
    if (directory == null && file == null) {
      return false;
    }
    if ((directory != null && file != null) || passwordSet) {
      throw new IllegalArgumentException(
          "Set only one of "
              + describe(PASSWORD)
              + ", "
              + describe(PASSWORD_DIR)
              + " and "
              + describe(PASSWORD_FILE));
    }
    try {
      if (directory != null) {
        source.passwordDirectory(Path.of(directory));
      } else {
        source.passwordFile(Path.of(file));
      }
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "Invalid value for "
              + describe(directory != null ? PASSWORD_DIR : PASSWORD_FILE)
              + ": expected a path");
    }
    return true;
  }

  private static Instant instant(String setting, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid value for "
              + describe(setting)
              + ": expected an ISO-8601 instant such as 2027-01-10T09:00:00Z");
    }
  }

  private static @Nullable String trimmedOrNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
