package io.trackercookie.iron;

import org.jspecify.annotations.Nullable;

/**
 * Where one codec's seals get their salts and keys, as its {@link SaltPolicy} says: the only part
 * of a codec that changes as it seals. Thread-safe.
 */
sealed interface SaltSource permits SaltSource.Fresh, ReusedSalts {

  /** The source for a codec with these options. */
  static SaltSource of(IronOptions options) {
    SaltPolicy policy = options.saltPolicy();
    return policy.isFresh() ? new Fresh(options) : new ReusedSalts(options, policy);
  }

  /** The salts and keys for the next seal with {@code secret}. */
  SealKeys forSeal(IronSecret secret, CryptoContext crypto);

  /**
   * The keys of a seal made with a salt pair this source still holds, so that opening it skips
   * PBKDF2; null for any other seal. They are the keys PBKDF2 would give for the same secret and
   * salts, so the checks on the seal are unchanged.
   */
  @Nullable SealKeys heldFor(IronSecret secret, SealParts parts);

  /** {@link SaltPolicy#fresh()}: new salts and keys for every seal, nothing held. */
  final class Fresh implements SaltSource {
    private final IronOptions options;

    Fresh(IronOptions options) {
      this.options = options;
    }

    @Override
    public SealKeys forSeal(IronSecret secret, CryptoContext crypto) {
      return SealKeys.drawn(secret, options, crypto);
    }

    @Override
    public @Nullable SealKeys heldFor(IronSecret secret, SealParts parts) {
      return null;
    }
  }
}
