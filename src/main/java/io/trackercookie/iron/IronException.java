package io.trackercookie.iron;

/**
 * Thrown when a seal cannot be opened, or (for {@link Reason#SEAL_TOO_LONG}) made. {@link
 * #reason()} says why, so callers can switch on it (to count rejected cookies, say) without parsing
 * messages. A codec that is configured wrongly never gets this far: its builders and {@link
 * IronCodec#create} refuse the mistake with an {@link IllegalArgumentException} or {@link
 * IllegalStateException} naming the setting.
 *
 * <p>Messages are fixed sentences: they never contain the seal, the plaintext, a password or a
 * derived key, so they are safe to log.
 */
public final class IronException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a seal was refused, in the order {@link IronCodec#unseal} checks them. */
  public enum Reason {
    /**
     * The seal is longer than {@link IronOptions#maxSealLength()} (nothing else was looked at), or
     * a seal being made would be.
     */
    SEAL_TOO_LONG("The seal is longer than the configured maximum."),
    /** The seal does not have eight {@code *}-separated parts. */
    WRONG_PART_COUNT("The seal does not have eight parts."),
    /** The first part is not {@code Fe26.2}. */
    WRONG_PREFIX("The seal does not start with the Fe26.2 prefix."),
    /** The expiration part is not a canonical decimal number of milliseconds. */
    INVALID_EXPIRATION("The seal's expiration is not a valid timestamp."),
    /** The expiration (less the allowed clock skew) has passed. */
    EXPIRED("The seal has expired."),
    /** The seal names a password id that is not configured. */
    UNKNOWN_PASSWORD_ID("The seal names a password id that is not configured."),
    /** The HMAC does not match: the seal was altered, or made with another password. */
    BAD_MAC("The seal's integrity check failed."),
    /** The IV or ciphertext is not canonical unpadded base64url. */
    INVALID_BASE64("The seal holds invalid base64url."),
    /** The cipher rejected the IV, the ciphertext or its padding. */
    DECRYPTION_FAILED("The seal could not be decrypted."),
    /** The decrypted bytes are not valid UTF-8. */
    INVALID_UTF8("The sealed content is not valid UTF-8.");

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

  /** A failure for this reason, with the reason's fixed message. */
  public IronException(Reason reason) {
    super(reason.message());
    this.reason = reason;
  }

  /** Why the seal was refused. */
  public Reason reason() {
    return reason;
  }
}
