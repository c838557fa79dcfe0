package io.trackercookie;

/**
 * Why a tracker cookie was not accepted. A rejected cookie reads as an empty tracker; the request
 * goes on. {@link TrackerListener#cookieRejected} is told the reason, for metrics.
 */
public enum RejectionReason {
  /**
   * The value has a character outside printable ASCII; a seal never does. Checked before crypto.
   */
  NON_ASCII,
  /** The value is longer than a browser keeps (4096); refused before any crypto. */
  OVERSIZE,
  /** Not a seal: wrong number of parts, wrong prefix, bad expiration or base64 text. */
  MALFORMED,
  /** The seal's expiration (iron's ttl, less the allowed skew) has passed. */
  EXPIRED,
  /** The seal names a password id that is not configured (retired or foreign key). */
  UNKNOWN_PASSWORD_ID,
  /** The MAC does not match: tampered, truncated, or sealed with another password. */
  BAD_MAC,
  /** The MAC matched but the content could not be decrypted into UTF-8 text. */
  UNDECRYPTABLE,
  /** The sealed text is not JSON, or nests deeper than the bound. */
  INVALID_JSON,
  /** The sealed JSON is valid but not an object (a number, a string, an array...). */
  NOT_AN_OBJECT,
  /** The JSON has a {@code __proto__} key, which Node's iron (Bourne) refuses too. */
  FORBIDDEN_KEY,
  /**
   * The seal was revoked ({@link Tracker#revoke()}), or sealed for a subject before its {@link
   * Revocations#revokeAllFor} (or the revocation store holds a value under its key that this
   * library did not write). Checked only with revocation on, after the seal opened.
   */
  REVOKED,
  /**
   * The revocation store could not be asked and the policy is fail-closed: the cookie reads as
   * empty for this request and the response leaves it in place.
   */
  STORE_UNAVAILABLE,
  /**
   * The seal holds a sign-in older than the absolute lifetime ({@link
   * SignInOptions#absoluteLifetime()}): the session is over. Each seal of a session expires at its
   * end, so this names one that still opens (inside iron's 60 s clock skew, or after the absolute
   * lifetime was shortened); past the skew iron refuses it as {@link #EXPIRED}. Checked only with
   * sign-in on.
   */
  SIGN_IN_EXPIRED
}
