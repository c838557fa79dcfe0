package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.RevocationOptions;
import io.trackercookie.Revocations;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.seal.SealFormat;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.Unsealed;
import io.trackercookie.revocation.RevocationStore;
import io.trackercookie.revocation.RevocationStoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revocation on the request path: checks an opened seal against the store, records a revoked seal,
 * and sets a subject's log-out epoch. Present only when revocation is on, so with it off no request
 * asks a store.
 *
 * <p>A seal is named by a SHA-256 digest of its MAC part (unique to the seal, and no credential if
 * the store leaks); a chunked cookie is one seal. A subject is named by a digest of its text. A
 * seal's issue time is its expiration less the lifetime it was given, never before its sign-in
 * ({@link SessionLifetimes#issuedAt}).
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
  private final SessionLifetimes sessions; // a seal's issue time, given its session

  Revoker(
      TrackerConfig config,
      RevocationOptions options,
      RevocationStore store,
      boolean owns,
      ListenerFanout listeners) {
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
      OptionalLong epoch = store.get(SUBJECT_KEY + digest(target.subject()));
      if (epoch.isPresent()
          && (target.issuedAt() == null || target.issuedAt().toEpochMilli() < epoch.getAsLong())) {
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
    Objects.requireNonNull(subject, "subject");
    if (subjectKey == null) {
      throw new IllegalStateException(
          "revokeAllFor needs the tracker key that holds the subject: set "
              + io.trackercookie.TrackerSettings.REVOCATION_SUBJECT_KEY
              + " (RevocationOptions.Builder.subjectKey)");
    }
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(subject)) {
      // UTF-8 would turn a lone surrogate into '?', and revoke the subject "?" instead.
      throw new IllegalArgumentException(
          "subject is not well-formed Unicode (a lone surrogate); no tracker can hold it");
    }
    Instant epoch = clock.instant();
    // Every seal sealed before the epoch has expired by then, so the entry can go.
    Instant until = epoch.plus(sealTtl).plus(margin);
    try {
      store.put(SUBJECT_KEY + digest(subject), epoch.toEpochMilli(), until);
      available();
      listeners.subjectRevoked();
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

  /** The subject's text: a string as it is, a number as its JSON text; null for anything else. */
  private String subjectOf(ObjectNode content) {
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
