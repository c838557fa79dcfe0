package io.trackercookie;

/**
 * Told what happens to tracker cookies, e.g. to count rejections in the application's metrics.
 * Register with {@link TrackerConfig.Builder#listener}. Called on request threads; keep it quick.
 * An exception thrown here is logged and otherwise ignored.
 */
public interface TrackerListener {

  /** A cookie with the tracker's name was present and refused; the tracker read as empty. */
  default void cookieRejected(RejectionReason reason) {}

  /** A Set-Cookie carrying a new seal was written; {@code setCookieBytes} is its full length. */
  default void cookieSealed(int setCookieBytes) {}

  /**
   * With revocation on and the fail-open policy: a cookie was accepted without its revocation
   * check, because the revocation store could not be asked. (Fail-closed reports {@link
   * RejectionReason#STORE_UNAVAILABLE} through {@link #cookieRejected} instead.)
   */
  default void revocationUnchecked() {}
}
