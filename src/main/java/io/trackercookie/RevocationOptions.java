package io.trackercookie;

import io.trackercookie.revocation.RevocationStore;
import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How revocation works when it is on ({@link TrackerConfig.Builder#revocation}): which store keeps
 * revoked seals ({@link Builder#embedded()} by default, {@link Builder#redis} for a fleet, or an
 * application's own {@link RevocationStore}), the tracker key that names a cookie's subject for
 * {@link Revocations#revokeAllFor}, and what a request does when the store cannot be asked
 * (fail-closed by default). Immutable; {@link #toString()} never shows the Redis URL, which may
 * hold a password.
 *
 * <pre>{@code
 * TrackerConfig.builder().password(secret).ttl(Duration.ofDays(7))
 *     .revocation(RevocationOptions.builder().redis(System.getenv("REDIS_URL")).subjectKey("userId").build())
 *     .build();
 * }</pre>
 */
public final class RevocationOptions {

  /** Default bound of the embedded store and of the Redis store's local view. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  /** Default time a Redis command may take before the store counts as unavailable. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

  /** The longest time a Redis command may be given. */
  public static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);

  /** Default prefix of the Redis keys. */
  public static final String DEFAULT_KEY_PREFIX = "tracker-cookie:revoked:";

  /** Where revocations are kept. */
  public enum StoreKind {
    /** In this JVM ({@link io.trackercookie.revocation.EmbeddedRevocationStore}). */
    EMBEDDED,
    /** In Redis, through Lettuce ({@code io.trackercookie.redis.RedisRevocationStore}). */
    REDIS,
    /** The application's own {@link RevocationStore}. */
    CUSTOM
  }

  private final StoreKind storeKind;
  private final @Nullable String redisUrl; // null unless REDIS
  private final @Nullable RevocationStore store; // null unless CUSTOM
  private final @Nullable String subjectKey; // null: revokeAllFor is off
  private final boolean failOpen;
  private final int maxEntries;
  private final Duration timeout;
  private final String keyPrefix;

  private RevocationOptions(Builder b) {
    this.storeKind = b.storeKind;
    this.redisUrl = b.redisUrl;
    this.store = b.store;
    this.subjectKey = b.subjectKey;
    this.failOpen = b.failOpen;
    this.maxEntries = b.maxEntries;
    this.timeout = b.timeout;
    this.keyPrefix = b.keyPrefix;
  }

  /** A builder with the embedded store and every default; no subject key. */
  public static Builder builder() {
    return new Builder();
  }

  /** The embedded store with every default. */
  public static RevocationOptions embedded() {
    return builder().build();
  }

  /** Where revocations are kept. */
  public StoreKind storeKind() {
    return storeKind;
  }

  /**
   * The Redis URL when the store is Redis. It may hold a password: reading it is a deliberate act,
   * nothing else here shows it.
   */
  public Optional<String> redisUrl() {
    return Optional.ofNullable(redisUrl);
  }

  /** The application's own store, when it gave one. */
  public Optional<RevocationStore> store() {
    return Optional.ofNullable(store);
  }

  /** The tracker key whose value names the cookie's subject, if log-out-everywhere is on. */
  public Optional<String> subjectKey() {
    return Optional.ofNullable(subjectKey);
  }

  /**
   * Whether a cookie is accepted unchecked when the store cannot be asked (fail-open); false, the
   * default, refuses it for that request (fail-closed).
   */
  public boolean failOpen() {
    return failOpen;
  }

  /** The embedded store's bound, or the Redis store's local view's. */
  public int maxEntries() {
    return maxEntries;
  }

  /** How long a Redis command may take before the store counts as unavailable. */
  public Duration timeout() {
    return timeout;
  }

  /** The prefix of every Redis key this library writes and watches. */
  public String keyPrefix() {
    return keyPrefix;
  }

  @Override
  public String toString() {
    return "RevocationOptions[store="
        + storeKind.name().toLowerCase(Locale.ROOT)
        + (storeKind == StoreKind.REDIS ? " (url redacted), keyPrefix=" + keyPrefix : "")
        + ", subjectKey="
        + subjectKey
        + ", failOpen="
        + failOpen
        + ", maxEntries="
        + maxEntries
        + ", timeout="
        + timeout
        + "]";
  }

  /** Builds {@link RevocationOptions}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private StoreKind storeKind = StoreKind.EMBEDDED;
    private @Nullable String redisUrl;
    private @Nullable RevocationStore store;
    private @Nullable String subjectKey;
    private boolean failOpen;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Duration timeout = DEFAULT_TIMEOUT;
    private String keyPrefix = DEFAULT_KEY_PREFIX;

    private Builder() {}

    /** The in-process store of one node (the default). */
    public Builder embedded() {
      this.storeKind = StoreKind.EMBEDDED;
      this.redisUrl = null;
      this.store = null;
      return this;
    }

    /**
     * Redis at this URL ({@code redis://host:port}, {@code rediss://} for TLS; a password may be
     * given in it), through Lettuce, which the application must put on its class path.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not a redis:// or rediss:// URL (the message does not
     *     repeat it)
     */
    public Builder redis(String url) {
      Objects.requireNonNull(url, "redis url");
      String lower = url.trim().toLowerCase(Locale.ROOT);
      if (!(lower.startsWith("redis://") || lower.startsWith("rediss://"))
          || lower.length() <= "rediss://".length()) {
        throw new IllegalArgumentException(
            SettingNames.describe(SettingNames.REVOCATION_STORE)
                + " must be off, embedded, or a redis:// or rediss:// URL");
      }
      this.storeKind = StoreKind.REDIS;
      this.redisUrl = url.trim();
      this.store = null;
      return this;
    }

    /**
     * The application's own store (the application closes it).
     *
     * @throws NullPointerException if null
     */
    public Builder store(RevocationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      this.storeKind = StoreKind.CUSTOM;
      this.redisUrl = null;
      return this;
    }

    /**
     * The tracker key that holds a cookie's subject (for example {@code userId}); turns on {@link
     * Revocations#revokeAllFor}. Its value must be a JSON string or number.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder subjectKey(String key) {
      Objects.requireNonNull(key, "subjectKey");
      if (key.isBlank()) {
        throw new IllegalArgumentException(
            SettingNames.describe(SettingNames.REVOCATION_SUBJECT_KEY) + " must not be blank");
      }
      this.subjectKey = key;
      return this;
    }

    /**
     * Fail-open (true): accept a cookie unchecked while the store cannot be asked. Fail-closed
     * (false, the default): read it as empty for that request, and leave it in place.
     */
    public Builder failOpen(boolean failOpen) {
      this.failOpen = failOpen;
      return this;
    }

    /**
     * Bound on the embedded store's entries, or on the Redis store's local view; default {@value
     * RevocationOptions#DEFAULT_MAX_ENTRIES}.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException(
            SettingNames.describe(SettingNames.REVOCATION_MAX_ENTRIES)
                + " must be at least 1, was "
                + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * How long a Redis command may take before the store counts as unavailable; default 250 ms.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException unless from 1 ms to 10 s
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.toMillis() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            SettingNames.describe(SettingNames.REVOCATION_TIMEOUT)
                + " must be from 1 ms to 10 s, was "
                + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The prefix of the Redis keys; default {@value RevocationOptions#DEFAULT_KEY_PREFIX}. Give
     * each application sharing a Redis its own, so their subjects do not mix.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if empty or not printable ASCII without spaces
     */
    public Builder keyPrefix(String prefix) {
      Objects.requireNonNull(prefix, "keyPrefix");
      if (prefix.isEmpty() || !prefix.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(
            SettingNames.describe(SettingNames.REVOCATION_KEY_PREFIX)
                + " must be printable ASCII without spaces");
      }
      this.keyPrefix = prefix;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalStateException if the store is Redis and Lettuce is not on the class path
     */
    public RevocationOptions build() {
      if (storeKind == StoreKind.REDIS) {
        try {
          Class.forName("io.lettuce.core.RedisClient", false, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException(
              SettingNames.describe(SettingNames.REVOCATION_STORE)
                  + " names Redis, but Lettuce (io.lettuce:lettuce-core) is not on the class path");
        }
      }
      return new RevocationOptions(this);
    }
  }
}
