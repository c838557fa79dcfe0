package io.trackercookie;

/**
 * The cookie a sign-in chooses ({@link Tracker#signIn(String, SignInCookie)}), kept in the seal
 * across every write, reseal and reissue of that session: the "remember me" box of a sign-in form.
 */
public enum SignInCookie {
  /**
   * A session cookie (no Max-Age: the browser drops it when it closes) whose seal lives the idle
   * timeout from each write (the sliding lifetime, or the ttl), and never past the absolute
   * lifetime. The default.
   */
  SESSION,
  /**
   * A persistent cookie that, like its seals, ends {@link SignInOptions#rememberFor()} after
   * sign-in (within the absolute lifetime), however idle the visitor.
   */
  PERSISTENT
}
