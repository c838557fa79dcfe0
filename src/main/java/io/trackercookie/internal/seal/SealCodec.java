package io.trackercookie.internal.seal;

import io.trackercookie.iron.IronException;
import io.trackercookie.iron.Unsealed;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The seam between the filters and the seal format. Opening returns what the seal said about itself
 * (password id, expiration, whether the current password made it), so the response side can reseal
 * an unchanged tracker for key rotation and sliding expiry. Implementations are thread-safe.
 */
public interface SealCodec {

  /** Seals plaintext into a cookie value, with the current password. */
  String seal(String plaintext);

  /**
   * Seals plaintext into a cookie value that expires no later than {@code notAfter} (the ttl's
   * expiration if that comes first): a reseal nobody asked for keeps the original seal's life.
   */
  String seal(String plaintext, Instant notAfter);

  /**
   * As {@link #seal(String)}, or {@link #seal(String, Instant)} when {@code notAfter} is not null,
   * with what {@code decoder} makes of the plaintext on offer: a codec that keeps verified seals
   * may keep {@code payload} with the seal and, when the seal is first opened with that decoder,
   * ask it instead of decoding. It gives exactly what {@code decoder.decode(plaintext)} would, or
   * null when it cannot tell; what it gives is shared and must not change, as any shared payload.
   */
  default <T> String seal(
      String plaintext, Instant notAfter, PayloadDecoder<T> decoder, Supplier<T> payload) {
    return notAfter == null ? seal(plaintext) : seal(plaintext, notAfter);
  }

  /**
   * Opens a cookie value: its text, password id, expiration and whether it was sealed with the
   * current password.
   *
   * @throws IronException for anything that is not a valid, unexpired seal made with an accepted
   *     password
   */
  Unsealed open(String sealed);

  /** Turns an opened seal's text into what the caller works with; may refuse it. */
  @FunctionalInterface
  interface PayloadDecoder<T> {
    T decode(String text) throws TrackerJson.Rejected;
  }

  /** An opened seal and its decoded payload. */
  record Decoded<T>(Unsealed unsealed, T payload) {}

  /**
   * Opens a cookie value and decodes its text. A codec that keeps verified seals may hand back the
   * payload it decoded for the same seal before, with the same decoder: a payload is then shared by
   * every request that sends that cookie, so callers must never modify it.
   *
   * @throws IronException as {@link #open}
   * @throws TrackerJson.Rejected when the decoder refuses the text (never cached)
   */
  default <T> Decoded<T> open(String sealed, PayloadDecoder<T> decoder)
      throws TrackerJson.Rejected {
    Unsealed unsealed = open(sealed);
    return new Decoded<>(unsealed, decoder.decode(unsealed.text()));
  }

  /** The exact length of {@link #seal}'s result for a plaintext of this many UTF-8 bytes. */
  int sealedLength(int plaintextBytes);
}
