package io.trackercookie.revocation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.trackercookie.settings.SettingNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The revocation store of a single node: in this JVM, bounded in entries, each entry dropped when
 * it expires (with the seal it revokes). Revocations are lost when the JVM stops and are not seen
 * by other nodes; a fleet shares a Redis store instead.
 *
 * <p>It never drops an entry before it expires. When a new entry finds it full (after the expired
 * ones have gone), it fails closed: it raises its {@linkplain #revokedThroughMillis() floor} to
 * now, so that every seal issued until now reads as revoked, and then empties itself, since the
 * floor covers every entry it held (each names a seal issued before now, or a subject's epoch
 * before now). Everyone signed in before that moment is signed out; cookies issued afterwards work
 * as before, and the store fills again from empty. Memory stays within the bound, plus one number.
 *
 * <p>An overflow is logged as a WARNING that says to raise the bound: the first, then at most one
 * an hour while it goes on (each counting the overflows since the last), the others at FINE. The
 * library counts every overflow through its listener. Thread-safe; writes are serialised, reads are
 * not.
 */
public final class EmbeddedRevocationStore implements RevocationStore {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  /** The least time between two full-store WARNINGs: an attacker must not flood the log. */
  static final Duration WARNING_INTERVAL = Duration.ofHours(1);

  private record Entry(long value, long expiresAtMillis) {}

  private final Cache<String, Entry> entries;
  private final int maxEntries;
  private final Clock clock;
  // Raised before the entries it covers are dropped: a reader that misses an entry sees it.
  private volatile OptionalLong floor = OptionalLong.empty();

  // Puts are rare (a logout): the bound is checked and kept under one lock, which guards these too.
  private final Object writeLock = new Object();
  private long nextWarningMillis = Long.MIN_VALUE;
  private int overflowsSinceWarning;

  /**
   * A store of at most {@code maxEntries} entries, whose expiries are read on {@code clock}.
   *
   * @throws IllegalArgumentException if maxEntries is below 1
   * @throws NullPointerException if clock is null
   */
  public EmbeddedRevocationStore(int maxEntries, Clock clock) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.entries =
        Caffeine.newBuilder()
            // No maximumSize: Caffeine would evict live entries. The bound is kept in put().
            // Maintenance on the calling thread, not a shared pool.
            .executor(Runnable::run)
            // The configured clock, so tests that move time see entries go; get() checks
            // expiry itself as well, so pruning late never keeps a revocation too long.
            .ticker(() -> clock.millis() * 1_000_000L)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry entry, long now) {
                    return Math.max(0, entry.expiresAtMillis() * 1_000_000L - now);
                  }

                  @Override
                  public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                    return expireAfterCreate(key, entry, now);
                  }

                  @Override
                  public long expireAfterRead(String key, Entry entry, long now, long current) {
                    return current;
                  }
                })
            .build();
  }

  @Override
  public void put(String key, long value, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Entry entry = new Entry(value, expiresAt.toEpochMilli());
    synchronized (writeLock) {
      if (entries.estimatedSize() >= maxEntries && !entries.asMap().containsKey(key)) {
        entries.cleanUp(); // the expired ones go first
        if (entries.estimatedSize() >= maxEntries) {
          overflow();
        }
      }
      entries.put(key, entry);
    }
  }

  /** Full: raise the floor to now, then drop what it covers, which is everything held. */
  private void overflow() {
    long now = clock.millis();
    OptionalLong previous = floor;
    floor = OptionalLong.of(previous.isPresent() ? Math.max(previous.getAsLong(), now) : now);
    entries.invalidateAll();
    entries.cleanUp();
    overflowsSinceWarning++;
    if (now >= nextWarningMillis) {
      // Never a key: it is a digest, but of a seal or a subject.
      LOG.warning(
          "The embedded revocation store is full ("
              + maxEntries
              + " entries"
              + (overflowsSinceWarning > 1
                  ? "; " + overflowsSinceWarning + " times since the last warning"
                  : "")
              + "): so that no revocation is undone, every cookie issued until now reads as empty"
              + " (its visitor is signed out); raise "
              + SettingNames.REVOCATION_MAX_ENTRIES);
      overflowsSinceWarning = 0;
      nextWarningMillis = now + WARNING_INTERVAL.toMillis();
    } else {
      LOG.log(Level.FINE, "The embedded revocation store is full again: signed everyone out");
    }
  }

  @Override
  public OptionalLong get(String key) {
    Entry entry = entries.getIfPresent(key);
    if (entry == null || entry.expiresAtMillis() <= clock.millis()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(entry.value());
  }

  /**
   * The instant (epoch milliseconds) of the last overflow, at or before which every seal reads as
   * revoked; empty until the store has been full.
   */
  @Override
  public OptionalLong revokedThroughMillis() {
    return floor;
  }

  /** Entries held, for tests and diagnostics (expired ones may linger until pruned). */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
