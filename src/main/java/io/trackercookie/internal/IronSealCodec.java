package io.trackercookie.internal;

import io.trackercookie.iron.IronAlgorithm;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.Unsealed;

/**
 * {@link SealCodec} over iron. A seal's length is an exact function of the plaintext's length
 * (fixed-size salts, IV, MAC and expiration digits), so it is measured once here and predicted
 * afterwards without crypto. With a {@link VerifiedSealCache}, an unchanged cookie is opened once
 * and then served from the cache.
 */
final class IronSealCodec implements SealCodec {

  private final IronCodec codec;
  private final VerifiedSealCache cache; // null: every seal is opened in full
  private final boolean blockCipher;
  private final int overhead;

  IronSealCodec(IronCodec codec) {
    this(codec, null);
  }

  IronSealCodec(IronCodec codec, VerifiedSealCache cache) {
    this.codec = codec;
    this.cache = cache;
    this.blockCipher = codec.options().algorithm() == IronAlgorithm.AES_256_CBC;
    this.overhead = codec.seal("").length() - base64Length(cipherLength(0));
  }

  @Override
  public String seal(String plaintext) {
    return codec.seal(plaintext);
  }

  @Override
  public String unseal(String sealed) {
    return open(sealed).text();
  }

  Unsealed open(String sealed) {
    return cache == null ? codec.open(sealed) : cache.open(sealed);
  }

  @Override
  public int sealedLength(int plaintextBytes) {
    return overhead + base64Length(cipherLength(plaintextBytes));
  }

  private int cipherLength(int plaintextBytes) {
    // CBC with PKCS#7 always adds 1 to 16 bytes of padding; CTR is a stream.
    return blockCipher ? (plaintextBytes / 16 + 1) * 16 : plaintextBytes;
  }

  private static int base64Length(int bytes) {
    int remainder = bytes % 3;
    return bytes / 3 * 4 + (remainder == 0 ? 0 : remainder + 1);
  }
}
