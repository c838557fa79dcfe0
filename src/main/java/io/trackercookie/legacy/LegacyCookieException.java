package io.trackercookie.legacy;

/**
 * Thrown when a legacy cookie-sessions cookie cannot be read. {@link #reason()} says why, so a
 * caller can count or switch on failures without parsing messages.
 *
 * <p>Messages are fixed sentences: they never contain the cookie value, the session JSON or the
 * secret, so they are safe to log.
 */
public final class LegacyCookieException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a cookie was refused, in the order {@link LegacySessionDecoder#open} checks them. */
  public enum Reason {
    /**
     * The value is longer than {@link LegacySessionDecoder#maxCookieLength()}; nothing else was
     * read.
     */
    TOO_LONG("The cookie is longer than the configured maximum."),
    /**
     * The value is not 40 lowercase hex chars of HMAC, a canonical 13-digit timestamp and a
     * non-empty, even-length run of lowercase hex.
     */
    MALFORMED("The cookie is not in the cookie-sessions format."),
    /** The HMAC does not match: the cookie was altered, or made with another secret. */
    BAD_MAC("The cookie's integrity check failed."),
    /** The timestamp plus the timeout is not after the current time. */
    EXPIRED("The cookie has expired."),
    /** AES-192-CBC rejected the ciphertext (block length or padding). */
    DECRYPTION_FAILED("The cookie could not be decrypted."),
    /** The decrypted bytes are not valid UTF-8. */
    INVALID_UTF8("The cookie's content is not valid UTF-8."),
    /** The decrypted text is not one JSON value. */
    INVALID_JSON("The cookie's content is not valid JSON.");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    /** The fixed sentence used as the exception message. */
    public String message() {
      return message;
    }
  }

  private final Reason reason;

  /** An exception whose message is {@code reason.message()}. */
  public LegacyCookieException(Reason reason) {
    super(reason.message());
    this.reason = reason;
  }

  /** Why the cookie was refused. */
  public Reason reason() {
    return reason;
  }
}
