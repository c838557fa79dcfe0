package io.trackercookie.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.trackercookie.CrossSiteRefusal;
import io.trackercookie.RejectionReason;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tracker cookie's meters in a Micrometer {@link MeterRegistry}. One line registers it:
 *
 * <pre>{@code
 * TrackerConfig.builder().password(...).listener(TrackerMetrics.registeredWith(registry)).build();
 * }</pre>
 *
 * <p>It is also a {@link MeterBinder}, for frameworks that bind the binders they find: pass the
 * same instance to {@link TrackerConfig.Builder#listener} and let the framework call {@link
 * #bindTo}.
 *
 * <table>
 *   <caption>Meters (Prometheus names in parentheses)</caption>
 *   <tr><th>Meter</th><th>Tags</th><th>Counts</th></tr>
 *   <tr><td>{@value #OPENED} ({@code tracker_cookies_opened_total})</td><td>{@code password.id}
 *       </td><td>cookies opened, by the configured id of the password that opened them ({@code
 *       default} for seals without an id)</td></tr>
 *   <tr><td>{@value #REJECTED} ({@code tracker_cookies_rejected_total})</td><td>{@code reason}
 *       </td><td>cookies refused, one series per {@link RejectionReason}, all present from the
 *       start at 0</td></tr>
 *   <tr><td>{@value #SEALED} ({@code tracker_cookies_sealed_total})</td><td></td><td>new seals
 *       written</td></tr>
 *   <tr><td>{@value #SET_COOKIE_SIZE} ({@code tracker_set_cookie_size_bytes})</td><td></td><td>the
 *       bytes of each new seal's Set-Cookie lines (all chunks), with buckets at 1, 2, 3 and 4
 *       KiB</td></tr>
 *   <tr><td>{@value #SEAL_CACHE_LOOKUPS} ({@code tracker_seal_cache_lookups_total})</td><td>{@code
 *       result}: {@code hit}, {@code miss}</td><td>lookups in the verified-seal cache</td></tr>
 *   <tr><td>{@value #REVOCATIONS} ({@code tracker_revocations_total})</td><td>{@code kind}: {@code
 *       cookie}, {@code subject}</td><td>revocations recorded ({@code Tracker.revoke()}, {@code
 *       Revocations.revokeAllFor}); refused revoked cookies count as {@code REVOKED}
 *       rejections</td></tr>
 *   <tr><td>{@value #REVOCATION_UNCHECKED} ({@code tracker_revocation_unchecked_total})</td><td>
 *       </td><td>cookies accepted without their revocation check (fail-open while the store was
 *       unavailable)</td></tr>
 *   <tr><td>{@value #REVOCATION_OVERFLOWS} ({@code tracker_revocation_overflows_total})</td><td>
 *       </td><td>times the revocation store was full and, rather than forget a revocation, signed
 *       out everyone signed in until then (raise {@code tracker.revocation.maxEntries})</td></tr>
 *   <tr><td>{@value #REQUESTS_REFUSED} ({@code tracker_requests_refused_total})</td><td>{@code
 *       reason}</td><td>unsafe requests the cross-site protection refused with 403, one series per
 *       {@link CrossSiteRefusal}, all present from the start at 0</td></tr>
 * </table>
 *
 * <p>Tags never hold a cookie's value or content: a password id counts only once its password
 * verified the seal, so the ids are the configured ones. Thread-safe. A meter or registry that
 * throws is logged by the library and ignored; the request and its tracker go on.
 */
public final class TrackerMetrics implements MeterBinder, TrackerListener {

  /** Cookies opened, tagged {@value #PASSWORD_ID_TAG}. */
  public static final String OPENED = "tracker.cookies.opened";

  /** Cookies refused, tagged {@value #REASON_TAG}. */
  public static final String REJECTED = "tracker.cookies.rejected";

  /** New seals written. */
  public static final String SEALED = "tracker.cookies.sealed";

  /** The distribution of the written Set-Cookie lines' bytes. */
  public static final String SET_COOKIE_SIZE = "tracker.set.cookie.size";

  /** Verified-seal cache lookups, tagged {@value #RESULT_TAG}. */
  public static final String SEAL_CACHE_LOOKUPS = "tracker.seal.cache.lookups";

  /** Revocations recorded, tagged {@value #KIND_TAG}: {@code cookie} or {@code subject}. */
  public static final String REVOCATIONS = "tracker.revocations";

  /** Cookies accepted without their revocation check (fail-open, store unavailable). */
  public static final String REVOCATION_UNCHECKED = "tracker.revocation.unchecked";

  /** Times the revocation store was full and signed everyone out rather than forget a logout. */
  public static final String REVOCATION_OVERFLOWS = "tracker.revocation.overflows";

  /** Requests the cross-site protection refused, tagged {@value #REASON_TAG}. */
  public static final String REQUESTS_REFUSED = "tracker.requests.refused";

  /** The tag telling a cookie's revocation from a subject's logout everywhere. */
  public static final String KIND_TAG = "kind";

  /** The tag naming the password id. */
  public static final String PASSWORD_ID_TAG = "password.id";

  /** The tag naming the {@link RejectionReason} or the {@link CrossSiteRefusal}. */
  public static final String REASON_TAG = "reason";

  /** The tag telling a cache hit ({@code hit}) from a miss ({@code miss}). */
  public static final String RESULT_TAG = "result";

  // Buckets that show how close cookies come to the 4096-byte limit browsers keep.
  private static final double[] SIZE_BUCKETS = {1024, 2048, 3072, 4096};

  private final List<Meters> bound = new CopyOnWriteArrayList<>();

  /** Meters that count nothing until {@link #bindTo} names a registry. */
  public TrackerMetrics() {}

  /**
   * Meters bound to this registry: the one-line way to register them.
   *
   * @throws NullPointerException if null
   */
  public static TrackerMetrics registeredWith(MeterRegistry registry) {
    TrackerMetrics metrics = new TrackerMetrics();
    metrics.bindTo(registry);
    return metrics;
  }

  /**
   * Registers the meters in this registry; may be called for several registries. Every rejection
   * reason's counter is registered now, at 0, so a rate over it exists before the first rejection.
   *
   * @throws NullPointerException if null
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    bound.add(new Meters(Objects.requireNonNull(registry, "registry")));
  }

  @Override
  public void cookieOpened(String passwordId) {
    for (Meters meters : bound) {
      meters.opened(passwordId).increment();
    }
  }

  @Override
  public void cookieRejected(RejectionReason reason) {
    for (Meters meters : bound) {
      meters.rejected.get(reason).increment();
    }
  }

  @Override
  public void requestRefused(CrossSiteRefusal reason) {
    for (Meters meters : bound) {
      meters.refused.get(reason).increment();
    }
  }

  @Override
  public void cookieSealed(int setCookieBytes) {
    for (Meters meters : bound) {
      meters.sealed.increment();
      meters.setCookieSize.record(setCookieBytes);
    }
  }

  @Override
  public void sealCacheLookup(boolean hit) {
    for (Meters meters : bound) {
      (hit ? meters.cacheHits : meters.cacheMisses).increment();
    }
  }

  @Override
  public void cookieRevoked() {
    for (Meters meters : bound) {
      meters.cookieRevocations.increment();
    }
  }

  @Override
  public void subjectRevoked() {
    for (Meters meters : bound) {
      meters.subjectRevocations.increment();
    }
  }

  @Override
  public void revocationUnchecked() {
    for (Meters meters : bound) {
      meters.unchecked.increment();
    }
  }

  @Override
  public void revocationStoreOverflowed() {
    for (Meters meters : bound) {
      meters.overflows.increment();
    }
  }

  @Override
  public String toString() {
    return "TrackerMetrics[registries=" + bound.size() + "]";
  }

  /** The meters in one registry. */
  private static final class Meters {
    final MeterRegistry registry;
    final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    final Map<CrossSiteRefusal, Counter> refused = new EnumMap<>(CrossSiteRefusal.class);
    final Map<String, Counter> openedById = new ConcurrentHashMap<>();
    final Counter sealed;
    final DistributionSummary setCookieSize;
    final Counter cacheHits;
    final Counter cacheMisses;
    final Counter cookieRevocations;
    final Counter subjectRevocations;
    final Counter unchecked;
    final Counter overflows;

    Meters(MeterRegistry registry) {
      this.registry = registry;
      // Every reason the library knows, so new reasons are counted without a change here.
      for (RejectionReason reason : RejectionReason.values()) {
        rejected.put(
            reason,
            Counter.builder(REJECTED)
                .description("Tracker cookies refused (the tracker read as empty), by reason")
                .tag(REASON_TAG, reason.name())
                .register(registry));
      }
      for (CrossSiteRefusal reason : CrossSiteRefusal.values()) {
        refused.put(
            reason,
            Counter.builder(REQUESTS_REFUSED)
                .description(
                    "Unsafe requests the cross-site protection refused with 403, by reason")
                .tag(REASON_TAG, reason.name())
                .register(registry));
      }
      this.sealed =
          Counter.builder(SEALED)
              .description("New tracker seals written in Set-Cookie")
              .register(registry);
      this.setCookieSize =
          DistributionSummary.builder(SET_COOKIE_SIZE)
              .description("Bytes of the Set-Cookie lines of each new tracker seal, chunks summed")
              .baseUnit("bytes")
              .serviceLevelObjectives(SIZE_BUCKETS)
              .register(registry);
      this.cacheHits = cacheCounter("hit");
      this.cacheMisses = cacheCounter("miss");
      this.cookieRevocations = revocationCounter("cookie");
      this.subjectRevocations = revocationCounter("subject");
      this.unchecked =
          Counter.builder(REVOCATION_UNCHECKED)
              .description("Tracker cookies accepted without their revocation check (fail-open)")
              .register(registry);
      this.overflows =
          Counter.builder(REVOCATION_OVERFLOWS)
              .description(
                  "Times the revocation store was full and signed everyone out rather than forget"
                      + " a revocation")
              .register(registry);
    }

    private Counter cacheCounter(String result) {
      return Counter.builder(SEAL_CACHE_LOOKUPS)
          .description("Verified-seal cache lookups: a hit skips the crypto")
          .tag(RESULT_TAG, result)
          .register(registry);
    }

    private Counter revocationCounter(String kind) {
      return Counter.builder(REVOCATIONS)
          .description("Revocations recorded: one cookie, or every cookie of a subject")
          .tag(KIND_TAG, kind)
          .register(registry);
    }

    /** The counter of this password id, registered on first use; ids are configured ones. */
    Counter opened(String passwordId) {
      Counter counter = openedById.get(passwordId);
      if (counter == null) {
        counter =
            openedById.computeIfAbsent(
                passwordId,
                id ->
                    Counter.builder(OPENED)
                        .description("Tracker cookies opened, by the id of the opening password")
                        .tag(PASSWORD_ID_TAG, id)
                        .register(registry));
      }
      return counter;
    }
  }
}
