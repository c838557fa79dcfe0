package io.trackercookie.iron;

import java.util.HexFormat;

/**
 * A salt pair and the two keys derived from it for one secret: what a seal is made with.
 *
 * @param secret the secret the keys were derived from (compared by identity)
 * @param encryptionSalt the encryption salt as the seal writes it: lowercase hex, empty for a raw
 *     key
 * @param encryptionKey the AES key
 * @param hmacSalt the integrity salt as the seal writes it
 * @param integrityKey the HMAC-SHA256 key
 */
// Never compared or hashed: the arrays are keys handed to the JCA, never copied out of the codec.
@SuppressWarnings("ArrayRecordComponent")
record SealKeys(
    IronSecret secret,
    String encryptionSalt,
    byte[] encryptionKey,
    String hmacSalt,
    byte[] integrityKey) {

  static final int INTEGRITY_KEY_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Two new random salts (none for a raw key, which iron uses as it stands) and their keys. The
   * salt bytes are drawn at random and written as hex; iron derives from the hex text.
   */
  static SealKeys drawn(IronSecret secret, IronOptions options, CryptoContext crypto) {
    int encryptionSaltBytes = secret.encryption().isRawKey() ? 0 : options.encryptionSaltBits() / 8;
    int hmacSaltBytes = secret.integrity().isRawKey() ? 0 : options.integritySaltBits() / 8;
    byte[] salts = new byte[encryptionSaltBytes + hmacSaltBytes];
    crypto.nextBytes(salts);
    String encryptionSalt = HEX.formatHex(salts, 0, encryptionSaltBytes);
    String hmacSalt = HEX.formatHex(salts, encryptionSaltBytes, salts.length);
    return new SealKeys(
        secret,
        encryptionSalt,
        encryptionKey(secret, encryptionSalt, options, crypto),
        hmacSalt,
        integrityKey(secret, hmacSalt, options, crypto));
  }

  static byte[] encryptionKey(
      IronSecret secret, String encryptionSalt, IronOptions options, CryptoContext crypto) {
    return secret
        .encryption()
        .key(
            encryptionSalt,
            options.encryptionIterations(),
            options.algorithm().keySizeBytes(),
            crypto);
  }

  static byte[] integrityKey(
      IronSecret secret, String hmacSalt, IronOptions options, CryptoContext crypto) {
    return secret
        .integrity()
        .key(hmacSalt, options.integrityIterations(), INTEGRITY_KEY_BYTES, crypto);
  }

  /** True if a seal with these parts, opened with {@code secret}, was made with these keys. */
  boolean madeSeal(IronSecret openingSecret, SealParts parts) {
    return secret == openingSecret
        && hmacSalt.equals(parts.hmacSalt())
        && encryptionSalt.equals(parts.encryptionSalt());
  }

  @Override
  public String toString() {
    return "SealKeys[redacted]"; // the keys are secret, and the salts say which seals they open
  }
}
