package io.trackercookie;

import static io.trackercookie.settings.SettingNames.describe;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import java.util.Optional;

/**
 * The rules that span option groups, which no group's builder can check alone; each group's own
 * rules stay in its builder. {@link TrackerConfig.Builder#build()} asks them once the groups are
 * built, so a config that builds also starts.
 */
final class ConfigRules {

  private ConfigRules() {}

  /**
   * Checks the rules between the groups of a config just built.
   *
   * @throws IllegalArgumentException if insecureLoopbackForDevelopment is combined with attributes
   *     or a name prefix browsers refuse without Secure; if the legacy cookie's name is the
   *     tracker's; if the codec refuses the passwords with the seal options
   * @throws IllegalStateException if seals would live less than {@link Lifetimes#MIN_TTL}; if the
   *     cookie's Max-Age is shorter than the sliding expiry; if revocation or sign-in is on but
   *     seals never expire; if sign-in and revocation name different subject keys
   */
  static void check(TrackerConfig config) {
    CookieSettings cookie = config.cookie();
    if (config.insecureLoopbackForDevelopment()
        && (cookie.hostPrefix()
            || cookie.partitioned()
            || cookie.sameSite() == CookieSettings.SameSite.NONE)) {
      throw new IllegalArgumentException(
          "insecureLoopbackForDevelopment cannot be combined with"
              + " hostPrefix, partitioned or sameSite NONE: browsers refuse those without Secure");
    }
    String prefix = CookieSettings.securePrefixOf(cookie.name());
    if (config.insecureLoopbackForDevelopment() && prefix != null) {
      throw new IllegalArgumentException(
          "insecureLoopbackForDevelopment, "
              + describe(SettingNames.INSECURE_LOOPBACK)
              + ", cannot be combined with a cookie name starting "
              + prefix
              + ", "
              + describe(SettingNames.COOKIE_NAME)
              + ": browsers refuse such a cookie without Secure, so on plain http it would never"
              + " be kept; choose a name without the prefix for development");
    }
    Duration sealTtl = config.sealTtl();
    if (!sealTtl.isZero() && sealTtl.compareTo(Lifetimes.MIN_TTL) < 0) {
      // The ttl and slidingExpiry setters refuse shorter lifetimes; this catches one derived from
      // elsewhere (today the cookie's Max-Age when no ttl is set), whatever the derivation.
      throw new IllegalStateException(
          "Seals would live "
              + sealTtl.toSeconds()
              + " s, under the "
              + Lifetimes.MIN_TTL.toMinutes()
              + "-minute floor (iron opens a seal up to 60 s past its expiration): with no ttl"
              + " set, a seal lives as long as the cookie's maxAge, "
              + describe(SettingNames.COOKIE_MAX_AGE)
              + ". Set ttl, "
              + describe(SettingNames.TTL)
              + ", to "
              + Lifetimes.MIN_TTL.toMinutes()
              + " minutes or more (a shorter maxAge is then kept), or maxAge to "
              + Lifetimes.MIN_TTL.toMinutes()
              + " minutes or more");
    }
    Optional<Duration> sliding = config.lifetimes().slidingExpiry();
    if (sliding.isPresent() && cookie.maxAgeSet() && cookie.maxAge().compareTo(sliding.get()) < 0) {
      // The Max-Age written is the sliding lifetime: a shorter one (a session cookie included)
      // would be silently replaced by a longer one.
      throw new IllegalStateException(
          describe(SettingNames.COOKIE_MAX_AGE)
              + " cannot be shorter than "
              + describe(SettingNames.SLIDING_EXPIRY)
              + " (a session cookie included): with sliding expiry the cookie's Max-Age is the"
              + " sliding lifetime; leave maxAge unset");
    }
    LegacyCookies legacy = config.legacy();
    if (legacy.secret().isPresent() && legacy.cookieName().equals(cookie.cookieName())) {
      throw new IllegalArgumentException(
          "legacyCookieName must differ from the tracker cookie's name");
    }
    if (config.revocation().isPresent() && config.sealTtl().isZero()) {
      // A revoked entry is kept until the seal it revokes expires, and a subject's cookies are
      // dated by their expiration less the lifetime: both need every seal to expire.
      throw new IllegalStateException(
          "Revocation needs seals that expire, but "
              + describe(SettingNames.SEALS_NEVER_EXPIRE)
              + " is set: without an expiration a revocation could never be forgotten, and a"
              + " cookie's issue time could not be told from its expiration");
    }
    // Each later period of a key schedule seals too: the format must take its sealing id now, not
    // when its instant comes (the period in force was checked when the config was made).
    config
        .passwordSource()
        .ring()
        .ifPresent(
            ring ->
                ring.periods()
                    .forEach(period -> config.payloadFormat().passwords(period.passwords(), null)));
    config.signIn().ifPresent(signIn -> checkSignIn(config, signIn));
    // Ask the codec now, so that a config that builds also starts.
    try {
      IronCodec.create(config.passwords(), config.sealOptions());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "The tracker passwords (" + describe(SettingNames.PASSWORD) + "): " + e.getMessage());
    }
  }

  /** Sign-in's rules with the lifetimes and revocation. */
  private static void checkSignIn(TrackerConfig config, SignInOptions signIn) {
    if (config.lifetimes().sealsNeverExpire()) {
      // The absolute lifetime caps each seal's expiration; a seal without one has nothing to cap.
      throw new IllegalStateException(
          "Sign-in needs seals that expire, but "
              + describe(SettingNames.SEALS_NEVER_EXPIRE)
              + " is set: a signed-in seal must stop opening at the end of its session");
    }
    Optional<String> revocationKey = config.revocation().flatMap(RevocationOptions::subjectKey);
    if (revocationKey.isPresent() && !revocationKey.get().equals(signIn.subjectKey())) {
      throw new IllegalStateException(
          describe(SettingNames.REVOCATION_SUBJECT_KEY)
              + " and "
              + describe(SettingNames.SIGN_IN_SUBJECT_KEY)
              + " name different keys: log-out-everywhere must find the subject sign-in wrote;"
              + " leave the revocation one unset, it follows sign-in's");
    }
  }
}
