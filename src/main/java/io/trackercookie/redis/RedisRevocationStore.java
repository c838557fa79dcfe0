package io.trackercookie.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.trackercookie.RevocationOptions;
import io.trackercookie.revocation.RevocationStore;
import io.trackercookie.revocation.RevocationStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Revocations in Redis, shared by every node of a fleet, with a local view so that a request does
 * not pay a round trip for every cookie it reads.
 *
 * <p>Each entry is {@code SET <prefix><key> <value> PXAT <expiry>}: Redis prunes it when the seal
 * it revokes expires. The local view keeps what Redis answered, including "no such key", and Redis
 * invalidates it: the connection speaks RESP3 with {@code CLIENT TRACKING ON BCAST PREFIX
 * <prefix>}, so Redis pushes an invalidation for every key under the prefix that any client writes
 * (or that expires) over the same connection that reads. A revocation made on one node is therefore
 * visible on every node once that push arrives: one hop from Redis, measured at a few milliseconds
 * on loopback (see docs/operations.md).
 *
 * <p>The view is trusted only while the connection that tracks is up: a disconnect empties it, and
 * after a reconnect reads go to Redis until tracking is on again. While Redis cannot be reached,
 * commands fail at once (or after the timeout) with {@link RevocationStoreException}, and the
 * tracker's fault policy applies; the store reconnects by itself. A value under the prefix that is
 * not a decimal number (or not a string) is reported as foreign.
 *
 * <p>Redis must not evict these keys: at start-up the store asks for {@code maxmemory-policy} and
 * logs a WARNING unless it is {@code noeviction} (INFO when Redis refuses {@code CONFIG}, as
 * managed services do).
 *
 * <p>Thread-safe. {@link #close()} releases the connection and Lettuce's threads.
 */
public final class RedisRevocationStore implements RevocationStore {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  /** The view's entry for a key Redis does not hold. */
  private static final Object ABSENT = new Object();

  private static final long CONNECT_RETRY_MILLIS = 250;

  private static final String MAXMEMORY_POLICY = "maxmemory-policy";

  private final String prefix;
  private final ClientResources resources;
  private final RedisClient client;
  private final Cache<String, Object> view; // Long, ABSENT, or a read's pending token
  private final ScheduledExecutorService connector;
  private volatile @Nullable StatefulRedisConnection<String, String> connection;
  private volatile boolean viewLive; // tracking is on for the current connection
  // Moves on every disconnect and every tracking start: a read whose answer straddles one is not
  // kept in the view, since an invalidation for it may have been missed.
  private final AtomicLong generation = new AtomicLong();
  private final AtomicBoolean trackingPending = new AtomicBoolean();
  private volatile boolean closed;

  /**
   * The store the options describe (Redis URL, key prefix, timeout, local view bound). Connects in
   * the background: a Redis that is down at start-up is retried until it answers.
   *
   * @throws IllegalArgumentException if the options name no Redis URL, or it cannot be parsed
   */
  public RedisRevocationStore(RevocationOptions options) {
    this(
        options
            .redisUrl()
            .orElseThrow(() -> new IllegalArgumentException("The options name no Redis URL")),
        options.keyPrefix(),
        options.timeout(),
        options.maxEntries());
  }

  /**
   * A store at {@code url} keeping its keys under {@code keyPrefix}.
   *
   * @throws IllegalArgumentException if the URL cannot be parsed (the message does not repeat it)
   */
  public RedisRevocationStore(String url, String keyPrefix, Duration timeout, int maxEntries) {
    Objects.requireNonNull(url, "url");
    this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    RedisURI uri;
    try {
      uri = RedisURI.create(url);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("The Redis URL of the revocation store is not valid");
    }
    uri.setTimeout(timeout);
    this.resources =
        DefaultClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            // Back within a fraction of a second once Redis is; Lettuce's default waits up to 30 s.
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .protocolVersion(ProtocolVersion.RESP3) // invalidations arrive on this connection
            .autoReconnect(true)
            // Fail at once while disconnected, rather than queue until the timeout.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .socketOptions(
                SocketOptions.builder()
                    .connectTimeout(timeout.multipliedBy(4))
                    .keepAlive(true)
                    .build())
            .build());
    client.addListener(
        new RedisConnectionStateListener() {
          @Override
          public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> handler) {
            lostView();
          }
        });
    this.view = Caffeine.newBuilder().maximumSize(maxEntries).build();
    this.connector =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "tracker-cookie-redis-connect");
              thread.setDaemon(true);
              return thread;
            });
    connector.execute(this::connect);
  }

  /** The first connection; Lettuce reconnects by itself after that. */
  private void connect() {
    if (closed) {
      return;
    }
    try {
      StatefulRedisConnection<String, String> c = client.connect(StringCodec.UTF8);
      checkEvictionPolicy(c); // before the store is used, so that its first answer follows it
      c.addListener(this::onPush);
      connection = c;
      startTracking(c);
      LOG.fine("Revocation store connected to Redis");
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Revocation store: Redis not reachable yet, retrying");
      var unused = connector.schedule(this::connect, CONNECT_RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Warns when Redis may evict revocations: under any {@code maxmemory-policy} but {@code
   * noeviction}, a Redis that reaches its {@code maxmemory} drops keys, and a dropped entry is a
   * revocation undone. The {@code volatile-*} policies are no safer than {@code allkeys-*}: they
   * evict keys that have an expiry, and every entry here has one. Under {@code noeviction} a full
   * Redis refuses the write instead, which the library reports. Managed Redis services often refuse
   * {@code CONFIG}; then this cannot be checked, which is said at INFO. Once per start.
   */
  private static void checkEvictionPolicy(StatefulRedisConnection<String, String> c) {
    String policy;
    try {
      policy = c.sync().configGet(MAXMEMORY_POLICY).get(MAXMEMORY_POLICY);
    } catch (RuntimeException e) {
      policy = null;
    }
    if (policy == null) {
      LOG.info(
          "Revocation store: Redis did not answer CONFIG GET "
              + MAXMEMORY_POLICY
              + ", so whether it may evict revocations was not checked; it must be set to"
              + " noeviction, or an evicted entry reopens a revoked cookie");
    } else if (!policy.equals("noeviction")) {
      LOG.warning(
          "Revocation store: Redis's "
              + MAXMEMORY_POLICY
              + " is "
              + (policy.matches("[a-z-]{1,40}") ? policy : "not noeviction")
              + ", so once Redis reaches its maxmemory it evicts revocation entries (they all"
              + " have an expiry), and each evicted entry reopens a revoked cookie; set "
              + MAXMEMORY_POLICY
              + " noeviction (a full Redis then refuses new revocations, which is reported)");
    } else {
      LOG.fine("Revocation store: Redis's " + MAXMEMORY_POLICY + " is noeviction");
    }
  }

  private void lostView() {
    viewLive = false;
    generation.incrementAndGet();
    view.invalidateAll();
  }

  /** Turns tracking on for this connection; the view is live once Redis has said OK. */
  private void startTracking(StatefulRedisConnection<String, String> c) {
    if (!trackingPending.compareAndSet(false, true)) {
      return;
    }
    long before = generation.get();
    c.async()
        .clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes(prefix))
        .whenComplete(
            (ok, error) -> {
              boolean alreadyOn =
                  error != null && String.valueOf(error.getMessage()).contains("overlaps");
              if ((error == null || alreadyOn) && generation.compareAndSet(before, before + 1)) {
                view.invalidateAll();
                viewLive = true;
              }
              trackingPending.set(false);
            });
  }

  /** Redis's invalidations: the keys written or expired, or null for a flush. */
  private void onPush(PushMessage message) {
    if (!"invalidate".equals(message.getType())) {
      return;
    }
    List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
    Object keys = content.size() > 1 ? content.get(1) : null;
    if (keys instanceof List<?> list) {
      for (Object key : list) {
        view.invalidate(String.valueOf(key));
      }
    } else {
      generation.incrementAndGet();
      view.invalidateAll();
    }
  }

  private StatefulRedisConnection<String, String> connection() {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null || !c.isOpen()) {
      throw RevocationStoreException.unavailable("Redis is not connected", null);
    }
    if (!viewLive) {
      startTracking(c); // after a reconnect: asynchronous, the first read goes to Redis
    }
    return c;
  }

  @Override
  public void put(String key, long value, Instant expiresAt) {
    String redisKey = prefix + key;
    try {
      connection().sync().set(redisKey, Long.toString(value), SetArgs.Builder.pxAt(expiresAt));
    } catch (RevocationStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw RevocationStoreException.unavailable("Redis did not record the revocation", e);
    } finally {
      view.invalidate(redisKey); // Redis pushes the invalidation too; this node need not wait
    }
  }

  @Override
  public OptionalLong get(String key) {
    String redisKey = prefix + key;
    StatefulRedisConnection<String, String> c = connection();
    boolean live = viewLive;
    if (live) {
      Object known = view.getIfPresent(redisKey);
      if (known instanceof Long value) {
        return OptionalLong.of(value);
      }
      if (known == ABSENT) {
        return OptionalLong.empty();
      }
    }
    long before = generation.get();
    Object token = new Object();
    if (live) {
      view.put(redisKey, token); // an invalidation arriving meanwhile removes it
    }
    String text;
    try {
      text = c.sync().get(redisKey);
    } catch (RedisCommandExecutionException e) {
      view.asMap().remove(redisKey, token);
      if (String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
        throw RevocationStoreException.foreign();
      }
      throw RevocationStoreException.unavailable("Redis refused the read", e);
    } catch (RuntimeException e) {
      view.asMap().remove(redisKey, token);
      throw RevocationStoreException.unavailable("Redis did not answer", e);
    }
    Long value = text == null ? null : parse(text);
    if (text != null && value == null) {
      view.asMap().remove(redisKey, token);
      throw RevocationStoreException.foreign();
    }
    if (live && generation.get() == before) {
      view.asMap().replace(redisKey, token, value == null ? ABSENT : value);
    } else {
      view.asMap().remove(redisKey, token);
    }
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static @Nullable Long parse(String text) {
    if (text.isEmpty() || text.length() > 19) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null; // 19 digits past Long.MAX_VALUE: not a value this library wrote
    }
  }

  /** Whether reads are answered from the local view (tracking on, connection up); for tests. */
  public boolean viewLive() {
    return viewLive;
  }

  @Override
  public void close() {
    closed = true;
    connector.shutdownNow();
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      c.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    var unused = resources.shutdown(0, 2, TimeUnit.SECONDS); // its threads end on their own
  }
}
