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
 *
 * <p>A store must never drop an entry before its expiry: a dropped entry is a revocation undone. A
 * store that cannot keep one more may instead raise its {@linkplain #revokedThroughMillis() floor}.
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

  /**
   * The floor: the instant, in epoch milliseconds, at or before which every seal counts as revoked,
   * whatever the entries say; empty (the default) for a store that has none.
   *
   * <p>A store that cannot keep a new entry (a bounded store, full) raises the floor to now instead
   * of dropping entries, and may then drop every entry it holds: each names a seal issued before
   * now, or a subject's epoch before now, which the floor covers. Every visitor signed in before
   * the floor is signed out; seals issued after it are unaffected. The library asks after {@link
   * #get}, so a store raises the floor before it drops entries. A seal's issue time is its
   * expiration less the seal lifetime; a seal without an expiration counts as issued before any
   * floor.
   */
  default OptionalLong revokedThroughMillis() {
    return OptionalLong.empty();
  }

  /** Releases connections and threads; the default does nothing. */
  @Override
  default void close() {}
}
