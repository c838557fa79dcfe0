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
  public static final String PASSWORD = "tracker.password";
  public static final String PASSWORD_ID = "tracker.passwordId";
  public static final String ACCEPTED_PASSWORD_IDS = "tracker.acceptedPasswordIds";

  /** The family of accepted passwords: {@code tracker.password.<id>}. */
  public static final String ACCEPTED_PASSWORD_PREFIX = "tracker.password.";

  /** An accepted password's seal-from instant: {@code tracker.password.<id>.sealFrom}. */
  public static final String SEAL_FROM_SUFFIX = ".sealFrom";

  public static final String PASSWORD_DIR = "tracker.passwordDir";
  public static final String PASSWORD_FILE = "tracker.passwordFile";
  public static final String PASSWORD_POLL_INTERVAL = "tracker.passwordPollInterval";
  public static final String ALLOW_WEAK_PASSWORD = "tracker.allowWeakPassword";

  // The cookie (io.trackercookie.CookieSettings).
  public static final String COOKIE_PREFIX = "tracker.cookie.";
  public static final String COOKIE_NAME = "tracker.cookie.name";
  public static final String COOKIE_MAX_AGE = "tracker.cookie.maxAge";
  public static final String COOKIE_PATH = "tracker.cookie.path";
  public static final String COOKIE_DOMAIN = "tracker.cookie.domain";
  public static final String COOKIE_SECURE = "tracker.cookie.secure";
  public static final String COOKIE_HTTP_ONLY = "tracker.cookie.httpOnly";
  public static final String COOKIE_SAME_SITE = "tracker.cookie.sameSite";
  public static final String COOKIE_PARTITIONED = "tracker.cookie.partitioned";
  public static final String COOKIE_HOST_PREFIX = "tracker.cookie.hostPrefix";

  // The lifetimes (io.trackercookie.Lifetimes).
  public static final String TTL = "tracker.ttl";
  public static final String SEALS_NEVER_EXPIRE = "tracker.sealsNeverExpire";
  public static final String SLIDING_EXPIRY = "tracker.slidingExpiry";
  public static final String REISSUE_AFTER = "tracker.reissueAfter";

  // The config's own options (io.trackercookie.TrackerConfig).
  public static final String REQUEST_ATTRIBUTE = "tracker.requestAttribute";
  public static final String PAYLOAD_FORMAT = "tracker.payloadFormat";
  public static final String INSECURE_LOOPBACK = "tracker.insecureLoopbackForDevelopment";
  public static final String DIAGNOSTICS = "tracker.diagnostics";

  // Legacy cookie-sessions cookies (io.trackercookie.LegacyCookies).
  public static final String LEGACY_SECRET = "tracker.legacy.secret";
  public static final String LEGACY_COOKIE_NAME = "tracker.legacy.cookieName";
  public static final String LEGACY_TIMEOUT = "tracker.legacy.timeout";

  // The Cookie-header budget and chunking (io.trackercookie.CookieBudget).
  public static final String MAX_CHUNKS = "tracker.maxChunks";
  public static final String MAX_COOKIE_HEADER_BYTES = "tracker.maxCookieHeaderBytes";

  // The verified-seal cache (io.trackercookie.SealCacheOptions).
  public static final String SEAL_CACHE_MAX_ENTRIES = "tracker.sealCache.maxEntries";
  public static final String SEAL_CACHE_MAX_BYTES = "tracker.sealCache.maxBytes";

  // Revocation (io.trackercookie.RevocationOptions).
  public static final String REVOCATION_STORE = "tracker.revocation.store";
  public static final String REVOCATION_SUBJECT_KEY = "tracker.revocation.subjectKey";
  public static final String REVOCATION_FAIL_OPEN = "tracker.revocation.failOpen";
  public static final String REVOCATION_MAX_ENTRIES = "tracker.revocation.maxEntries";
  public static final String REVOCATION_TIMEOUT = "tracker.revocation.timeout";
  public static final String REVOCATION_KEY_PREFIX = "tracker.revocation.keyPrefix";

  // Signed-in sessions (io.trackercookie.SignInOptions), and the preset that turns them on.
  public static final String SIGN_IN_ABSOLUTE_LIFETIME = "tracker.signIn.absoluteLifetime";
  public static final String SIGN_IN_REMEMBER_FOR = "tracker.signIn.rememberFor";
  public static final String SIGN_IN_SUBJECT_KEY = "tracker.signIn.subjectKey";
  public static final String PRESET = "tracker.preset";
  // Cross-site protection (io.trackercookie.CrossSiteProtection).
  public static final String CROSS_SITE_ENABLED = "tracker.crossSite.enabled";
  public static final String CROSS_SITE_TRUSTED_ORIGINS = "tracker.crossSite.trustedOrigins";
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

  /** How messages name a setting: {@code tracker.password (TRACKER_PASSWORD)}. */
  public static String describe(String setting) {
    return setting + " (" + environmentName(setting) + ")";
  }
}
