package io.trackercookie;

/**
 * Told what happens to tracker cookies, e.g. to count them in the application's metrics ({@code
 * io.trackercookie.micrometer.TrackerMetrics} is one). Register with {@link
 * TrackerConfig.Builder#listener}. Called on request threads; keep it quick. An exception thrown
 * here is logged and otherwise ignored: the request and its tracker go on.
 */
public interface TrackerListener {

  /** A cookie with the tracker's name was present and refused; the tracker read as empty. */
  default void cookieRejected(RejectionReason reason) {}

  /** A Set-Cookie carrying a new seal was written; {@code setCookieBytes} is its full length. */
  default void cookieSealed(int setCookieBytes) {}

  /**
   * A tracker cookie was opened (legacy cookies aside). {@code passwordId} is the configured id of
   * the password that opened it, {@code default} for a seal without an id: one of the configured
   * ids, never a value taken from a cookie that did not verify.
   */
  default void cookieOpened(String passwordId) {}

  /**
   * The verified-seal cache was asked for a cookie: {@code hit} when it held the seal (no crypto),
   * false when the seal had to be opened in full (or had expired). Not called when the cache is
   * off.
   */
  default void sealCacheLookup(boolean hit) {}

  /**
   * With revocation on and the fail-open policy: a cookie was accepted without its revocation
   * check, because the revocation store could not be asked. (Fail-closed reports {@link
   * RejectionReason#STORE_UNAVAILABLE} through {@link #cookieRejected} instead.)
   */
  default void revocationUnchecked() {}

  /** With revocation on: {@link Tracker#revoke()} recorded this request's cookie as revoked. */
  default void cookieRevoked() {}

  /**
   * With revocation on: {@link Revocations#revokeAllFor} recorded that every cookie of a subject
   * sealed until now is revoked (the subject is not named: it may be personal data).
   */
  default void subjectRevoked() {}

  /**
   * With revocation on: the store could not keep a revocation (the embedded store, full), and
   * rather than forget one it signed out everyone signed in until now: every cookie issued before
   * this moment reads as empty ({@code REVOKED}), later ones are unaffected. Raise the store's
   * bound ({@code tracker.revocation.maxEntries}).
   */
  default void revocationStoreOverflowed() {}

  /**
   * With the {@link CrossSiteProtection} on: an unsafe request was refused with 403 before it
   * reached its resource, for this reason.
   */
  default void requestRefused(CrossSiteRefusal reason) {}
}
