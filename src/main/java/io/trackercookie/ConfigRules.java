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
   *     browsers refuse without Secure; if the legacy cookie's name is the tracker's; if the codec
   *     refuses the passwords with the seal options
   * @throws IllegalStateException if the cookie's Max-Age is shorter than the sliding expiry; if
   *     revocation is on but seals never expire
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
    // Ask the codec now, so that a config that builds also starts.
    try {
      IronCodec.create(config.passwords(), config.sealOptions());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "The tracker passwords (" + describe(SettingNames.PASSWORD) + "): " + e.getMessage());
    }
  }
}
