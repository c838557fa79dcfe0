package io.trackercookie.internal;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;

/**
 * The seam between the filters and the seal format: key rotation, sliding expiry, legacy cookies
 * or chunking can be added behind it without touching the filters. Implementations are
 * thread-safe.
 */
public interface SealCodec {

  /** Seals plaintext into a cookie value. */
  String seal(String plaintext);

  /**
   * Opens a cookie value.
   *
   * @throws IronException for anything that is not a valid, current seal
   */
  String unseal(String sealed);

  /** The exact length of {@link #seal}'s result for a plaintext of this many UTF-8 bytes. */
  int sealedLength(int plaintextBytes);

  /** The codec for an iron codec. */
  static SealCodec iron(IronCodec codec) {
    return new IronSealCodec(codec);
  }
}
