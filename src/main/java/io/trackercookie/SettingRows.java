package io.trackercookie;

import static io.trackercookie.SettingRow.BOOLEAN;
import static io.trackercookie.SettingRow.DURATION;
import static io.trackercookie.SettingRow.bool;
import static io.trackercookie.SettingRow.code;
import static io.trackercookie.SettingRow.commaSeparated;
import static io.trackercookie.SettingRow.duration;
import static io.trackercookie.SettingRow.enumValue;
import static io.trackercookie.SettingRow.shown;
import static io.trackercookie.SettingRow.wholeNumber;
import static io.trackercookie.settings.SettingNames.ACCEPTED_PASSWORD_IDS;
import static io.trackercookie.settings.SettingNames.ACCEPTED_PASSWORD_PREFIX;
import static io.trackercookie.settings.SettingNames.ALLOW_WEAK_PASSWORD;
import static io.trackercookie.settings.SettingNames.COOKIE_DOMAIN;
import static io.trackercookie.settings.SettingNames.COOKIE_HOST_PREFIX;
import static io.trackercookie.settings.SettingNames.COOKIE_HTTP_ONLY;
import static io.trackercookie.settings.SettingNames.COOKIE_MAX_AGE;
import static io.trackercookie.settings.SettingNames.COOKIE_NAME;
import static io.trackercookie.settings.SettingNames.COOKIE_PARTITIONED;
import static io.trackercookie.settings.SettingNames.COOKIE_PATH;
import static io.trackercookie.settings.SettingNames.COOKIE_SAME_SITE;
import static io.trackercookie.settings.SettingNames.COOKIE_SECURE;
import static io.trackercookie.settings.SettingNames.CROSS_SITE_ENABLED;
import static io.trackercookie.settings.SettingNames.CROSS_SITE_REQUIRE_TOKEN;
import static io.trackercookie.settings.SettingNames.CROSS_SITE_TRUSTED_ORIGINS;
import static io.trackercookie.settings.SettingNames.DIAGNOSTICS;
import static io.trackercookie.settings.SettingNames.INSECURE_LOOPBACK;
import static io.trackercookie.settings.SettingNames.LEGACY_COOKIE_NAME;
import static io.trackercookie.settings.SettingNames.LEGACY_SECRET;
import static io.trackercookie.settings.SettingNames.LEGACY_TIMEOUT;
import static io.trackercookie.settings.SettingNames.MAX_CHUNKS;
import static io.trackercookie.settings.SettingNames.MAX_COOKIE_HEADER_BYTES;
import static io.trackercookie.settings.SettingNames.PASSWORD;
import static io.trackercookie.settings.SettingNames.PASSWORD_DIR;
import static io.trackercookie.settings.SettingNames.PASSWORD_FILE;
import static io.trackercookie.settings.SettingNames.PASSWORD_ID;
import static io.trackercookie.settings.SettingNames.PASSWORD_POLL_INTERVAL;
import static io.trackercookie.settings.SettingNames.PAYLOAD_FORMAT;
import static io.trackercookie.settings.SettingNames.PRESET;
import static io.trackercookie.settings.SettingNames.REISSUE_AFTER;
import static io.trackercookie.settings.SettingNames.REQUEST_ATTRIBUTE;
import static io.trackercookie.settings.SettingNames.REVOCATION_FAIL_OPEN;
import static io.trackercookie.settings.SettingNames.REVOCATION_KEY_PREFIX;
import static io.trackercookie.settings.SettingNames.REVOCATION_MAX_ENTRIES;
import static io.trackercookie.settings.SettingNames.REVOCATION_STORE;
import static io.trackercookie.settings.SettingNames.REVOCATION_SUBJECT_KEY;
import static io.trackercookie.settings.SettingNames.REVOCATION_TIMEOUT;
import static io.trackercookie.settings.SettingNames.SEALS_NEVER_EXPIRE;
import static io.trackercookie.settings.SettingNames.SEAL_CACHE_MAX_BYTES;
import static io.trackercookie.settings.SettingNames.SEAL_CACHE_MAX_ENTRIES;
import static io.trackercookie.settings.SettingNames.SIGN_IN_ABSOLUTE_LIFETIME;
import static io.trackercookie.settings.SettingNames.SIGN_IN_REMEMBER_FOR;
import static io.trackercookie.settings.SettingNames.SIGN_IN_ROLES_KEY;
import static io.trackercookie.settings.SettingNames.SIGN_IN_SUBJECT_KEY;
import static io.trackercookie.settings.SettingNames.SLIDING_EXPIRY;
import static io.trackercookie.settings.SettingNames.TTL;

import io.trackercookie.keys.PasswordSource;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every setting, one row each, in the order of docs/configuration.md's table (a test holds the two
 * to each other). A new option is one row here, calling its group builder's setter.
 */
final class SettingRows {

  private SettingRows() {}

  private static final String NONE = "none";
  private static final String OFF = "off";
  private static final CookieSettings COOKIE = CookieSettings.defaults();

  static final List<SettingRow> ALL =
      List.of(
          // The passwords: io.trackercookie.keys.PasswordSource.
          SettingRow.password(
              PASSWORD,
              "required, " + PasswordSource.MIN_PASSWORD_LENGTH + " characters or more",
              "The password that seals and opens."),
          SettingRow.password(
              PASSWORD_ID, "no id", "The id of the current password, written into new seals."),
          SettingRow.password(
              ACCEPTED_PASSWORD_IDS,
              NONE,
              "Comma-separated ids of older passwords still accepted when opening."),
          SettingRow.password(
              ACCEPTED_PASSWORD_PREFIX,
              NONE,
              "The password of each accepted id, and with .sealFrom the instant it seals from."),
          SettingRow.password(
              PASSWORD_DIR, NONE, "A directory with one file per password id, reloaded."),
          SettingRow.password(PASSWORD_FILE, NONE, "A file holding the one password, reloaded."),
          row(
              PASSWORD_POLL_INTERVAL,
              shown(PasswordSource.DEFAULT_PASSWORD_POLL_INTERVAL),
              "How often the password files are looked at for changes.",
              DURATION + ", at least " + shown(PasswordSource.MIN_PASSWORD_POLL_INTERVAL),
              (t, v) -> t.config.passwordSource.passwordPollInterval(duration(v))),
          row(
              ALLOW_WEAK_PASSWORD,
              "false",
              "Accepts weak passwords, which start-up otherwise refuses; for tests only.",
              BOOLEAN,
              (t, v) -> t.config.passwordSource.allowWeakPassword(bool(v))),
          // The preset: before every row whose option it sets, so that those rows change it.
          row(
              PRESET,
              NONE,
              "Sets the defaults for signed-in sessions: see Signed-in sessions below.",
              "none or " + SignedInSessions.NAME,
              (t, v) -> {
                String preset = v.trim();
                if (preset.equalsIgnoreCase(SignedInSessions.NAME)) {
                  t.config.signedInSessions();
                  t.signInOn = true;
                  t.revocationOn = true;
                } else if (!preset.equalsIgnoreCase(NONE)) {
                  throw new IllegalArgumentException("unknown preset");
                }
              }),
          // The cookie: CookieSettings.
          row(
              COOKIE_NAME,
              code(CookieSettings.DEFAULT_NAME),
              "The cookie's name.",
              "a cookie-name token",
              (t, v) -> t.config.cookie.name(v)),
          row(
              COOKIE_MAX_AGE,
              shown(CookieSettings.DEFAULT_MAX_AGE),
              "The cookie's Max-Age; 0 for a session cookie.",
              DURATION + ", whole seconds, at most " + shown(CookieSettings.MAX_MAX_AGE),
              (t, v) -> t.config.cookie.maxAge(duration(v))),
          row(
              COOKIE_PATH,
              code(CookieSettings.DEFAULT_PATH),
              "The cookie's Path.",
              "a path starting with '/'",
              (t, v) -> t.config.cookie.path(v)),
          row(
              COOKIE_DOMAIN,
              "none (host-only)",
              "The cookie's Domain.",
              "a host name, with an optional leading dot",
              (t, v) -> t.config.cookie.domain(v)),
          row(
              COOKIE_SECURE,
              String.valueOf(COOKIE.secure()),
              "The cookie's Secure attribute.",
              BOOLEAN,
              (t, v) -> t.config.cookie.secure(bool(v))),
          row(
              COOKIE_HTTP_ONLY,
              String.valueOf(COOKIE.httpOnly()),
              "The cookie's HttpOnly attribute.",
              BOOLEAN,
              (t, v) -> t.config.cookie.httpOnly(bool(v))),
          row(
              COOKIE_SAME_SITE,
              code(CookieSettings.DEFAULT_SAME_SITE.attributeValue()),
              "The cookie's SameSite attribute.",
              "Lax, Strict or None",
              (t, v) -> t.config.cookie.sameSite(enumValue(CookieSettings.SameSite.class, v))),
          row(
              COOKIE_PARTITIONED,
              String.valueOf(COOKIE.partitioned()),
              "The cookie's Partitioned attribute (CHIPS).",
              BOOLEAN,
              (t, v) -> t.config.cookie.partitioned(bool(v))),
          row(
              COOKIE_HOST_PREFIX,
              String.valueOf(COOKIE.hostPrefix()),
              "Sends the cookie's name with the __Host- prefix.",
              BOOLEAN,
              (t, v) -> t.config.cookie.hostPrefix(bool(v))),
          // The lifetimes: Lifetimes.
          row(
              TTL,
              "the cookie's Max-Age ("
                  + shown(CookieSettings.DEFAULT_MAX_AGE)
                  + " for a session cookie; "
                  + shown(PayloadFormat.IRON_SESSION.defaultTtl())
                  + " with `IRON_SESSION`)",
              "The seal's lifetime from each write (iron's ttl).",
              DURATION
                  + ", whole seconds from "
                  + shown(Lifetimes.MIN_TTL)
                  + " to "
                  + shown(Lifetimes.MAX_TTL),
              (t, v) -> t.config.lifetimes.ttl(duration(v))),
          row(
              SEALS_NEVER_EXPIRE,
              String.valueOf(Lifetimes.defaults().sealsNeverExpire()),
              "Seals without an expiration.",
              BOOLEAN,
              (t, v) -> {
                if (bool(v)) {
                  t.config.lifetimes.sealsNeverExpire();
                }
              }),
          // The config's own options: TrackerConfig.
          row(
              REQUEST_ATTRIBUTE,
              code(TrackerConfig.DEFAULT_REQUEST_ATTRIBUTE),
              "The request property under which the Tracker is also available.",
              "a non-blank name",
              (t, v) -> t.config.requestAttribute(v)),
          row(
              PAYLOAD_FORMAT,
              code(TrackerConfig.DEFAULT_PAYLOAD_FORMAT),
              "What new seals hold; every format is read.",
              "TRACKER_COOKIE, PLAIN_JSON or IRON_SESSION",
              (t, v) -> t.config.payloadFormat(enumValue(PayloadFormat.class, v))),
          row(
              INSECURE_LOOPBACK,
              "false",
              "Omits Secure for plain-http requests to a loopback host; development only.",
              BOOLEAN,
              (t, v) -> t.config.insecureLoopbackForDevelopment(bool(v))),
          // The lifetimes, continued.
          row(
              SLIDING_EXPIRY,
              OFF,
              "Sliding (inactivity) expiry: each seal lives this long after it was written.",
              DURATION
                  + ", whole seconds from "
                  + shown(Lifetimes.MIN_TTL)
                  + " to "
                  + shown(Lifetimes.MAX_SLIDING_EXPIRY),
              (t, v) -> t.config.lifetimes.slidingExpiry(duration(v))),
          row(
              REISSUE_AFTER,
              String.valueOf(Lifetimes.DEFAULT_REISSUE_AFTER),
              "The share of the sliding lifetime after which a valid cookie is reissued.",
              "a number between 0 and 1",
              (t, v) -> t.config.lifetimes.reissueAfter(Double.parseDouble(v.trim()))),
          // Legacy cookie-sessions cookies: LegacyCookies.
          row(
              LEGACY_SECRET,
              OFF,
              "The cookie-sessions secret; reads (never writes) legacy cookies.",
              "a non-empty secret",
              (t, v) -> t.config.legacy.secret(v)),
          row(
              LEGACY_COOKIE_NAME,
              code(LegacyCookies.DEFAULT_COOKIE_NAME),
              "The legacy cookie's name (cookie-sessions' session_key).",
              "a cookie-name token",
              (t, v) -> t.config.legacy.cookieName(v)),
          row(
              LEGACY_TIMEOUT,
              shown(LegacyCookies.DEFAULT_TIMEOUT),
              "The legacy cookies' timeout.",
              DURATION + ", more than zero, at most " + shown(LegacyCookies.MAX_TIMEOUT),
              (t, v) -> t.config.legacy.timeout(duration(v))),
          // The Cookie-header budget and chunking: CookieBudget.
          row(
              MAX_CHUNKS,
              CookieBudget.defaults().maxChunks() + " (off)",
              "Splits a large seal across at most this many cookies.",
              "0 or a whole number from 2 to " + CookieBudget.MAX_MAX_CHUNKS,
              (t, v) -> t.config.cookieBudget.chunking(wholeNumber(v))),
          row(
              MAX_COOKIE_HEADER_BYTES,
              String.valueOf(CookieBudget.DEFAULT_MAX_COOKIE_HEADER_BYTES),
              "What the tracker's cookies may add to every later request's Cookie header, in bytes.",
              "a whole number of bytes from "
                  + CookieBudget.MIN_MAX_COOKIE_HEADER_BYTES
                  + " to "
                  + CookieBudget.MAX_MAX_COOKIE_HEADER_BYTES,
              (t, v) -> t.config.cookieBudget.maxCookieHeaderBytes(wholeNumber(v))),
          // The verified-seal cache: SealCacheOptions.
          row(
              SEAL_CACHE_MAX_ENTRIES,
              String.valueOf(SealCacheOptions.DEFAULT_MAX_ENTRIES),
              "Entries of the verified-seal cache; 0 turns it off.",
              "a whole number, 0 (off) or more",
              (t, v) -> t.config.sealCache.maxEntries(wholeNumber(v))),
          row(
              SEAL_CACHE_MAX_BYTES,
              SealCacheOptions.DEFAULT_MAX_BYTES
                  + " ("
                  + SealCacheOptions.DEFAULT_MAX_BYTES / (1024 * 1024)
                  + " MiB)",
              "Estimated heap bytes of the verified-seal cache.",
              "a whole number of bytes, " + SealCacheOptions.MIN_MAX_BYTES + " or more",
              (t, v) -> t.config.sealCache.maxBytes(Long.parseLong(v.trim()))),
          // The config's own options, continued.
          row(
              DIAGNOSTICS,
              "false",
              "Names why a cookie was refused in a response header; development only.",
              BOOLEAN,
              (t, v) -> t.config.diagnostics(bool(v))),
          // Signed-in sessions: SignInOptions; any of these settings turns sign-in on.
          signInRow(
              SIGN_IN_ABSOLUTE_LIFETIME,
              shown(SignInOptions.DEFAULT_ABSOLUTE_LIFETIME) + " (sign-in off unless set)",
              "How long after sign-in every seal of the session stops opening.",
              DURATION
                  + ", whole seconds from "
                  + shown(SignInOptions.MIN_LIFETIME)
                  + " to "
                  + shown(SignInOptions.MAX_ABSOLUTE_LIFETIME),
              (b, v) -> b.absoluteLifetime(duration(v))),
          signInRow(
              SIGN_IN_REMEMBER_FOR,
              "the absolute lifetime",
              "How long after sign-in a remembered sign-in's persistent cookie lives.",
              DURATION + ", whole seconds, no longer than the absolute lifetime",
              (b, v) -> b.rememberFor(duration(v))),
          signInRow(
              SIGN_IN_SUBJECT_KEY,
              code(SignInOptions.DEFAULT_SUBJECT_KEY),
              "The tracker key that holds the signed-in subject.",
              "a non-blank tracker key",
              (b, v) -> b.subjectKey(v)),
          signInRow(
              SIGN_IN_ROLES_KEY,
              "none (roles from the role resolver)",
              "The tracker key whose JSON array holds the subject's roles, kept in the seal.",
              "a non-blank tracker key other than the subject key",
              (b, v) -> b.rolesKey(v)),
          // Revocation: RevocationOptions; every setting but the store needs the store on.
          row(
              REVOCATION_STORE,
              code(OFF),
              "Where revocations are kept: off, embedded, or a Redis URL.",
              "off, embedded, or a redis:// or rediss:// URL",
              (t, v) -> {
                String store = v.trim();
                if (store.equalsIgnoreCase(OFF)) {
                  t.revocationOn = false;
                } else if (store.equalsIgnoreCase("embedded")) {
                  t.revocation.embedded();
                  t.revocationOn = true;
                } else {
                  t.revocation.redis(store);
                  t.revocationOn = true;
                }
              }),
          revocationRow(
              REVOCATION_SUBJECT_KEY,
              "none (log-out-everywhere off)",
              "The tracker key holding a cookie's subject, for log-out-everywhere.",
              "a non-blank tracker key",
              (b, v) -> b.subjectKey(v)),
          revocationRow(
              REVOCATION_FAIL_OPEN,
              "false (fail-closed)",
              "Accepts cookies unchecked while the store is unavailable.",
              BOOLEAN,
              (b, v) -> b.failOpen(bool(v))),
          revocationRow(
              REVOCATION_MAX_ENTRIES,
              String.valueOf(RevocationOptions.DEFAULT_MAX_ENTRIES),
              "Bound of the embedded store, or of the Redis store's local view.",
              "a whole number, 1 or more",
              (b, v) -> b.maxEntries(wholeNumber(v))),
          revocationRow(
              REVOCATION_TIMEOUT,
              shown(RevocationOptions.DEFAULT_TIMEOUT),
              "How long a Redis command may take.",
              DURATION + ", from 1 ms to " + shown(RevocationOptions.MAX_TIMEOUT),
              (b, v) -> b.timeout(duration(v))),
          revocationRow(
              REVOCATION_KEY_PREFIX,
              code(RevocationOptions.DEFAULT_KEY_PREFIX),
              "The prefix of the Redis keys.",
              "printable ASCII without spaces",
              (b, v) -> b.keyPrefix(v.trim())),
          // Cross-site protection: CrossSiteProtection.
          row(
              CROSS_SITE_ENABLED,
              String.valueOf(CrossSiteProtection.off().enabled()),
              "Refuses unsafe requests from another site or origin (Sec-Fetch-Site, Origin).",
              BOOLEAN,
              (t, v) -> t.config.crossSite.enabled(bool(v))),
          row(
              CROSS_SITE_TRUSTED_ORIGINS,
              NONE,
              "Comma-separated origins whose unsafe requests pass, as browsers write them.",
              "comma-separated origins, each scheme://host or scheme://host:port in lower case",
              (t, v) -> t.config.crossSite.trustedOrigins(commaSeparated(v))),
          row(
              CROSS_SITE_REQUIRE_TOKEN,
              String.valueOf(CrossSiteProtection.off().requireToken()),
              "Also requires the session's CSRF token on every unsafe request.",
              BOOLEAN,
              (t, v) -> t.config.crossSite.requireToken(bool(v))));

  /** Every setting name, in the rows' order. */
  static final List<String> NAMES = ALL.stream().map(SettingRow::name).toList();

  private static SettingRow row(
      String name,
      String shownDefault,
      String description,
      String expected,
      BiConsumer<SettingRow.Target, String> apply) {
    return new SettingRow(name, shownDefault, description, expected, apply);
  }

  /** A sign-in setting: it turns sign-in on. */
  private static SettingRow signInRow(
      String name,
      String shownDefault,
      String description,
      String expected,
      BiConsumer<SignInOptions.Builder, String> apply) {
    return row(
        name,
        shownDefault,
        description,
        expected,
        (t, v) -> {
          apply.accept(t.signIn, v);
          t.signInOn = true;
        });
  }

  /** A revocation setting, which needs the store on: the reader says so when it is off. */
  private static SettingRow revocationRow(
      String name,
      String shownDefault,
      String description,
      String expected,
      BiConsumer<RevocationOptions.Builder, String> apply) {
    return row(
        name,
        shownDefault,
        description,
        expected,
        (t, v) -> {
          apply.accept(t.revocation, v);
          t.revocationOnlySetting = name;
        });
  }
}
