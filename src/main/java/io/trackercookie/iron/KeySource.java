package io.trackercookie.iron;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * One of the two halves of an {@link IronSecret}: a password that keys are derived from, or a raw
 * key used as it stands (iron's Buffer passwords).
 */
final class KeySource {

  private final byte[] passwordUtf8; // null for a raw key
  private final int passwordLengthUtf16;
  private final byte[] rawKey; // null for a password

  private KeySource(byte[] passwordUtf8, int passwordLengthUtf16, byte[] rawKey) {
    this.passwordUtf8 = passwordUtf8;
    this.passwordLengthUtf16 = passwordLengthUtf16;
    this.rawKey = rawKey;
  }

  static KeySource password(String password) {
    Objects.requireNonNull(password, "password");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password must not be empty");
    }
    return new KeySource(Utf8.encode(password), password.length(), null);
  }

  static KeySource rawKey(byte[] key) {
    Objects.requireNonNull(key, "rawKey");
    if (key.length == 0) {
      throw new IllegalArgumentException("rawKey must not be empty");
    }
    return new KeySource(null, 0, key.clone());
  }

  boolean isRawKey() {
    return rawKey != null;
  }

  /**
   * The length rule iron applies: a password of at least {@code minPasswordLength} UTF-16 code
   * units (JavaScript's {@code length}), a raw key at least as long as the key it stands for.
   *
   * @return null if this source keeps the rule, else what it must be, for a message (never the
   *     secret or its length)
   */
  String lengthRuleMissed(int minPasswordLength, int keySizeBytes) {
    if (isRawKey()) {
      return rawKey.length < keySizeBytes
          ? "a raw key of at least " + keySizeBytes + " bytes"
          : null;
    }
    return passwordLengthUtf16 < minPasswordLength
        ? "at least " + minPasswordLength + " characters long (minPasswordLength)"
        : null;
  }

  /**
   * The key for one seal. For a password: PBKDF2-HMAC-SHA1 whose salt is the UTF-8 bytes of the
   * salt <em>text</em> (iron never hex-decodes it). For a raw key: its first {@code keySizeBytes}.
   */
  byte[] key(String salt, int iterations, int keySizeBytes, CryptoContext crypto) {
    if (isRawKey()) {
      return rawKey.length == keySizeBytes ? rawKey : Arrays.copyOf(rawKey, keySizeBytes);
    }
    return crypto.pbkdf2HmacSha1(passwordUtf8, Utf8.encode(salt), iterations, keySizeBytes);
  }

  /**
   * A key for another use than sealing: HMAC-SHA256 keyed with the password's UTF-8 bytes (or the
   * raw key) over {@code label}. Unrelated to the seals' keys (PBKDF2-HMAC-SHA1 over a salt's
   * text), and to another label's; the secret itself never leaves.
   */
  byte[] derivedKey(byte[] label) {
    return CryptoContext.forCurrentThread()
        .hmacSha256(isRawKey() ? rawKey : passwordUtf8, label, label.length);
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
