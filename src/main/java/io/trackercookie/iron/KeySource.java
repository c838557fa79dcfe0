package io.trackercookie.iron;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * One of the two halves of an {@link IronSecret}: a password that keys are derived from, or a raw
 * key used as it stands (iron's Buffer passwords).
 */
final class KeySource {

  private static final int SHA1_BYTES = 20;

  private final byte[] passwordUtf8; // null for a raw key
  private final int passwordLengthUtf16;
  private final byte[] rawKey; // null for a password

  private KeySource(byte[] passwordUtf8, int passwordLengthUtf16, byte[] rawKey) {
    this.passwordUtf8 = passwordUtf8;
    this.passwordLengthUtf16 = passwordLengthUtf16;
    this.rawKey = rawKey;
  }

  static KeySource password(String password) {
    if (password == null || password.isEmpty()) {
      throw new IronException(IronException.Reason.PASSWORD_MISSING);
    }
    return new KeySource(Utf8.encode(password), password.length(), null);
  }

  static KeySource rawKey(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IronException(IronException.Reason.PASSWORD_MISSING);
    }
    return new KeySource(null, 0, key.clone());
  }

  boolean isRawKey() {
    return rawKey != null;
  }

  /**
   * Checks the length rule iron applies: a password of at least {@code minPasswordLength} UTF-16
   * code units (JavaScript's {@code length}), a raw key at least as long as the cipher key.
   */
  void checkLength(int minPasswordLength, int keySizeBytes) {
    boolean tooShort =
        isRawKey() ? rawKey.length < keySizeBytes : passwordLengthUtf16 < minPasswordLength;
    if (tooShort) {
      throw new IronException(IronException.Reason.PASSWORD_TOO_SHORT);
    }
  }

  /**
   * The key for one seal. For a password: PBKDF2-HMAC-SHA1 whose salt is the UTF-8 bytes of the
   * salt <em>text</em> (iron never hex-decodes it). For a raw key: its first {@code keySizeBytes}.
   */
  byte[] key(String salt, int iterations, int keySizeBytes, CryptoContext crypto) {
    if (isRawKey()) {
      return rawKey.length == keySizeBytes ? rawKey : Arrays.copyOf(rawKey, keySizeBytes);
    }
    return pbkdf2(crypto.pbkdf2Prf(passwordUtf8), Utf8.encode(salt), iterations, keySizeBytes);
  }

  /**
   * PBKDF2 (RFC 8018, section 5.2) over the JCA's HMAC-SHA1. Composed here rather than taken from
   * SecretKeyFactory so the keyed PRF can be reused across calls (a Mac returns to its keyed state
   * after doFinal, so a key costs two HMAC-SHA1 blocks and no key schedule); a test checks it
   * against {@code PBKDF2WithHmacSHA1}.
   */
  private static byte[] pbkdf2(Mac prf, byte[] salt, int iterations, int keySizeBytes) {
    byte[] derived = new byte[keySizeBytes];
    int blocks = (keySizeBytes + SHA1_BYTES - 1) / SHA1_BYTES;
    for (int block = 1; block <= blocks; block++) {
      prf.update(salt);
      prf.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
      byte[] u = prf.doFinal();
      byte[] t = u.clone();
      for (int i = 1; i < iterations; i++) {
        u = prf.doFinal(u);
        for (int j = 0; j < t.length; j++) {
          t[j] ^= u[j];
        }
      }
      int offset = (block - 1) * SHA1_BYTES;
      System.arraycopy(t, 0, derived, offset, Math.min(SHA1_BYTES, keySizeBytes - offset));
    }
    return derived;
  }

  boolean sameAs(KeySource other) {
    return isRawKey()
        ? other.isRawKey() && MessageDigest.isEqual(rawKey, other.rawKey)
        : !other.isRawKey() && MessageDigest.isEqual(passwordUtf8, other.passwordUtf8);
  }

  @Override
  public String toString() {
    return isRawKey() ? "KeySource[raw key, redacted]" : "KeySource[password, redacted]";
  }
}
