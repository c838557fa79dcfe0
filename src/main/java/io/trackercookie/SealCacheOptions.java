package io.trackercookie;

import io.trackercookie.settings.SettingNames;

/**
 * The bounds of the verified-seal cache, on by default. It holds seals whose MAC the config's
 * passwords verified, and the seals this server wrote, keyed by the exact cookie value, and
 * re-checks expiry on every hit; {@link Builder#maxEntries maxEntries} 0 turns it off, and every
 * request's cookie is then opened in full. Immutable.
 */
public final class SealCacheOptions {

  /** Default entries of the verified-seal cache. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  /** Default estimated heap bytes of the verified-seal cache (16 MiB). */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  /**
   * The smallest byte bound (64 KiB): room for one entry of the largest seal a single cookie holds
   * (4096 bytes), which the cache estimates at under 40 KiB with its text and parsed tree. A
   * smaller bound would let no such seal in, and a cache that holds nothing costs a lookup on every
   * request for no hit. A chunked tracker larger than one cookie needs a larger bound to be cached.
   */
  public static final long MIN_MAX_BYTES = 64L * 1024;

  private final int maxEntries;
  private final long maxBytes;

  private SealCacheOptions(Builder b) {
    this.maxEntries = b.maxEntries;
    this.maxBytes = b.maxBytes;
  }

  /** The default bounds. */
  public static SealCacheOptions defaults() {
    return builder().build();
  }

  /** No cache: every request's cookie is opened in full. */
  public static SealCacheOptions off() {
    return builder().maxEntries(0).build();
  }

  /** A builder with the default bounds. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these bounds, to change one of them. */
  public Builder toBuilder() {
    return new Builder().maxEntries(maxEntries).maxBytes(maxBytes);
  }

  /** Entries the cache holds at most; 0 when it is off. */
  public int maxEntries() {
    return maxEntries;
  }

  /** The bound on the cache's estimated heap bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Whether the cache is on. */
  public boolean enabled() {
    return maxEntries > 0;
  }

  @Override
  public String toString() {
    return enabled() ? maxEntries + " entries/" + maxBytes + " bytes" : "off";
  }

  /** Builds {@link SealCacheOptions}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private long maxBytes = DEFAULT_MAX_BYTES;

    private Builder() {}

    /**
     * Entries the cache holds at most; default {@value SealCacheOptions#DEFAULT_MAX_ENTRIES}; 0
     * turns the cache off.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 0) {
        throw new IllegalArgumentException(
            "sealCache maxEntries must not be negative, was " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * The bound on the cache's estimated heap bytes; default {@value
     * SealCacheOptions#DEFAULT_MAX_BYTES} (16 MiB).
     *
     * @throws IllegalArgumentException if below {@link #MIN_MAX_BYTES} (64 KiB)
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < MIN_MAX_BYTES) {
        throw new IllegalArgumentException(
            "sealCache maxBytes, "
                + SettingNames.describe(SettingNames.SEAL_CACHE_MAX_BYTES)
                + ", must be at least "
                + MIN_MAX_BYTES
                + " (room for one seal as large as a cookie), was "
                + maxBytes
                + "; maxEntries 0 turns the cache off");
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /** The bounds; each value was checked when it was set. */
    public SealCacheOptions build() {
      return new SealCacheOptions(this);
    }
  }
}
