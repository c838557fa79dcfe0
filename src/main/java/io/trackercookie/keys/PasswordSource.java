package io.trackercookie.keys;

import static io.trackercookie.settings.SettingNames.describe;

import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.settings.SettingNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the tracker's passwords come from: one password, a keyring with ids, a key schedule, or
 * password files reloaded when they change. Each password setter replaces the others. {@link
 * Builder#build()} resolves the source once: it reads the files, refuses a missing password and,
 * unless {@link Builder#allowWeakPassword weak ones are allowed}, a weak one; {@link #passwordsAt}
 * then gives the passwords in force at an instant. Immutable; {@link #toString()} shows where the
 * passwords come from and their schedule (ids and instants), never a password.
 *
 * <pre>{@code
 * PasswordSource passwords = PasswordSource.builder()
 *     .passwordDirectory(Path.of("/run/secrets/tracker"))
 *     .build();
 * TrackerConfig.builder().passwordSource(passwords).build();
 * }</pre>
 */
public final class PasswordSource {

  /** The minimum password length, as iron requires (UTF-16 code units). */
  public static final int MIN_PASSWORD_LENGTH = IronOptions.defaults().minPasswordLength();

  /** The default time between two looks at the password files. */
  public static final Duration DEFAULT_PASSWORD_POLL_INTERVAL = Duration.ofSeconds(5);

  /**
   * The shortest time between two looks at the password files. A change is read once it has held
   * still for one poll, so a shorter poll reads a file its writer has paused in; each look lists
   * the directory and stats every file; and Kubernetes refreshes a mounted Secret about once a
   * minute, so faster polls find nothing sooner.
   */
  public static final Duration MIN_PASSWORD_POLL_INTERVAL = Duration.ofSeconds(1);

  /** What a message about a password suggests. */
  static final String KEYGEN_HINT = "java -jar tracker-cookie.jar keygen prints a random one";

  private final @Nullable IronPasswords passwords; // as given; null with a ring
  private final @Nullable String singlePassword; // the plain password, when one was given alone
  private final @Nullable PasswordFiles files; // null: the passwords were given
  private final @Nullable PasswordRing ring; // as given, or as read from the files; null: none
  private final Duration pollInterval;
  private final boolean allowWeakPassword;
  private final Builder copy; // what was set, for toBuilder (the ring is read again)

  private PasswordSource(Builder b, @Nullable PasswordRing ring) {
    this.passwords = ring == null ? b.passwords : null;
    this.singlePassword = ring == null ? b.singlePassword : null;
    this.files = b.files;
    this.ring = ring;
    this.pollInterval = b.pollInterval;
    this.allowWeakPassword = b.allowWeakPassword;
    this.copy = b.copy();
  }

  /** A builder with no password yet and the default poll interval. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding what was set to build this source. */
  public Builder toBuilder() {
    return copy.copy();
  }

  /**
   * The passwords in force at {@code now}: those given, or, with a ring, the period's in force
   * then.
   *
   * @throws IllegalArgumentException if the ring has no password that seals at {@code now}
   */
  public IronPasswords passwordsAt(Instant now) {
    if (ring == null) {
      return Objects.requireNonNull(passwords, "passwords"); // build() refuses a source without
    }
    if (!ring.isSingle() && ring.sealingIdAt(now).isEmpty()) {
      throw new IllegalArgumentException(
          "No tracker password seals yet: every one has a seal-from instant in the future");
    }
    IronPasswords inForce = null;
    for (PasswordRing.Period period : ring.periods()) {
      if (inForce == null || !period.from().isAfter(now)) {
        inForce = period.passwords();
      }
    }
    return Objects.requireNonNull(inForce, "a ring has at least one period");
  }

  /**
   * The one password given alone with {@link Builder#password}, if it was; a payload format may
   * number it. Reading it is a deliberate act: nothing else in this class shows it.
   */
  public Optional<String> singlePassword() {
    return Optional.ofNullable(singlePassword);
  }

  /** The password files read at build and reloaded when they change, if any. */
  public Optional<PasswordFiles> files() {
    return Optional.ofNullable(files);
  }

  /**
   * The passwords with their key schedule: as given to {@link Builder#passwordRing}, or as read
   * from the {@linkplain #files() files} when this source was built. Empty when the passwords were
   * given without one, and then never change.
   */
  public Optional<PasswordRing> ring() {
    return Optional.ofNullable(ring);
  }

  /** How often the password files are looked at for changes. */
  public Duration passwordPollInterval() {
    return pollInterval;
  }

  /** Whether weak passwords were allowed (tests only). */
  public boolean allowWeakPassword() {
    return allowWeakPassword;
  }

  @Override
  public String toString() {
    return "PasswordSource["
        + (files == null ? (ring == null ? passwords : "given") : files)
        + (ring == null ? "" : ", " + ring)
        + "]";
  }

  /**
   * Checks a password's length, the one rule for every password setting.
   *
   * @throws IllegalArgumentException naming the setting, never the value
   */
  static void checkLength(String setting, String password) {
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "The password "
              + describe(setting)
              + " must be at least "
              + MIN_PASSWORD_LENGTH
              + " characters; "
              + KEYGEN_HINT);
    }
  }

  /** Builds {@link PasswordSource}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private @Nullable IronPasswords passwords;
    private @Nullable String singlePassword;
    private @Nullable PasswordFiles files;
    private @Nullable PasswordRing ring;
    private Duration pollInterval = DEFAULT_PASSWORD_POLL_INTERVAL;
    private boolean allowWeakPassword;
    // Each password given as text, under the setting that names it, checked by build() unless
    // weak ones are allowed (whatever order the setters came in).
    private final Map<String, String> texts = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The one password that seals and opens (iron's plain-string password, as tracker-cookie).
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if shorter than {@link PasswordSource#MIN_PASSWORD_LENGTH}
     *     (32) characters; the message names the setting, never the value
     */
    public Builder password(String password) {
      // Usually System.getenv("TRACKER_PASSWORD") on a machine where it is not set.
      Objects.requireNonNull(
          password,
          "password is null: is "
              + SettingNames.environmentName(SettingNames.PASSWORD)
              + " set? "
              + KEYGEN_HINT);
      checkLength(SettingNames.PASSWORD, password);
      clear();
      this.passwords = IronPasswords.single(password);
      this.singlePassword = password;
      texts.put(SettingNames.PASSWORD, password);
      return this;
    }

    /**
     * A keyring with password ids, for rotation: the current one seals, all listed ones open.
     *
     * @throws NullPointerException if null
     */
    public Builder passwords(IronPasswords passwords) {
      Objects.requireNonNull(passwords, "passwords");
      clear();
      this.passwords = passwords;
      return this;
    }

    /**
     * Passwords with a key schedule: each may carry a seal-from instant before which it is accepted
     * but not used to seal.
     *
     * @throws NullPointerException if null
     */
    public Builder passwordRing(PasswordRing ring) {
      Objects.requireNonNull(ring, "passwordRing");
      clear();
      this.ring = ring;
      return this;
    }

    /**
     * Reads the passwords from a directory with one file per password id (as a Kubernetes Secret is
     * mounted), and reloads them when the files change; see {@link PasswordFiles} for the files'
     * form. {@link #build()} reads them once and fails if they are unusable; later, an unusable
     * change leaves the passwords in force and logs a WARNING.
     *
     * @throws NullPointerException if null
     */
    public Builder passwordDirectory(Path directory) {
      Objects.requireNonNull(directory, "passwordDirectory");
      clear();
      this.files = PasswordFiles.directory(directory);
      return this;
    }

    /**
     * Reads the one password (no id) from a file, and reloads it when the file changes. A new
     * password in this file refuses every cookie sealed with the old one: to rotate without losing
     * visitors, use {@link #passwordDirectory}.
     *
     * @throws NullPointerException if null
     */
    public Builder passwordFile(Path file) {
      Objects.requireNonNull(file, "passwordFile");
      clear();
      this.files = PasswordFiles.file(file);
      return this;
    }

    /**
     * How often the password files are looked at for changes; default 5 seconds.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if shorter than {@link #MIN_PASSWORD_POLL_INTERVAL} (1
     *     second)
     */
    public Builder passwordPollInterval(Duration interval) {
      Objects.requireNonNull(interval, "passwordPollInterval");
      if (interval.compareTo(MIN_PASSWORD_POLL_INTERVAL) < 0) {
        throw new IllegalArgumentException(
            "passwordPollInterval, "
                + describe(SettingNames.PASSWORD_POLL_INTERVAL)
                + ", must be at least "
                + MIN_PASSWORD_POLL_INTERVAL.toSeconds()
                + " second (a change is read once it has held still for one poll), was "
                + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * A poll interval under the floor, for this package's tests, which change files and wait for
     * the server to notice: at the floor each change would take seconds.
     */
    Builder pollIntervalForTests(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("the poll interval must be positive");
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * Allows passwords that {@link #build()} would refuse as weak: published samples, placeholders
     * such as {@code changeme}, and strings with too little variety. For tests only; default false.
     */
    public Builder allowWeakPassword(boolean allow) {
      this.allowWeakPassword = allow;
      return this;
    }

    /** The texts of a keyring read from settings, each under its setting, for the weak check. */
    Builder passwordTexts(Map<String, String> textsBySetting) {
      texts.clear();
      texts.putAll(textsBySetting);
      return this;
    }

    private void clear() {
      passwords = null;
      singlePassword = null;
      texts.clear();
      files = null;
      ring = null;
    }

    private Builder copy() {
      Builder b = new Builder();
      b.passwords = passwords;
      b.singlePassword = singlePassword;
      b.files = files;
      b.ring = ring;
      b.pollInterval = pollInterval;
      b.allowWeakPassword = allowWeakPassword;
      b.texts.putAll(texts);
      return b;
    }

    /**
     * The source, with its files read and its passwords checked.
     *
     * @throws IllegalStateException if no password was given, naming the setting
     * @throws IllegalArgumentException if the password files are unusable, naming the setting and
     *     the file, never its content; or if a password given as text is weak (a published sample,
     *     a placeholder, too little variety) and {@link #allowWeakPassword} is off, naming the
     *     setting and the rule, never the value
     */
    public PasswordSource build() {
      PasswordRing built = files == null ? ring : readFiles(files);
      if (built == null && passwords == null) {
        throw new IllegalStateException(
            "No tracker password: set "
                + describe(SettingNames.PASSWORD)
                + ", or call password(...)");
      }
      checkStrength();
      return new PasswordSource(this, built);
    }

    private PasswordRing readFiles(PasswordFiles files) {
      String setting = files.isDirectory() ? SettingNames.PASSWORD_DIR : SettingNames.PASSWORD_FILE;
      try {
        return files.read(MIN_PASSWORD_LENGTH, allowWeakPassword);
      } catch (PasswordFiles.UnusableException e) {
        throw new IllegalArgumentException(
            "The tracker passwords (" + describe(setting) + "): " + e.getMessage());
      }
    }

    private void checkStrength() {
      if (allowWeakPassword) {
        return;
      }
      for (Map.Entry<String, String> text : texts.entrySet()) {
        WeakPasswords.ruleBroken(text.getValue())
            .ifPresent(
                rule -> {
                  throw new IllegalArgumentException(
                      "The password "
                          + describe(text.getKey())
                          + " is refused as weak: "
                          + rule
                          + "; "
                          + KEYGEN_HINT
                          + " (for tests, .allowWeakPassword(true) on the builder or "
                          + describe(SettingNames.ALLOW_WEAK_PASSWORD)
                          + " = true allows weak ones)");
                });
      }
    }
  }
}
