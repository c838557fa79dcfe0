package io.trackercookie.iron;

/**
 * The eight parts of a seal, as text, split but not verified. Anything read from here before {@link
 * IronCodec#unseal} succeeds is attacker-controlled.
 *
 * @param prefix always {@value IronCodec#MAC_PREFIX} once parsed
 * @param passwordId empty when the seal names none
 * @param encryptionSalt the PBKDF2 salt for the encryption key (empty with a raw key)
 * @param encryptionIv the IV, base64url
 * @param encryptedB64 the ciphertext, base64url
 * @param expiration milliseconds since the epoch as decimal text, or empty
 * @param hmacSalt the PBKDF2 salt for the integrity key (empty with a raw key)
 * @param hmac HMAC-SHA256 of the first six parts joined by {@code *}, base64url
 */
public record SealParts(
    String prefix,
    String passwordId,
    String encryptionSalt,
    String encryptionIv,
    String encryptedB64,
    String expiration,
    String hmacSalt,
    String hmac) {

  private static final int PART_COUNT = 8;

  /**
   * Splits a seal and checks the part count and the prefix, nothing more.
   *
   * @throws IronException with {@link IronException.Reason#WRONG_PART_COUNT} or {@link
   *     IronException.Reason#WRONG_PREFIX}
   */
  public static SealParts parse(String sealed) {
    // String.indexOf is a vectorised intrinsic: a seal is scanned far faster than char by char.
    String[] parts = new String[PART_COUNT];
    int count = 0;
    int start = 0;
    while (true) {
      int star = sealed.indexOf('*', start);
      int end = star < 0 ? sealed.length() : star;
      if (count == PART_COUNT) {
        throw new IronException(IronException.Reason.WRONG_PART_COUNT);
      }
      parts[count++] = sealed.substring(start, end);
      if (star < 0) {
        break;
      }
      start = star + 1;
    }
    if (count != PART_COUNT) {
      throw new IronException(IronException.Reason.WRONG_PART_COUNT);
    }
    if (!IronCodec.MAC_PREFIX.equals(parts[0])) {
      throw new IronException(IronException.Reason.WRONG_PREFIX);
    }
    return new SealParts(
        parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], parts[7]);
  }

  /** The text the HMAC covers: the first six parts joined by {@code *}. */
  String macBase(String sealed) {
    // The first six parts and their five separators are a prefix of the seal itself.
    int length =
        prefix.length()
            + passwordId.length()
            + encryptionSalt.length()
            + encryptionIv.length()
            + encryptedB64.length()
            + expiration.length()
            + 5;
    return sealed.substring(0, length);
  }

  @Override
  public String toString() {
    // The parts are opaque but still a credential: show sizes only.
    return "SealParts[passwordId="
        + passwordId
        + ", encryptionSaltLength="
        + encryptionSalt.length()
        + ", encryptionIvLength="
        + encryptionIv.length()
        + ", encryptedLength="
        + encryptedB64.length()
        + ", expiration="
        + expiration
        + ", hmacSaltLength="
        + hmacSalt.length()
        + ", hmacLength="
        + hmac.length()
        + "]";
  }
}
