package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.RevocationOptions;
import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.seal.SealFormat;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.Unsealed;
import io.trackercookie.revocation.RevocationStore;
import io.trackercookie.revocation.RevocationStoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revocation on the request path: checks an opened seal against the store, records a revoked seal,
 * and sets a subject's log-out epoch. Present only when revocation is on, so with it off no request
 * asks a store.
 *
 * <p>A seal is named by a SHA-256 digest of its MAC part (unique to the seal, and no credential if
 * the store leaks); a chunked cookie is one seal. A subject is named by a digest of its text in
 * Unicode NFC, so spellings that differ only in normalization are one subject. A seal's issue time
 * is its expiration less the lifetime it was given, never before its sign-in ({@link
 * SessionLifetimes#issuedAt}), so no key is added to the JSON.
 *
 * <p>Log-out-everywhere holds against requests that overlap it because of two rules. A request's
 * seals are dated when its check began ({@link #dateNow}, read before the store is asked), not when
 * they are written: a seal's expiration is bounded by {@link SessionLifetimes#latestExpiration}.
 * And a subject's epoch is recorded so that every clock reading taken before the store held it is
 * at or before the epoch ({@link #recordEpoch}), with a seal dated at the epoch's own millisecond
 * revoked. So a request that checked before the entry was there writes a seal dated at or before
 * the epoch.
 *
 * <p>A store that was full may have raised a floor instead of forgetting revocations: a seal issued
 * at or before it is revoked too, and each rise is told to the listeners.
 *
 * <p>When the store cannot be asked, the policy decides (fail-closed: refuse for this request;
 * fail-open: accept unchecked), and one WARNING is logged per outage, not per request.
 */
final class Revoker implements Revocations, AutoCloseable {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private static final String SEAL_KEY = "seal:";
  private static final String SUBJECT_KEY = "subject:";
  private static final String LEGACY_KEY = "legacy:"; // digested with the HMAC: apart from seals

  /** What an opened seal's check found. */
  enum Verdict {
    /** Not revoked. */
    ACCEPTED,
    /** The store could not be asked; fail-open accepts. */
    UNCHECKED,
    /** Revoked, or a foreign value sits under its key. */
    REVOKED,
    /** The store could not be asked; fail-closed refuses. */
    UNAVAILABLE
  }

  /**
   * What {@link #revoke} records for a seal: its key, and until when; with what {@link #stillValid}
   * asks again: when it was issued (null: unknown) and its subject (null: none).
   */
  record Target(String key, Instant until, Instant issuedAt, String subject) {}

  /** A check's verdict, and what revoking this seal would record. */
  record Checked(Verdict verdict, Target target) {}

  /**
   * How many times at most a log-out is written, when the clock moves on while the store writes.
   */
  private static final int MAX_EPOCH_WRITES = 8;

  /**
   * How long a keep-this-session log-out waits before it takes a clock that has not moved as
   * stopped.
   */
  private static final long CLOCK_TICK_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final TrackerConfig config;
  private final RevocationOptions options;
  private final RevocationStore store;
  private final boolean ownsStore;
  private final String subjectKey; // null: log-out-everywhere is off
  private final boolean failOpen;
  private final Duration sealTtl;
  private final Duration margin; // skew and offset: how long past its expiration a seal opens
  private final Clock clock;
  private final AtomicBoolean outage = new AtomicBoolean();
  private final ListenerFanout listeners; // told of each revocation recorded, for metrics
  private final AtomicLong floorSeen = new AtomicLong(Long.MIN_VALUE); // the store's, last told
  // The newest log-out epoch this node recorded: a request's tracker asks the store whether its
  // subject was logged out only after one was recorded at or after its date.
  private final AtomicLong newestEpoch = new AtomicLong(Long.MIN_VALUE);
  private final SessionLifetimes sessions; // a seal's issue time, given its session

  Revoker(
      TrackerConfig config,
      RevocationOptions options,
      RevocationStore store,
      boolean owns,
      ListenerFanout listeners) {
    this.config = config;
    this.options = options;
    this.store = store;
    this.listeners = listeners;
    this.ownsStore = owns;
    // Sign-in's subject key when revocation names none: log-out-everywhere finds signed-in
    // subjects.
    this.subjectKey =
        options
            .subjectKey()
            .or(() -> config.signIn().map(io.trackercookie.SignInOptions::subjectKey))
            .orElse(null);
    this.failOpen = options.failOpen();
    this.sealTtl = config.sealTtl();
    IronOptions iron = config.ironOptions();
    this.margin = iron.timestampSkew().plus(iron.localtimeOffset().abs()).plusSeconds(1);
    this.clock = config.clock();
    this.sessions = new SessionLifetimes(config);
  }

  /**
   * A revoker for a test kit: the same store (which it never closes) and rules, telling no
   * listener.
   */
  Revoker forTestKit() {
    return new Revoker(config, options, store, false, ListenerFanout.NONE);
  }

  /**
   * Checks a seal that opened: revoked itself, or sealed for its subject before the subject's
   * epoch.
   */
  Checked check(String cookieValue, Unsealed unsealed, ObjectNode content) {
    Instant expiration = unsealed.expiration().orElse(null);
    return check(
        SEAL_KEY + sealDigest(cookieValue),
        expiration == null ? null : sessions.issuedAt(expiration, content),
        expiration,
        content);
  }

  /**
   * Checks a legacy cookie that opened, named by its HMAC (lowercase hex, so one spelling per
   * cookie) and issued when cookie-sessions wrote it: revoked itself, or written for its subject
   * before the subject's epoch. Without this a revoked visitor's legacy cookie would be read and
   * upgraded into a fresh seal.
   */
  Checked checkLegacy(String legacyHmac, Instant written, Instant expiration, ObjectNode content) {
    return check(SEAL_KEY + digest(LEGACY_KEY + legacyHmac), written, expiration, content);
  }

  /**
   * Whether the cookie under {@code key}, issued at {@code issuedAt} (null: unknown), is revoked
   * itself or for its subject.
   */
  private Checked check(String key, Instant issuedAt, Instant expiration, ObjectNode content) {
    Target target =
        new Target(
            key,
            (expiration != null ? expiration : clock.instant().plus(sealTtl)).plus(margin),
            issuedAt,
            subjectOf(content));
    try {
      if (revoked(target)) {
        return new Checked(Verdict.REVOKED, target);
      }
      available();
      return new Checked(Verdict.ACCEPTED, target);
    } catch (RevocationStoreException e) {
      if (e.foreignValue()) {
        LOG.log(Level.FINE, "A revocation entry holds a foreign value; cookie refused");
        return new Checked(Verdict.REVOKED, target);
      }
      unavailable(e);
    } catch (RuntimeException e) {
      unavailable(e); // an application's store that fails otherwise is unavailable too
    }
    return new Checked(failOpen ? Verdict.UNCHECKED : Verdict.UNAVAILABLE, target);
  }

  /**
   * Whether the store holds the target's seal as revoked, or its subject's epoch after it, or a
   * floor (a full store signing everyone out) at or after its issue time.
   */
  private boolean revoked(Target target) {
    if (store.get(target.key()).isPresent()) {
      return true;
    }
    // A seal without an expiration has no known issue time: any epoch or floor revokes it.
    if (target.subject() != null) {
      OptionalLong epoch = store.get(subjectStoreKey(target.subject()));
      // One dated in the epoch's own millisecond is revoked too: its request may have checked
      // before the entry.
      if (epoch.isPresent()
          && (target.issuedAt() == null || target.issuedAt().toEpochMilli() <= epoch.getAsLong())) {
        return true;
      }
    }
    // Asked last: a store raises its floor before it drops the entries the floor covers.
    OptionalLong floor = store.revokedThroughMillis();
    return floor.isPresent()
        && (target.issuedAt() == null || target.issuedAt().toEpochMilli() <= floor.getAsLong());
  }

  /**
   * Asked again just before a reseal the application did not ask for (a sliding reissue, a new
   * password, a legacy upgrade): the seal was checked when it opened, but a revocation since, by
   * this very request ("sign out all my devices") or another, must not be outlived by a seal whose
   * issue time is now. False when revoked, and when the store cannot tell: skipping a reseal never
   * loses the tracker, the cookie the browser holds stays as it was.
   */
  boolean stillValid(Target target) {
    try {
      return !revoked(target);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The date of the seals a request writes, read when its check begins, before the store is asked;
   * null without a subject key (no epoch can revoke a seal then, so seals keep their own time).
   */
  Instant dateNow() {
    return subjectKey == null || sealTtl.isZero() ? null : clock.instant();
  }

  /** The newest log-out epoch this node recorded, in epoch milliseconds; MIN_VALUE if none. */
  long newestEpoch() {
    return newestEpoch.get();
  }

  /**
   * Whether the subject this content holds was logged out everywhere at or after {@code datedAt},
   * as the store says now: a tracker of a request dated then ends with that log-out. False without
   * a subject, and when the store cannot say (the seal is dated anyway, and checked when it comes
   * back).
   */
  boolean loggedOutSince(ObjectNode content, Instant datedAt) {
    String subject = subjectOf(content);
    if (subject == null) {
      return false;
    }
    try {
      OptionalLong epoch = store.get(subjectStoreKey(subject));
      return epoch.isPresent() && datedAt.toEpochMilli() <= epoch.getAsLong();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Records a seal as revoked; false (and the outage logged) if the store could not. */
  boolean revoke(Target target) {
    try {
      store.put(target.key(), target.until().toEpochMilli(), target.until());
      available();
      listeners.cookieRevoked();
      noticeOverflow();
      return true;
    } catch (RuntimeException e) {
      unavailable(e);
      return false;
    }
  }

  @Override
  public void revokeAllFor(String subject) {
    recordEpoch(checkedSubject(subject));
  }

  @Override
  public void revokeOthersFor(Tracker current) {
    Objects.requireNonNull(current, "current");
    if (!(current instanceof RequestTracker tracker) || !tracker.revokedBy(this)) {
      throw new IllegalArgumentException(
          "revokeOthersFor needs the tracker of a request to this application (a resource"
              + " method's @Context Tracker, or Tracker.from(request))");
    }
    subjectKeyOrThrow("revokeOthersFor");
    tracker.keepThroughLogOut(this);
  }

  /**
   * Logs out every other session of this content's subject: records the epoch, and returns the date
   * a seal needs to outlive it, after the epoch, for the request that keeps its session.
   *
   * @throws IllegalStateException if the content holds no subject
   */
  Instant revokeAllButOne(ObjectNode content) {
    String subject = subjectOf(content);
    if (subject == null) {
      throw new IllegalStateException(
          "revokeOthersFor: this request's tracker holds no subject under '" + subjectKey + "'");
    }
    long epoch = recordEpoch(checkedSubject(subject));
    long waitedFrom = clock.millis();
    long deadline = System.nanoTime() + CLOCK_TICK_WAIT_NANOS;
    long now;
    while ((now = clock.millis()) <= epoch) {
      if (now == waitedFrom && System.nanoTime() - deadline > 0) {
        // A clock that stands still (a test's): the epoch goes back one millisecond, so the seal
        // this request writes, dated now, is after it. Nothing else is sealed in that instant but
        // what the test seals itself.
        put(subjectStoreKey(subject), now - 1);
        return Instant.ofEpochMilli(now);
      }
      LockSupport.parkNanos(100_000);
    }
    return Instant.ofEpochMilli(now);
  }

  /** The subject, checked to be one a tracker can hold. */
  private String checkedSubject(String subject) {
    Objects.requireNonNull(subject, "subject");
    subjectKeyOrThrow("revokeAllFor");
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(subject)) {
      // UTF-8 would turn a lone surrogate into '?', and revoke the subject "?" instead.
      throw new IllegalArgumentException(
          "subject is not well-formed Unicode (a lone surrogate); no tracker can hold it");
    }
    return subject;
  }

  private void subjectKeyOrThrow(String call) {
    if (subjectKey == null) {
      throw new IllegalStateException(
          call
              + " needs the tracker key that holds the subject: set "
              + io.trackercookie.TrackerSettings.REVOCATION_SUBJECT_KEY
              + " (RevocationOptions.Builder.subjectKey)");
    }
  }

  /**
   * Records the subject's log-out epoch, and returns it. A request that reads the clock while the
   * store is writing may still miss the entry, and would date its seals after an epoch read before
   * the write: so when the clock has moved past the epoch by the time the store answers, the epoch
   * is written again, ahead of the clock by what the last write took (doubled on each try), until
   * the store holds it before the clock passes it. With a fast store that is one write; the epoch
   * is then at most a few milliseconds after the call.
   */
  private long recordEpoch(String subject) {
    String key = subjectStoreKey(subject);
    long epoch = clock.millis();
    long lead = 0;
    for (int write = 1; ; write++) {
      long before = clock.millis();
      put(key, epoch);
      long after = clock.millis();
      if (after <= epoch || write == MAX_EPOCH_WRITES) {
        break;
      }
      lead = Math.max(2 * lead, Math.max(1, after - before));
      epoch = after + lead;
    }
    newestEpoch.accumulateAndGet(epoch, Math::max);
    listeners.subjectRevoked();
    return epoch;
  }

  /** Writes a subject's epoch, kept until every seal issued before it has expired. */
  private void put(String key, long epoch) {
    Instant until = Instant.ofEpochMilli(epoch).plus(sealTtl).plus(margin);
    try {
      store.put(key, epoch, until);
      available();
      noticeOverflow();
    } catch (RevocationStoreException e) {
      unavailable(e);
      throw e;
    } catch (RuntimeException e) {
      unavailable(e);
      throw RevocationStoreException.unavailable("The revocation store failed", e);
    }
  }

  /** Tells the listeners once for each rise of the store's floor (a full store, after a put). */
  private void noticeOverflow() {
    OptionalLong floor;
    try {
      floor = store.revokedThroughMillis();
    } catch (RuntimeException e) {
      return; // the revocation is recorded; the next check asks again, under the fault policy
    }
    if (floor.isEmpty()) {
      return;
    }
    long seen = floorSeen.get();
    if (floor.getAsLong() > seen && floorSeen.compareAndSet(seen, floor.getAsLong())) {
      listeners.revocationStoreOverflowed();
    }
  }

  /** The store key of a subject: the digest of its NFC form. */
  private static String subjectStoreKey(String subject) {
    String normalized =
        Normalizer.isNormalized(subject, Normalizer.Form.NFC)
            ? subject
            : Normalizer.normalize(subject, Normalizer.Form.NFC);
    return SUBJECT_KEY + digest(normalized);
  }

  /** The subject's text: a string as it is, a number as its JSON text; null for anything else. */
  String subjectOf(ObjectNode content) {
    if (subjectKey == null) {
      return null;
    }
    JsonNode value = content.get(subjectKey);
    if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
      return null;
    }
    return value.asText();
  }

  private void unavailable(RuntimeException e) {
    if (outage.compareAndSet(false, true)) {
      // The exception's class only: a client's message may name the host or carry a URL.
      LOG.warning(
          "The revocation store is unavailable ("
              + e.getClass().getName()
              + "): "
              + (failOpen
                  ? "cookies are accepted without their revocation check (fail-open)"
                  : "cookies read as empty and are left in place (fail-closed)")
              + " until it answers again");
    }
  }

  private void available() {
    if (outage.get() && outage.compareAndSet(true, false)) {
      LOG.info("The revocation store answers again: revocation checks resume");
    }
  }

  /**
   * The digest that names a seal: of its MAC part, the text after the last {@code *} (the seal
   * opened, so it has all eight parts; iron-session's suffix is removed first).
   */
  static String sealDigest(String cookieValue) {
    String seal = SealFormat.withoutSuffix(cookieValue);
    return digest(seal.substring(seal.lastIndexOf('*') + 1));
  }

  /** One SHA-256 per thread, so that a request does not look the algorithm up. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("Every Java platform has SHA-256", e);
            }
          });

  private static String digest(String text) {
    byte[] hash = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  @Override
  public void close() {
    if (ownsStore) {
      store.close();
    }
  }
}
