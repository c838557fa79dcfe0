package io.trackercookie;

import io.trackercookie.keys.PasswordSource;
import io.trackercookie.settings.SettingNames;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The tracker's options as named settings: JAX-RS properties, system properties and environment
 * variables. Each setting is one row (name, environment variable, default, description and the
 * builder call it makes), listed in docs/configuration.md's table, which a test holds to the rows;
 * a value is parsed and handed to its option group's builder, whose setter checks it. A name maps
 * to its environment variable by one rule ({@code tracker.cookie.maxAge} → {@code
 * TRACKER_COOKIE_MAX_AGE}).
 *
 * <pre>{@code
 * TrackerConfig config = TrackerSettings.builder()   // system properties, then the environment
 *     .listener(myListener)                          // code on top of the settings
 *     .build();
 * }</pre>
 *
 * <p>Durations are ISO-8601 ({@code P30D}, {@code PT1H}) or whole seconds; booleans are {@code
 * true} or {@code false}; enums are case-insensitive. An invalid value stops start-up with a
 * message naming the setting and what it expects, never repeating the value (a mistyped setting may
 * hold a secret).
 *
 * <p>The constants are the settings' names ({@link SettingNames} holds them for the option groups'
 * messages); {@value #ACCEPTED_PASSWORD_PREFIX}{@code <id>} (environment {@code
 * TRACKER_PASSWORD_<ID>}) holds an accepted password, and {@code tracker.password.<id>}{@value
 * #SEAL_FROM_SUFFIX} its seal-from instant.
 */
public final class TrackerSettings {

  /**
   * {@value}: the password that seals and opens ({@link PasswordSource.Builder#password}); required
   * unless the passwords come from files.
   */
  public static final String PASSWORD = SettingNames.PASSWORD;

  /**
   * {@value}: the id of the current password, written into new seals; with it, {@value #PASSWORD}
   * is that id's password.
   */
  public static final String PASSWORD_ID = SettingNames.PASSWORD_ID;

  /**
   * {@value}: comma-separated ids of older passwords still accepted when opening, each password in
   * {@value #ACCEPTED_PASSWORD_PREFIX}{@code <id>}.
   */
  public static final String ACCEPTED_PASSWORD_IDS = SettingNames.ACCEPTED_PASSWORD_IDS;

  /**
   * {@value}{@code <id>}: the password of an accepted id (the family of settings {@code
   * tracker.password.<id>}).
   */
  public static final String ACCEPTED_PASSWORD_PREFIX = SettingNames.ACCEPTED_PASSWORD_PREFIX;

  /**
   * {@value}: a directory with one file per password id, reloaded when it changes ({@link
   * PasswordSource.Builder#passwordDirectory}).
   */
  public static final String PASSWORD_DIR = SettingNames.PASSWORD_DIR;

  /**
   * {@value}: a file holding the one password, reloaded when it changes ({@link
   * PasswordSource.Builder#passwordFile}).
   */
  public static final String PASSWORD_FILE = SettingNames.PASSWORD_FILE;

  /**
   * {@value}: how often the password files are looked at for changes ({@link
   * PasswordSource.Builder#passwordPollInterval}).
   */
  public static final String PASSWORD_POLL_INTERVAL = SettingNames.PASSWORD_POLL_INTERVAL;

  /**
   * {@value}: after {@code tracker.password.<id>}: the instant from which that password seals (a
   * key schedule).
   */
  public static final String SEAL_FROM_SUFFIX = SettingNames.SEAL_FROM_SUFFIX;

  /**
   * {@value}: accepts weak passwords, which start-up otherwise refuses; for tests only ({@link
   * PasswordSource.Builder#allowWeakPassword}).
   */
  public static final String ALLOW_WEAK_PASSWORD = SettingNames.ALLOW_WEAK_PASSWORD;

  /** {@value}: the cookie's name ({@link CookieSettings.Builder#name}). */
  public static final String COOKIE_NAME = SettingNames.COOKIE_NAME;

  /** {@value}: the cookie's Max-Age ({@link CookieSettings.Builder#maxAge}). */
  public static final String COOKIE_MAX_AGE = SettingNames.COOKIE_MAX_AGE;

  /** {@value}: the cookie's Path ({@link CookieSettings.Builder#path}). */
  public static final String COOKIE_PATH = SettingNames.COOKIE_PATH;

  /** {@value}: the cookie's Domain ({@link CookieSettings.Builder#domain}). */
  public static final String COOKIE_DOMAIN = SettingNames.COOKIE_DOMAIN;

  /** {@value}: the cookie's Secure attribute ({@link CookieSettings.Builder#secure}). */
  public static final String COOKIE_SECURE = SettingNames.COOKIE_SECURE;

  /** {@value}: the cookie's HttpOnly attribute ({@link CookieSettings.Builder#httpOnly}). */
  public static final String COOKIE_HTTP_ONLY = SettingNames.COOKIE_HTTP_ONLY;

  /** {@value}: the cookie's SameSite attribute ({@link CookieSettings.Builder#sameSite}). */
  public static final String COOKIE_SAME_SITE = SettingNames.COOKIE_SAME_SITE;

  /** {@value}: the cookie's Partitioned attribute ({@link CookieSettings.Builder#partitioned}). */
  public static final String COOKIE_PARTITIONED = SettingNames.COOKIE_PARTITIONED;

  /**
   * {@value}: sends the cookie's name with the {@code __Host-} prefix ({@link
   * CookieSettings.Builder#hostPrefix}).
   */
  public static final String COOKIE_HOST_PREFIX = SettingNames.COOKIE_HOST_PREFIX;

  /** {@value}: the seal's lifetime from each write ({@link Lifetimes.Builder#ttl}). */
  public static final String TTL = SettingNames.TTL;

  /**
   * {@value}: {@code true}: seals without an expiration ({@link
   * Lifetimes.Builder#sealsNeverExpire}).
   */
  public static final String SEALS_NEVER_EXPIRE = SettingNames.SEALS_NEVER_EXPIRE;

  /**
   * {@value}: what the tracker's cookies may add to the Cookie header ({@link
   * CookieBudget.Builder#maxCookieHeaderBytes}).
   */
  public static final String MAX_COOKIE_HEADER_BYTES = SettingNames.MAX_COOKIE_HEADER_BYTES;

  /**
   * {@value}: the request property under which the Tracker is also available ({@link
   * TrackerConfig.Builder#requestAttribute}).
   */
  public static final String REQUEST_ATTRIBUTE = SettingNames.REQUEST_ATTRIBUTE;

  /** {@value}: what new seals hold ({@link TrackerConfig.Builder#payloadFormat}). */
  public static final String PAYLOAD_FORMAT = SettingNames.PAYLOAD_FORMAT;

  /**
   * {@value}: omits Secure for plain-http requests to a loopback host; development only ({@link
   * TrackerConfig.Builder#insecureLoopbackForDevelopment}).
   */
  public static final String INSECURE_LOOPBACK = SettingNames.INSECURE_LOOPBACK;

  /** {@value}: sliding (inactivity) expiry ({@link Lifetimes.Builder#slidingExpiry}). */
  public static final String SLIDING_EXPIRY = SettingNames.SLIDING_EXPIRY;

  /**
   * {@value}: the share of the sliding lifetime after which a valid cookie is reissued ({@link
   * Lifetimes.Builder#reissueAfter}).
   */
  public static final String REISSUE_AFTER = SettingNames.REISSUE_AFTER;

  /**
   * {@value}: the cookie-sessions secret; reads legacy cookies ({@link
   * LegacyCookies.Builder#secret}).
   */
  public static final String LEGACY_SECRET = SettingNames.LEGACY_SECRET;

  /** {@value}: the legacy cookie's name ({@link LegacyCookies.Builder#cookieName}). */
  public static final String LEGACY_COOKIE_NAME = SettingNames.LEGACY_COOKIE_NAME;

  /** {@value}: the legacy cookies' timeout ({@link LegacyCookies.Builder#timeout}). */
  public static final String LEGACY_TIMEOUT = SettingNames.LEGACY_TIMEOUT;

  /**
   * {@value}: splits a large seal across at most this many cookies ({@link
   * CookieBudget.Builder#chunking(int)}).
   */
  public static final String MAX_CHUNKS = SettingNames.MAX_CHUNKS;

  /**
   * {@value}: entries of the verified-seal cache; 0 turns it off ({@link
   * SealCacheOptions.Builder#maxEntries}).
   */
  public static final String SEAL_CACHE_MAX_ENTRIES = SettingNames.SEAL_CACHE_MAX_ENTRIES;

  /**
   * {@value}: estimated heap bytes of the verified-seal cache ({@link
   * SealCacheOptions.Builder#maxBytes}).
   */
  public static final String SEAL_CACHE_MAX_BYTES = SettingNames.SEAL_CACHE_MAX_BYTES;

  /**
   * {@value}: names why a cookie was refused in a response header; development only ({@link
   * TrackerConfig.Builder#diagnostics}).
   */
  public static final String DIAGNOSTICS = SettingNames.DIAGNOSTICS;

  /**
   * {@value}: where revocations are kept: {@code off}, {@code embedded}, or a {@code redis://} or
   * {@code rediss://} URL ({@link TrackerConfig.Builder#revocation}).
   */
  public static final String REVOCATION_STORE = SettingNames.REVOCATION_STORE;

  /**
   * {@value}: the tracker key holding a cookie's subject; needs {@value #REVOCATION_STORE} ({@link
   * RevocationOptions.Builder#subjectKey}).
   */
  public static final String REVOCATION_SUBJECT_KEY = SettingNames.REVOCATION_SUBJECT_KEY;

  /**
   * {@value}: accepts cookies unchecked while the store is unavailable; needs {@value
   * #REVOCATION_STORE} ({@link RevocationOptions.Builder#failOpen}).
   */
  public static final String REVOCATION_FAIL_OPEN = SettingNames.REVOCATION_FAIL_OPEN;

  /**
   * {@value}: bound of the embedded store, or of the Redis store's local view; needs {@value
   * #REVOCATION_STORE} ({@link RevocationOptions.Builder#maxEntries}).
   */
  public static final String REVOCATION_MAX_ENTRIES = SettingNames.REVOCATION_MAX_ENTRIES;

  /**
   * {@value}: how long a Redis command may take; needs {@value #REVOCATION_STORE} ({@link
   * RevocationOptions.Builder#timeout}).
   */
  public static final String REVOCATION_TIMEOUT = SettingNames.REVOCATION_TIMEOUT;

  /**
   * {@value}: the prefix of the Redis keys; needs {@value #REVOCATION_STORE} ({@link
   * RevocationOptions.Builder#keyPrefix}).
   */
  public static final String REVOCATION_KEY_PREFIX = SettingNames.REVOCATION_KEY_PREFIX;

  /** {@value}: see {@link SignInOptions.Builder#absoluteLifetime}. */
  public static final String SIGN_IN_ABSOLUTE_LIFETIME = SettingNames.SIGN_IN_ABSOLUTE_LIFETIME;

  /** {@value}: see {@link SignInOptions.Builder#rememberFor}. */
  public static final String SIGN_IN_REMEMBER_FOR = SettingNames.SIGN_IN_REMEMBER_FOR;

  /** {@value}: see {@link SignInOptions.Builder#subjectKey}. */
  public static final String SIGN_IN_SUBJECT_KEY = SettingNames.SIGN_IN_SUBJECT_KEY;

  /** {@value}: see {@link SignInOptions.Builder#rolesKey}. */
  public static final String SIGN_IN_ROLES_KEY = SettingNames.SIGN_IN_ROLES_KEY;

  /**
   * {@value}: {@code signed-in-sessions} applies {@link TrackerConfig.Builder#signedInSessions}.
   */
  public static final String PRESET = SettingNames.PRESET;

  /**
   * {@value}: whether unsafe requests from another site or origin are refused ({@link
   * CrossSiteProtection.Builder#enabled}).
   */
  public static final String CROSS_SITE_ENABLED = SettingNames.CROSS_SITE_ENABLED;

  /**
   * {@value}: origins whose unsafe requests pass, comma-separated; needs {@value
   * #CROSS_SITE_ENABLED} ({@link CrossSiteProtection.Builder#trustedOrigins}).
   */
  public static final String CROSS_SITE_TRUSTED_ORIGINS = SettingNames.CROSS_SITE_TRUSTED_ORIGINS;

  /**
   * {@value}: whether unsafe requests must also carry the session-bound token; needs {@value
   * #CROSS_SITE_ENABLED} ({@link CrossSiteProtection.Builder#requireToken}).
   */
  public static final String CROSS_SITE_REQUIRE_TOKEN = SettingNames.CROSS_SITE_REQUIRE_TOKEN;

  /**
   * Every setting name, in the order of the options table: {@value #ACCEPTED_PASSWORD_PREFIX}
   * stands for the {@code tracker.password.<id>} family.
   */
  public static final List<String> NAMES = SettingRows.NAMES;

  private TrackerSettings() {}

  /**
   * A config from named settings; {@code lookup} returns null for a setting that is not set. {@link
   * TrackerFeature}'s no-arg constructor uses this with the application's JAX-RS properties, then
   * system properties, then environment variables. To add code on top, {@link #builder()}; like
   * {@link #builder(Function)}, this warns about no misspelled name.
   *
   * @throws IllegalStateException if the password is missing, naming {@value #PASSWORD} and its
   *     environment variable; or if the settings contradict each other
   * @throws IllegalArgumentException if a setting's value is invalid, naming the setting
   */
  public static TrackerConfig read(Function<String, @Nullable String> lookup) {
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
      Function<String, @Nullable String> lookup, Consumer<TrackerConfig.Builder> code) {
    return SettingsReader.read(lookup, code);
  }

  /**
   * A builder holding the settings from system properties, then environment variables, then
   * MicroProfile Config where the runtime has it (the sources of the no-arg {@link TrackerFeature}
   * but the JAX-RS properties), for code to add what no setting carries (a {@link
   * TrackerConfig.Builder#listener}, a {@link TrackerConfig.Builder#clock}) or to override a
   * setting, before {@link TrackerConfig.Builder#build()}:
   *
   * <pre>{@code
   * TrackerConfig config = TrackerSettings.builder()      // TRACKER_PASSWORD, TRACKER_TTL, ...
   *     .listener(TrackerMetrics.registeredWith(registry))
   *     .build();
   * }</pre>
   *
   * <p>Logs a WARNING for each {@code tracker.*} property or {@code TRACKER_*} variable that is no
   * setting, naming the closest one, as the no-arg feature does. The settings' values are checked
   * here; a missing password is reported by {@code build()}.
   *
   * @throws IllegalArgumentException if a setting's value is invalid, naming the setting
   * @throws IllegalStateException if the settings contradict each other
   */
  public static TrackerConfig.Builder builder() {
    return TrackerFeature.settingsBuilder();
  }

  /**
   * A builder holding the settings {@code lookup} gives (null: not set), for code to add to before
   * {@link TrackerConfig.Builder#build()}. It warns about nothing, since a lookup cannot list the
   * names it holds: pass them to {@link #unknownNameWarnings}.
   *
   * @throws IllegalArgumentException if a setting's value is invalid, naming the setting
   * @throws IllegalStateException if the settings contradict each other
   */
  public static TrackerConfig.Builder builder(Function<String, @Nullable String> lookup) {
    return SettingsReader.builder(lookup);
  }

  /**
   * The environment variable read for a setting: {@code tracker.cookie.maxAge} → {@code
   * TRACKER_COOKIE_MAX_AGE}.
   */
  public static String environmentName(String setting) {
    return SettingNames.environmentName(setting);
  }

  /**
   * One warning for each name that looks like a tracker setting but is none (a property starting
   * with {@code tracker.}, an environment variable starting with {@code TRACKER_}), naming the
   * closest known setting; such a setting would otherwise be ignored without a word.
   */
  public static List<String> unknownNameWarnings(
      Collection<String> propertyNames, Collection<String> environmentNames) {
    return UnknownSettings.warnings(propertyNames, environmentNames);
  }
}
