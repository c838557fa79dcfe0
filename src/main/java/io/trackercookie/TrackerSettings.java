package io.trackercookie;

import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import io.trackercookie.keys.PasswordRing;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tracker's options as named settings: JAX-RS properties, system properties and environment
 * variables. This class owns the names, how a name maps to an environment variable ({@code
 * tracker.cookie.maxAge} → {@code TRACKER_COOKIE_MAX_AGE}) and how each value is parsed; the rules
 * a value must meet stay with {@link TrackerConfig.Builder} and {@link CookieSettings.Builder}.
 *
 * <pre>{@code
 * TrackerConfig config = TrackerSettings.read(name -> System.getenv(TrackerSettings.environmentName(name)));
 * }</pre>
 *
 * <p>Durations are ISO-8601 ({@code P30D}, {@code PT1H}) or whole seconds; booleans are {@code
 * true} or {@code false}; enums are case-insensitive. An invalid value stops start-up with a
 * message naming the setting and what it expects, never repeating the value (a mistyped setting may
 * hold a secret).
 */
public final class TrackerSettings {

  /** The password (environment: {@code TRACKER_PASSWORD}). Required, 32+ characters. */
  public static final String PASSWORD = "tracker.password";

  /**
   * The id of {@value #PASSWORD} for key rotation ({@code [A-Za-z0-9_]+}), written into new seals.
   * Unset: the password has no id ({@code default} when other passwords are accepted).
   */
  public static final String PASSWORD_ID = "tracker.passwordId";

  /**
   * Comma-separated ids of older passwords still accepted when opening; each password is read from
   * {@value #ACCEPTED_PASSWORD_PREFIX}{@code <id>} (environment {@code TRACKER_PASSWORD_<ID>}), so
   * no secret is ever parsed out of a list.
   */
  public static final String ACCEPTED_PASSWORD_IDS = "tracker.acceptedPasswordIds";

  /** Prefix of the setting holding an accepted password: {@code tracker.password.<id>}. */
  public static final String ACCEPTED_PASSWORD_PREFIX = "tracker.password.";

  // Keys: password files, a key schedule, weak passwords.

  /**
   * A directory with one file per password id, as a Kubernetes Secret is mounted, reloaded when the
   * files change; instead of {@value #PASSWORD}. See {@link io.trackercookie.keys.PasswordFiles}
   * for the files' form.
   */
  public static final String PASSWORD_DIR = "tracker.passwordDir";

  /** A file holding the one password, reloaded when it changes; instead of {@value #PASSWORD}. */
  public static final String PASSWORD_FILE = "tracker.passwordFile";

  /** How often the password files are looked at for changes, a duration; default 5 seconds. */
  public static final String PASSWORD_POLL_INTERVAL = "tracker.passwordPollInterval";

  /**
   * Suffix of the setting giving an accepted password's seal-from instant: {@code
   * tracker.password.<id>.sealFrom} (environment {@code TRACKER_PASSWORD_<ID>_SEAL_FROM}), an
   * ISO-8601 instant from which that password seals.
   */
  public static final String SEAL_FROM_SUFFIX = ".sealFrom";

  /**
   * Allows weak passwords (published samples, placeholders, too little variety), which start-up
   * otherwise refuses; for tests only. Default false.
   */
  public static final String ALLOW_WEAK_PASSWORD = "tracker.allowWeakPassword";

  /** Cookie name, default {@code persistent-information}. */
  public static final String COOKIE_NAME = "tracker.cookie.name";

  /** Cookie Max-Age, a duration; 0 for a session cookie. Default 30 days. */
  public static final String COOKIE_MAX_AGE = "tracker.cookie.maxAge";

  /** Cookie Path, default {@code /}. */
  public static final String COOKIE_PATH = "tracker.cookie.path";

  /** Cookie Domain, default none (host-only). */
  public static final String COOKIE_DOMAIN = "tracker.cookie.domain";

  /** Secure, default true. */
  public static final String COOKIE_SECURE = "tracker.cookie.secure";

  /** HttpOnly, default true. */
  public static final String COOKIE_HTTP_ONLY = "tracker.cookie.httpOnly";

  /** SameSite: {@code Lax} (default), {@code Strict} or {@code None}. */
  public static final String COOKIE_SAME_SITE = "tracker.cookie.sameSite";

  /** Partitioned (CHIPS), default false. */
  public static final String COOKIE_PARTITIONED = "tracker.cookie.partitioned";

  /** The {@code __Host-} name prefix, default false. */
  public static final String COOKIE_HOST_PREFIX = "tracker.cookie.hostPrefix";

  /**
   * The seal's lifetime (iron's ttl), a duration from 2 minutes to 10 years; default the cookie's
   * Max-Age.
   */
  public static final String TTL = "tracker.ttl";

  /** Seals without an expiration, {@code true} or {@code false} (default). */
  public static final String SEALS_NEVER_EXPIRE = "tracker.sealsNeverExpire";

  /** What the tracker's cookies may add to the Cookie header, in bytes; default 6144. */
  public static final String MAX_COOKIE_HEADER_BYTES = "tracker.maxCookieHeaderBytes";

  /** Request property naming the Tracker, default {@code tracker}. */
  public static final String REQUEST_ATTRIBUTE = "tracker.requestAttribute";

  /** {@code TRACKER_COOKIE} (default), {@code PLAIN_JSON} or {@code IRON_SESSION}. */
  public static final String PAYLOAD_FORMAT = "tracker.payloadFormat";

  /** Omit Secure for plain-http loopback requests (development only), default false. */
  public static final String INSECURE_LOOPBACK = "tracker.insecureLoopbackForDevelopment";

  /** Sliding (inactivity) expiry, a duration; default none. */
  public static final String SLIDING_EXPIRY = "tracker.slidingExpiry";

  /** The share of the sliding lifetime after which a valid cookie is reissued, default 0.5. */
  public static final String REISSUE_AFTER = "tracker.reissueAfter";

  /** The cookie-sessions secret; enables reading (never writing) legacy cookies. */
  public static final String LEGACY_SECRET = "tracker.legacy.secret";

  /** The legacy cookie's name, default {@code _node} (cookie-sessions' session_key). */
  public static final String LEGACY_COOKIE_NAME = "tracker.legacy.cookieName";

  /** The legacy cookies' timeout, a duration; default 24 hours. */
  public static final String LEGACY_TIMEOUT = "tracker.legacy.timeout";

  /** Split large seals across at most this many cookies (2 to 20); 0 (default) = off. */
  public static final String MAX_CHUNKS = "tracker.maxChunks";

  /** Entries of the verified-seal cache, default 10000; 0 turns the cache off. */
  public static final String SEAL_CACHE_MAX_ENTRIES = "tracker.sealCache.maxEntries";

  /** Estimated heap bytes of the verified-seal cache, default 16777216 (16 MiB). */
  public static final String SEAL_CACHE_MAX_BYTES = "tracker.sealCache.maxBytes";

  /** Name the reason of a refused cookie in a response header (development only), default false. */
  public static final String DIAGNOSTICS = "tracker.diagnostics";

  // Revocation (see RevocationOptions).

  /**
   * Where revocations are kept: {@code off} (default), {@code embedded} (this JVM), or a {@code
   * redis://} or {@code rediss://} URL (Lettuce on the class path).
   */
  public static final String REVOCATION_STORE = "tracker.revocation.store";

  /** The tracker key holding a cookie's subject, for log-out-everywhere; default none. */
  public static final String REVOCATION_SUBJECT_KEY = "tracker.revocation.subjectKey";

  /** Accept cookies unchecked while the store is unavailable, default false (fail-closed). */
  public static final String REVOCATION_FAIL_OPEN = "tracker.revocation.failOpen";

  /** Bound of the embedded store, or of the Redis store's local view; default 100000. */
  public static final String REVOCATION_MAX_ENTRIES = "tracker.revocation.maxEntries";

  /** How long a Redis command may take, a duration; default 0.25 s. */
  public static final String REVOCATION_TIMEOUT = "tracker.revocation.timeout";

  /** The prefix of the Redis keys, default {@code tracker-cookie:revoked:}. */
  public static final String REVOCATION_KEY_PREFIX = "tracker.revocation.keyPrefix";

  private static final String DURATION = "an ISO-8601 duration (P30D) or whole seconds";
  private static final String BOOLEAN = "true or false";

  /** What the settings build while they are read. */
  private static final class Target {
    final TrackerConfig.Builder config = TrackerConfig.builder();
    final CookieSettings.Builder cookie = CookieSettings.builder();
    int cacheEntries = TrackerConfig.DEFAULT_SEAL_CACHE_MAX_ENTRIES;
    long cacheBytes = TrackerConfig.DEFAULT_SEAL_CACHE_MAX_BYTES;
    final RevocationOptions.Builder revocation = RevocationOptions.builder();
    boolean revocationOn;
    String revocationOnlySetting; // a revocation setting given while the store is off
  }

  /** One setting: its name, what it expects (for the message), and where its value goes. */
  private record Setting(String name, String expected, BiConsumer<Target, String> apply) {}

  /**
   * The settings that go with the passwords (read as any other value setting, listed next to the
   * passwords).
   */
  private static final List<Setting> KEY_SETTINGS =
      List.of(
          new Setting(
              PASSWORD_POLL_INTERVAL,
              DURATION + ", more than zero",
              (t, v) -> t.config.passwordPollInterval(duration(v))),
          new Setting(ALLOW_WEAK_PASSWORD, BOOLEAN, (t, v) -> t.config.allowWeakPassword(bool(v))));

  /**
   * The settings other than the passwords, which {@link #passwords} reads as a group. Each applies
   * its value to a builder, whose setter checks it.
   */
  private static final List<Setting> VALUE_SETTINGS =
      List.of(
          new Setting(COOKIE_NAME, "a cookie-name token", (t, v) -> t.cookie.name(v)),
          new Setting(
              COOKIE_MAX_AGE,
              DURATION + ", whole seconds, at most 400 days",
              (t, v) -> t.cookie.maxAge(duration(v))),
          new Setting(COOKIE_PATH, "a path starting with '/'", (t, v) -> t.cookie.path(v)),
          new Setting(
              COOKIE_DOMAIN,
              "a host name, with an optional leading dot",
              (t, v) -> t.cookie.domain(v)),
          new Setting(COOKIE_SECURE, BOOLEAN, (t, v) -> t.cookie.secure(bool(v))),
          new Setting(COOKIE_HTTP_ONLY, BOOLEAN, (t, v) -> t.cookie.httpOnly(bool(v))),
          new Setting(
              COOKIE_SAME_SITE,
              "Lax, Strict or None",
              (t, v) -> t.cookie.sameSite(enumValue(CookieSettings.SameSite.class, v))),
          new Setting(COOKIE_PARTITIONED, BOOLEAN, (t, v) -> t.cookie.partitioned(bool(v))),
          new Setting(COOKIE_HOST_PREFIX, BOOLEAN, (t, v) -> t.cookie.hostPrefix(bool(v))),
          new Setting(
              TTL,
              DURATION + ", whole seconds from 2 minutes to 10 years",
              (t, v) -> t.config.ttl(duration(v))),
          new Setting(
              SEALS_NEVER_EXPIRE,
              BOOLEAN,
              (t, v) -> {
                if (bool(v)) {
                  t.config.sealsNeverExpire();
                }
              }),
          new Setting(
              REQUEST_ATTRIBUTE, "a non-blank name", (t, v) -> t.config.requestAttribute(v)),
          new Setting(
              PAYLOAD_FORMAT,
              "TRACKER_COOKIE, PLAIN_JSON or IRON_SESSION",
              (t, v) -> t.config.payloadFormat(enumValue(PayloadFormat.class, v))),
          new Setting(
              INSECURE_LOOPBACK,
              BOOLEAN,
              (t, v) -> t.config.insecureLoopbackForDevelopment(bool(v))),
          new Setting(
              SLIDING_EXPIRY,
              DURATION + ", whole seconds from 2 minutes to 400 days",
              (t, v) -> t.config.slidingExpiry(duration(v))),
          new Setting(
              REISSUE_AFTER,
              "a number between 0 and 1",
              (t, v) -> t.config.reissueAfter(Double.parseDouble(v.trim()))),
          new Setting(LEGACY_SECRET, "a non-empty secret", (t, v) -> t.config.legacySecret(v)),
          new Setting(
              LEGACY_COOKIE_NAME, "a cookie-name token", (t, v) -> t.config.legacyCookieName(v)),
          new Setting(LEGACY_TIMEOUT, DURATION, (t, v) -> t.config.legacyTimeout(duration(v))),
          new Setting(
              MAX_CHUNKS,
              "0 or a whole number from 2 to " + TrackerConfig.MAX_MAX_CHUNKS,
              (t, v) -> t.config.chunking(Integer.parseInt(v.trim()))),
          new Setting(
              MAX_COOKIE_HEADER_BYTES,
              "a whole number of bytes from "
                  + TrackerConfig.MIN_MAX_COOKIE_HEADER_BYTES
                  + " to "
                  + TrackerConfig.MAX_MAX_COOKIE_HEADER_BYTES,
              (t, v) -> t.config.maxCookieHeaderBytes(Integer.parseInt(v.trim()))),
          // Either bound may be given alone: each re-applies both.
          new Setting(
              SEAL_CACHE_MAX_ENTRIES,
              "a whole number, 0 (off) or more",
              (t, v) -> {
                t.cacheEntries = Integer.parseInt(v.trim());
                t.config.sealCache(t.cacheEntries, t.cacheBytes);
              }),
          new Setting(
              SEAL_CACHE_MAX_BYTES,
              "a whole number of bytes, 1 or more",
              (t, v) -> {
                t.cacheBytes = Long.parseLong(v.trim());
                t.config.sealCache(t.cacheEntries, t.cacheBytes);
              }),
          new Setting(DIAGNOSTICS, BOOLEAN, (t, v) -> t.config.diagnostics(bool(v))));

  /** The revocation settings; all but the store need the store on. */
  private static final List<Setting> REVOCATION_SETTINGS =
      List.of(
          new Setting(
              REVOCATION_STORE,
              "off, embedded, or a redis:// or rediss:// URL",
              (t, v) -> {
                String store = v.trim();
                if (store.equalsIgnoreCase("off")) {
                  t.revocationOn = false;
                } else if (store.equalsIgnoreCase("embedded")) {
                  t.revocation.embedded();
                  t.revocationOn = true;
                } else {
                  t.revocation.redis(store);
                  t.revocationOn = true;
                }
              }),
          revocationSetting(
              REVOCATION_SUBJECT_KEY, "a non-blank tracker key", (b, v) -> b.subjectKey(v)),
          revocationSetting(REVOCATION_FAIL_OPEN, BOOLEAN, (b, v) -> b.failOpen(bool(v))),
          revocationSetting(
              REVOCATION_MAX_ENTRIES,
              "a whole number, 1 or more",
              (b, v) -> b.maxEntries(Integer.parseInt(v.trim()))),
          revocationSetting(
              REVOCATION_TIMEOUT,
              DURATION + ", from 1 ms to 10 s",
              (b, v) -> b.timeout(duration(v))),
          revocationSetting(
              REVOCATION_KEY_PREFIX,
              "printable ASCII without spaces",
              (b, v) -> b.keyPrefix(v.trim())));

  private static Setting revocationSetting(
      String name, String expected, BiConsumer<RevocationOptions.Builder, String> apply) {
    return new Setting(
        name,
        expected,
        (t, v) -> {
          apply.accept(t.revocation, v);
          t.revocationOnlySetting = name;
        });
  }

  /**
   * Every setting name, in the order of the options table: {@value #ACCEPTED_PASSWORD_PREFIX}
   * stands for the {@code tracker.password.<id>} family.
   */
  public static final List<String> NAMES = names();

  private TrackerSettings() {}

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(PASSWORD);
    names.add(PASSWORD_ID);
    names.add(ACCEPTED_PASSWORD_IDS);
    names.add(ACCEPTED_PASSWORD_PREFIX);
    names.add(PASSWORD_DIR);
    names.add(PASSWORD_FILE);
    KEY_SETTINGS.forEach(setting -> names.add(setting.name()));
    VALUE_SETTINGS.forEach(setting -> names.add(setting.name()));
    REVOCATION_SETTINGS.forEach(setting -> names.add(setting.name()));
    return List.copyOf(names);
  }

  /**
   * A config from named settings; {@code lookup} returns null for a setting that is not set. {@link
   * TrackerFeature}'s no-arg constructor uses this with the application's JAX-RS properties, then
   * system properties, then environment variables.
   *
   * @throws IllegalStateException if the password is missing, naming {@value #PASSWORD} and its
   *     environment variable; or if the settings contradict each other
   * @throws IllegalArgumentException if a setting's value is invalid, naming the setting
   */
  public static TrackerConfig read(Function<String, String> lookup) {
    return read(lookup, builder -> {});
  }

  /**
   * As {@link #read(Function)}, with {@code code} applied to the builder after the settings and
   * before it builds: the settings for what operators change, code for what no setting carries (a
   * {@link TrackerConfig.Builder#listener}, such as Micrometer meters).
   *
   * @throws IllegalStateException as {@link #read(Function)}
   * @throws IllegalArgumentException as {@link #read(Function)}, or as {@code code} throws
   */
  public static TrackerConfig read(
      Function<String, String> lookup, Consumer<TrackerConfig.Builder> code) {
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(code, "code");
    Target target = new Target();
    passwords(lookup, target.config);
    for (Setting setting : KEY_SETTINGS) {
      String value = lookup.apply(setting.name());
      if (value != null) {
        apply(setting, value, target);
      }
    }
    for (Setting setting : VALUE_SETTINGS) {
      String value = lookup.apply(setting.name());
      if (value != null) {
        apply(setting, value, target);
      }
    }
    for (Setting setting : REVOCATION_SETTINGS) {
      String value = lookup.apply(setting.name());
      if (value != null) {
        apply(setting, value, target);
      }
    }
    if (target.revocationOn) {
      target.config.revocation(target.revocation.build());
    } else if (target.revocationOnlySetting != null) {
      throw new IllegalStateException(
          describe(target.revocationOnlySetting)
              + " is set but revocation is off: set "
              + describe(REVOCATION_STORE)
              + " to embedded or a redis:// URL");
    }
    CookieSettings cookie;
    try {
      cookie = target.cookie.build();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Contradictory tracker.cookie.* settings: " + e.getMessage());
    }
    target.config.cookie(cookie);
    code.accept(target.config);
    return target.config.build();
  }

  /**
   * The environment variable read for a setting: {@code tracker.cookie.maxAge} → {@code
   * TRACKER_COOKIE_MAX_AGE}.
   */
  /**
   * Refuses an accepted id whose environment name is another setting's: id {@code dir} would read
   * its password from TRACKER_PASSWORD_DIR, id {@code id} from TRACKER_PASSWORD_ID.
   */
  private static void checkNoEnvironmentClash(String passwordSetting) {
    String env = environmentName(passwordSetting);
    for (String name : NAMES) {
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

  public static String environmentName(String setting) {
    StringBuilder env = new StringBuilder(setting.length() + 8);
    for (int i = 0; i < setting.length(); i++) {
      char c = setting.charAt(i);
      if (c == '.') {
        env.append('_');
      } else if (Character.isUpperCase(c)) {
        env.append('_').append(c);
      } else {
        env.append(Character.toUpperCase(c));
      }
    }
    return env.toString();
  }

  /**
   * One warning for each name that looks like a tracker setting but is none (a property starting
   * with {@code tracker.}, an environment variable starting with {@code TRACKER_}), naming the
   * closest known setting; such a setting would otherwise be ignored without a word.
   */
  public static List<String> unknownNameWarnings(
      Collection<String> propertyNames, Collection<String> environmentNames) {
    List<String> known = new ArrayList<>(NAMES);
    List<String> knownEnvironment = new ArrayList<>();
    NAMES.forEach(name -> knownEnvironment.add(environmentName(name)));
    List<String> warnings = new ArrayList<>();
    for (String name : new TreeSet<>(propertyNames)) {
      if (name.startsWith("tracker.")
          && !known.contains(name)
          && !name.startsWith(ACCEPTED_PASSWORD_PREFIX)) {
        warnings.add(unknownWarning("property", name, known));
      }
    }
    String acceptedPrefix = environmentName(ACCEPTED_PASSWORD_PREFIX);
    for (String name : new TreeSet<>(environmentNames)) {
      if (name.startsWith("TRACKER_")
          && !knownEnvironment.contains(name)
          && !name.startsWith(acceptedPrefix)) {
        warnings.add(unknownWarning("environment variable", name, knownEnvironment));
      }
    }
    return warnings;
  }

  private static String unknownWarning(String kind, String name, List<String> known) {
    String closest = known.get(0);
    for (String candidate : known) {
      if (distance(name, candidate) < distance(name, closest)) {
        closest = candidate;
      }
    }
    return "Unknown tracker " + kind + " " + name + " is ignored; did you mean " + closest + "?";
  }

  /** Edit distance, ignoring case: how far a misspelled name is from a known one. */
  private static int distance(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }

  /** {@code tracker.password (TRACKER_PASSWORD)}: how messages name a setting. */
  static String describe(String setting) {
    return setting + " (" + environmentName(setting) + ")";
  }

  private static void apply(Setting setting, String value, Target target) {
    try {
      setting.apply().accept(target, value);
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      // Neither the value nor the parser's message (which may quote it) is repeated.
      throw new IllegalArgumentException(
          "Invalid value for " + describe(setting.name()) + ": expected " + setting.expected());
    }
  }

  /**
   * The current password and the accepted ones, from {@value #PASSWORD}, {@value #PASSWORD_ID},
   * {@value #ACCEPTED_PASSWORD_IDS} and {@code tracker.password.<id>}.
   */
  private static void passwords(Function<String, String> lookup, TrackerConfig.Builder config) {
    String password = lookup.apply(PASSWORD);
    if (passwordFiles(lookup, config, password != null && !password.isEmpty())) {
      return;
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException(
          "No tracker password: set "
              + PASSWORD
              + " (or the "
              + environmentName(PASSWORD)
              + " environment variable) to a secret of at least "
              + TrackerConfig.MIN_PASSWORD_LENGTH
              + " characters");
    }
    String currentId = trimmedOrNull(lookup.apply(PASSWORD_ID));
    String acceptedIds = trimmedOrNull(lookup.apply(ACCEPTED_PASSWORD_IDS));
    if (currentId == null && acceptedIds == null) {
      config.password(password);
      return;
    }
    checkPasswordLength(PASSWORD, password);
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
      checkNoEnvironmentClash(setting);
      String secret = lookup.apply(setting);
      if (secret == null || secret.isEmpty()) {
        throw new IllegalStateException(
            "No password for accepted id " + accepted + ": set " + describe(setting));
      }
      checkPasswordLength(setting, secret);
      keyring.accept(accepted, secret);
      texts.put(setting, secret);
      String from = trimmedOrNull(lookup.apply(setting + SEAL_FROM_SUFFIX));
      if (from != null) {
        sealFrom.put(accepted, instant(setting + SEAL_FROM_SUFFIX, from));
      }
    }
    if (sealFrom.isEmpty()) {
      config.passwords(keyring.build()).passwordTexts(texts);
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
        ring.sealFrom(accepted, secret, from);
      }
    }
    try {
      config.passwordRing(ring.build()).passwordTexts(texts);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("The tracker password schedule: " + e.getMessage());
    }
  }

  /**
   * Checks a password's length, the one rule for every password setting.
   *
   * @throws IllegalArgumentException naming the setting, never the value
   */
  static void checkPasswordLength(String setting, String password) {
    if (password.length() < TrackerConfig.MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "The password "
              + describe(setting)
              + " must be at least "
              + TrackerConfig.MIN_PASSWORD_LENGTH
              + " characters; java -jar tracker-cookie.jar keygen prints a random one");
    }
  }

  /**
   * Reads {@value #PASSWORD_DIR} or {@value #PASSWORD_FILE}, if either is set.
   *
   * @return true if the passwords come from files
   * @throws IllegalArgumentException if both are set, or with {@value #PASSWORD}
   */
  private static boolean passwordFiles(
      Function<String, String> lookup, TrackerConfig.Builder config, boolean passwordSet) {
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
        config.passwordDirectory(Path.of(directory));
      } else {
        config.passwordFile(Path.of(file));
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

  private static String trimmedOrNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Duration duration(String value) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    return Duration.parse(v);
  }

  private static boolean bool(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("must be true or false");
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
  }
}
