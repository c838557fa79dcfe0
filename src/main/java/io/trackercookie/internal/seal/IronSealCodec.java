package io.trackercookie.internal.seal;

import io.trackercookie.iron.IronAlgorithm;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.Unsealed;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * {@link SealCodec} over iron. A seal's length is an exact function of the plaintext's length
 * (fixed-size salts, IV, MAC and expiration digits), so it is measured once here and predicted
 * afterwards without crypto. With a {@link VerifiedSealCache}, an unchanged cookie is opened once
 * and then served from the cache.
 */
public final class IronSealCodec implements SealCodec {

  private final IronCodec codec;
  private final VerifiedSealCache cache; // null: every seal is opened in full
  private final boolean blockCipher;
  private final int overhead;

  public IronSealCodec(IronCodec codec) {
    this(codec, null);
  }

  public IronSealCodec(IronCodec codec, VerifiedSealCache cache) {
    this.codec = codec;
    this.cache = cache;
    this.blockCipher = codec.options().algorithm() == IronAlgorithm.AES_256_CBC;
    this.overhead = codec.seal("").length() - base64Length(cipherLength(0));
  }

  @Override
  public String seal(String plaintext) {
    return seal(plaintext, null, null, null);
  }

  @Override
  public String seal(String plaintext, Instant notAfter) {
    return seal(plaintext, notAfter, null, null);
  }

  @Override
  public <T> String seal(
      String plaintext, Instant notAfter, PayloadDecoder<T> decoder, Supplier<T> payload) {
    if (cache == null) {
      return notAfter == null ? codec.seal(plaintext) : codec.seal(plaintext, notAfter);
    }
    // A browser sends back the seal the response sets, so a visitor whose requests each change
    // the tracker would otherwise bring a seal the cache has never seen every time: a full open.
    // The codec describes its own seal exactly as opening it would, so it enters as verified.
    IronCodec.Sealed sealed = codec.sealDescribed(plaintext, notAfter);
    String value = sealed.value();
    // The payload on offer describes the plaintext: a seal that holds other text (a lone surrogate
    // written as U+FFFD) has its payload decoded on its first hit instead.
    boolean holdsPlaintext = sealed.opened().text().equals(plaintext);
    cache.remember(value, sealed.opened(), holdsPlaintext ? decoder : null, payload);
    return value;
  }

  @Override
  public Unsealed open(String sealed) {
    return cache == null ? openInFull(sealed) : cache.open(sealed, this::openInFull);
  }

  @Override
  public <T> Decoded<T> open(String sealed, PayloadDecoder<T> decoder) throws TrackerJson.Rejected {
    if (cache == null) {
      return SealCodec.super.open(sealed, decoder);
    }
    return cache.open(sealed, this::openInFull, decoder);
  }

  private Unsealed openInFull(String sealed) {
    return codec.open(sealed);
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
