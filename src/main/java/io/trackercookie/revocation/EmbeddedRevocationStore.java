package io.trackercookie.revocation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The revocation store of a single node: in this JVM, bounded in entries, each entry dropped when
 * it expires (with the seal it revokes). Revocations are lost when the JVM stops and are not seen
 * by other nodes; a fleet shares a Redis store instead.
 *
 * <p>When full, Caffeine's size eviction drops entries before they expire, which undoes those
 * revocations: a WARNING is logged once, and the bound should then be raised. Thread-safe.
 */
public final class EmbeddedRevocationStore implements RevocationStore {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private record Entry(long value, long expiresAtMillis) {}

  private final Cache<String, Entry> entries;
  private final Clock clock;
  private final AtomicBoolean warnedFull = new AtomicBoolean();

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
    this.clock = Objects.requireNonNull(clock, "clock");
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            // Maintenance and the full-store warning on the calling thread, not a shared pool.
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
            .removalListener(
                (@Nullable String key, @Nullable Entry entry, RemovalCause cause) -> {
                  if (cause == RemovalCause.SIZE && warnedFull.compareAndSet(false, true)) {
                    LOG.warning(
                        "The embedded revocation store is full ("
                            + maxEntries
                            + " entries): revocations are being dropped before they expire;"
                            + " raise tracker.revocation.maxEntries");
                  }
                })
            .build();
  }

  @Override
  public void put(String key, long value, Instant expiresAt) {
    entries.put(Objects.requireNonNull(key, "key"), new Entry(value, expiresAt.toEpochMilli()));
  }

  @Override
  public OptionalLong get(String key) {
    Entry entry = entries.getIfPresent(key);
    if (entry == null || entry.expiresAtMillis() <= clock.millis()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(entry.value());
  }

  /** Entries held, for tests and diagnostics (expired ones may linger until pruned). */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}
