package io.trackercookie.settings;

/**
 * The names of the {@code tracker.*} settings that code other than their own settings row names
 * (the option groups' and start-up messages, the public {@link io.trackercookie.TrackerSettings}
 * constants), and the rule that gives a setting's environment variable. The row and the message
 * both take the name from here, so a builder that names a setting never calls back into the
 * settings reader. A setting that nothing else names is named in its row alone; a test checks that
 * each name is written once. What each setting sets, its default and its description are in its
 * row.
 */
public final class SettingNames {

  /** The prefix of every setting's name. */
  public static final String PREFIX = "tracker.";

  // The passwords (io.trackercookie.keys.PasswordSource).
  /** {@value}: see {@link io.trackercookie.TrackerSettings#PASSWORD}. */
  public static final String PASSWORD = "tracker.password";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#PASSWORD_ID}. */
  public static final String PASSWORD_ID = "tracker.passwordId";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#ACCEPTED_PASSWORD_IDS}. */
  public static final String ACCEPTED_PASSWORD_IDS = "tracker.acceptedPasswordIds";

  /** The family of accepted passwords: {@code tracker.password.<id>}. */
  public static final String ACCEPTED_PASSWORD_PREFIX = "tracker.password.";

  /** An accepted password's seal-from instant: {@code tracker.password.<id>.sealFrom}. */
  public static final String SEAL_FROM_SUFFIX = ".sealFrom";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#PASSWORD_DIR}. */
  public static final String PASSWORD_DIR = "tracker.passwordDir";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#PASSWORD_FILE}. */
  public static final String PASSWORD_FILE = "tracker.passwordFile";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#PASSWORD_POLL_INTERVAL}. */
  public static final String PASSWORD_POLL_INTERVAL = "tracker.passwordPollInterval";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#ALLOW_WEAK_PASSWORD}. */
  public static final String ALLOW_WEAK_PASSWORD = "tracker.allowWeakPassword";

  // The cookie (io.trackercookie.CookieSettings).
  /** The prefix of the cookie's settings, {@code tracker.cookie.*}. */
  public static final String COOKIE_PREFIX = "tracker.cookie.";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_NAME}. */
  public static final String COOKIE_NAME = "tracker.cookie.name";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_MAX_AGE}. */
  public static final String COOKIE_MAX_AGE = "tracker.cookie.maxAge";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_PATH}. */
  public static final String COOKIE_PATH = "tracker.cookie.path";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_DOMAIN}. */
  public static final String COOKIE_DOMAIN = "tracker.cookie.domain";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_SECURE}. */
  public static final String COOKIE_SECURE = "tracker.cookie.secure";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_HTTP_ONLY}. */
  public static final String COOKIE_HTTP_ONLY = "tracker.cookie.httpOnly";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_SAME_SITE}. */
  public static final String COOKIE_SAME_SITE = "tracker.cookie.sameSite";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_PARTITIONED}. */
  public static final String COOKIE_PARTITIONED = "tracker.cookie.partitioned";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#COOKIE_HOST_PREFIX}. */
  public static final String COOKIE_HOST_PREFIX = "tracker.cookie.hostPrefix";

  // The lifetimes (io.trackercookie.Lifetimes).
  /** {@value}: see {@link io.trackercookie.TrackerSettings#TTL}. */
  public static final String TTL = "tracker.ttl";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#SEALS_NEVER_EXPIRE}. */
  public static final String SEALS_NEVER_EXPIRE = "tracker.sealsNeverExpire";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#SLIDING_EXPIRY}. */
  public static final String SLIDING_EXPIRY = "tracker.slidingExpiry";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#REISSUE_AFTER}. */
  public static final String REISSUE_AFTER = "tracker.reissueAfter";

  // The config's own options (io.trackercookie.TrackerConfig).
  /** {@value}: see {@link io.trackercookie.TrackerSettings#REQUEST_ATTRIBUTE}. */
  public static final String REQUEST_ATTRIBUTE = "tracker.requestAttribute";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#PAYLOAD_FORMAT}. */
  public static final String PAYLOAD_FORMAT = "tracker.payloadFormat";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#INSECURE_LOOPBACK}. */
  public static final String INSECURE_LOOPBACK = "tracker.insecureLoopbackForDevelopment";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#DIAGNOSTICS}. */
  public static final String DIAGNOSTICS = "tracker.diagnostics";

  // Legacy cookie-sessions cookies (io.trackercookie.LegacyCookies).
  /** {@value}: see {@link io.trackercookie.TrackerSettings#LEGACY_SECRET}. */
  public static final String LEGACY_SECRET = "tracker.legacy.secret";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#LEGACY_COOKIE_NAME}. */
  public static final String LEGACY_COOKIE_NAME = "tracker.legacy.cookieName";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#LEGACY_TIMEOUT}. */
  public static final String LEGACY_TIMEOUT = "tracker.legacy.timeout";

  // The Cookie-header budget and chunking (io.trackercookie.CookieBudget).
  /** {@value}: see {@link io.trackercookie.TrackerSettings#MAX_CHUNKS}. */
  public static final String MAX_CHUNKS = "tracker.maxChunks";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#MAX_COOKIE_HEADER_BYTES}. */
  public static final String MAX_COOKIE_HEADER_BYTES = "tracker.maxCookieHeaderBytes";

  // The verified-seal cache (io.trackercookie.SealCacheOptions).
  /** {@value}: see {@link io.trackercookie.TrackerSettings#SEAL_CACHE_MAX_ENTRIES}. */
  public static final String SEAL_CACHE_MAX_ENTRIES = "tracker.sealCache.maxEntries";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#SEAL_CACHE_MAX_BYTES}. */
  public static final String SEAL_CACHE_MAX_BYTES = "tracker.sealCache.maxBytes";

  // Revocation (io.trackercookie.RevocationOptions).
  /** {@value}: see {@link io.trackercookie.TrackerSettings#REVOCATION_STORE}. */
  public static final String REVOCATION_STORE = "tracker.revocation.store";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#REVOCATION_SUBJECT_KEY}. */
  public static final String REVOCATION_SUBJECT_KEY = "tracker.revocation.subjectKey";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#REVOCATION_FAIL_OPEN}. */
  public static final String REVOCATION_FAIL_OPEN = "tracker.revocation.failOpen";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#REVOCATION_MAX_ENTRIES}. */
  public static final String REVOCATION_MAX_ENTRIES = "tracker.revocation.maxEntries";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#REVOCATION_TIMEOUT}. */
  public static final String REVOCATION_TIMEOUT = "tracker.revocation.timeout";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#REVOCATION_KEY_PREFIX}. */
  public static final String REVOCATION_KEY_PREFIX = "tracker.revocation.keyPrefix";

  // Signed-in sessions (io.trackercookie.SignInOptions), and the preset that turns them on.
  /** {@value}: see {@link io.trackercookie.TrackerSettings#SIGN_IN_ABSOLUTE_LIFETIME}. */
  public static final String SIGN_IN_ABSOLUTE_LIFETIME = "tracker.signIn.absoluteLifetime";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#SIGN_IN_REMEMBER_FOR}. */
  public static final String SIGN_IN_REMEMBER_FOR = "tracker.signIn.rememberFor";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#SIGN_IN_SUBJECT_KEY}. */
  public static final String SIGN_IN_SUBJECT_KEY = "tracker.signIn.subjectKey";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#SIGN_IN_ROLES_KEY}. */
  public static final String SIGN_IN_ROLES_KEY = "tracker.signIn.rolesKey";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#PRESET}. */
  public static final String PRESET = "tracker.preset";

  // Cross-site protection (io.trackercookie.CrossSiteProtection).
  /** {@value}: see {@link io.trackercookie.TrackerSettings#CROSS_SITE_ENABLED}. */
  public static final String CROSS_SITE_ENABLED = "tracker.crossSite.enabled";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#CROSS_SITE_TRUSTED_ORIGINS}. */
  public static final String CROSS_SITE_TRUSTED_ORIGINS = "tracker.crossSite.trustedOrigins";

  /** {@value}: see {@link io.trackercookie.TrackerSettings#CROSS_SITE_REQUIRE_TOKEN}. */
  public static final String CROSS_SITE_REQUIRE_TOKEN = "tracker.crossSite.requireToken";

  private SettingNames() {}

  /**
   * The environment variable read for a setting: the name in upper case, with {@code .} and each
   * camel-case hump turned into {@code _} ({@code tracker.cookie.maxAge} → {@code
   * TRACKER_COOKIE_MAX_AGE}).
   */
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
   * The environment variable MicroProfile Config reads for a setting, which is read as well: every
   * character but a letter or digit becomes {@code _}, then all is upper case, camel case not split
   * ({@code tracker.cookie.maxAge} → {@code TRACKER_COOKIE_MAXAGE}).
   */
  public static String microProfileEnvironmentName(String setting) {
    StringBuilder env = new StringBuilder(setting.length());
    for (int i = 0; i < setting.length(); i++) {
      char c = setting.charAt(i);
      env.append((c < 128 && Character.isLetterOrDigit(c)) ? Character.toUpperCase(c) : '_');
    }
    return env.toString();
  }

  /** How messages name a setting: {@code tracker.password (TRACKER_PASSWORD)}. */
  public static String describe(String setting) {
    return setting + " (" + environmentName(setting) + ")";
  }
}
