package io.trackercookie;

import java.time.Duration;

/**
 * The preset for signed-in sessions ({@link TrackerConfig.Builder#signedInSessions()}, the setting
 * {@code tracker.preset=signed-in-sessions}): one call that sets, through the groups' own setters,
 * what OWASP ASVS's session rows ask of a cookie that keeps a user signed in. Each default and why:
 *
 * <ul>
 *   <li>Sign-in on, with a 12-hour absolute lifetime ({@link SignInOptions#defaults()}): ASVS 4.0.3
 *       3.3.2 (level 2) asks for re-authentication at least every 12 hours however active.
 *   <li>Sliding expiry of 30 minutes: the same row's idle timeout for level 2.
 *   <li>Revocation on, embedded unless revocation was set before (Redis for a fleet): sign-out and
 *       sign-in end the seal the request came with (3.3.1, 3.2.1).
 *   <li>{@code __Host-} prefix, Secure, HttpOnly, SameSite=Lax (3.4.1 to 3.4.4): the prefix keeps
 *       sibling subdomains from setting or tossing the cookie. It is left off with {@code
 *       insecureLoopbackForDevelopment}, since browsers refuse {@code __Host-} without Secure.
 *   <li>The cross-site protection on ({@link CrossSiteProtection#on()}): an unsafe request another
 *       site makes (a form posting to the sign-in, or to anything a signed-in cookie allows) is
 *       refused, beyond what SameSite=Lax stops (a sibling subdomain, a top-level POST in older
 *       browsers). The token is not required: turn {@code requireToken} on where pages can send it.
 * </ul>
 */
final class SignedInSessions {

  /** The preset's idle timeout: ASVS 4.0.3 3.3.2's 30 minutes of inactivity (level 2). */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

  /** The setting's value that names this preset. */
  static final String NAME = "signed-in-sessions";

  private SignedInSessions() {}

  static void applyTo(TrackerConfig.Builder builder) {
    builder.signIn(SignInOptions.defaults());
    builder.lifetimes(Lifetimes.builder().slidingExpiry(IDLE_TIMEOUT).build());
    if (!builder.revocationOn()) {
      builder.revocation(RevocationOptions.embedded());
    }
    builder.cookie.secure(true).httpOnly(true).sameSite(CookieSettings.SameSite.LAX);
    builder.cookie.hostPrefix(true);
    builder.hostPrefixFromPreset = true;
    builder.crossSite.enabled(true);
  }

  /**
   * The cookie's settings as built: with the preset's {@code __Host-} prefix left off in
   * development, where the request may be plain http and browsers refuse the prefix without Secure.
   */
  static CookieSettings cookieFor(TrackerConfig.Builder builder) {
    CookieSettings cookie = builder.cookie.build();
    if (builder.hostPrefixFromPreset && builder.developmentLoopback()) {
      return cookie.toBuilder().hostPrefix(false).build();
    }
    return cookie;
  }
}
