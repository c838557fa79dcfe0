package io.trackercookie.revocation;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Keeps revocations: short keys holding a number, each until its own expiry. The library writes two
 * kinds, {@code seal:<digest of the seal's MAC>} (the seal's expiration) and {@code subject:<digest
 * of the subject in Unicode NFC>} (the instant up to which that subject's seals are revoked, its
 * own millisecond included), and reads them on every request that opens a cookie, so {@link #get}
 * should answer from memory.
 *
 * <p>Implementations are thread-safe. A store that cannot be asked throws {@link
 * RevocationStoreException}; the configured policy (fail-closed by default) then decides.
 */
public interface RevocationStore extends AutoCloseable {

  /**
   * Keeps {@code value} under {@code key} until {@code expiresAt}, replacing what was there.
   *
   * @throws RevocationStoreException if the store cannot be reached
   */
  void put(String key, long value, Instant expiresAt);

  /**
   * The value under {@code key}, or empty if there is none or it has expired.
   *
   * @throws RevocationStoreException if the store cannot be reached, or if the key holds something
   *     this library did not write ({@link RevocationStoreException#foreign()})
   */
  OptionalLong get(String key);

  /** Releases connections and threads; the default does nothing. */
  @Override
  default void close() {}
}
