package io.trackercookie.iron;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one password id stands for: a password (or raw key) used for both encryption and integrity,
 * or a separate one for each, as iron's {@code {encryption, integrity}} form.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the secret.
 */
public final class IronSecret {

  private final KeySource encryption;
  private final KeySource integrity;

  private IronSecret(KeySource encryption, KeySource integrity) {
    this.encryption = encryption;
    this.integrity = integrity;
  }

  /**
   * A password from which iron derives a key per salt (PBKDF2-HMAC-SHA1).
   *
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if empty
   */
  public static IronSecret password(String password) {
    KeySource source = KeySource.password(password);
    return new IronSecret(source, source);
  }

  /**
   * Raw key bytes used as they stand, like a Buffer password in iron (the seal's salts are then
   * empty). Needs at least as many bytes as the cipher key (32 for AES-256-CBC), which {@link
   * IronCodec#create} checks.
   *
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if empty
   */
  public static IronSecret rawKey(byte[] key) {
    KeySource source = KeySource.rawKey(key);
    return new IronSecret(source, source);
  }

  /** Separate secrets for encryption and for integrity; each half of the arguments is used. */
  public static IronSecret separate(IronSecret encryption, IronSecret integrity) {
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(integrity, "integrity");
    return new IronSecret(encryption.encryption, integrity.integrity);
  }

  KeySource encryption() {
    return encryption;
  }

  KeySource integrity() {
    return integrity;
  }

  /** Null if both halves keep iron's length rule, else what the first short one must be. */
  @Nullable String lengthRuleMissed(int minPasswordLength, IronAlgorithm algorithm) {
    String missed = encryption.lengthRuleMissed(minPasswordLength, algorithm.keySizeBytes());
    return missed != null
        ? missed
        : integrity.lengthRuleMissed(minPasswordLength, SealKeys.INTEGRITY_KEY_BYTES);
  }

  /** True if both halves hold the same bytes as the other secret's; compared in constant time. */
  public boolean sameAs(IronSecret other) {
    return encryption.sameAs(other.encryption) && integrity.sameAs(other.integrity);
  }

  @Override
  public String toString() {
    return "IronSecret[redacted]";
  }
}
