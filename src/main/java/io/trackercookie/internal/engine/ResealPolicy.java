package io.trackercookie.internal.engine;

import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieHeaderParser;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.internal.seal.SealFormat;
import io.trackercookie.iron.SealParts;
import io.trackercookie.iron.Unsealed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * When a valid, unchanged cookie is sealed again, and with which expiration. Sealed again: one made
 * with a password that is no longer the current one (key rotation, or a payload format that numbers
 * its passwords), a legacy cookie, and, with sliding expiry, one that has used up its reissue
 * share.
 *
 * <p>Only sliding expiry gives a reseal a fresh lifetime. Every other reseal is one the application
 * did not ask for, so it keeps the original's expiration: a copy taken from a browser must not
 * outlive its ttl because the keys changed. A seal already past its expiration (accepted only
 * within iron's clock skew) is never sealed again.
 */
final class ResealPolicy {

  /**
   * Whether an unchanged tracker is sealed again and, if so, the latest expiration the new seal may
   * have ({@code notAfter}; null: a fresh lifetime, as for an application's write).
   */
  record Reseal(boolean due, Instant notAfter) {
    static final Reseal NONE = new Reseal(false, null);
  }

  private final Predicate<String> isCurrent; // whether a seal's password id seals now
  private final Duration slidingLifetime; // null: no sliding expiry
  private final double reissueAfter;
  private final Clock clock;
  private final Duration localtimeOffset;

  ResealPolicy(TrackerConfig config) {
    this(config, config.passwords()::isCurrent);
  }

  /** With {@code isCurrent} telling whether a seal's password id is the one that seals now. */
  ResealPolicy(TrackerConfig config, Predicate<String> isCurrent) {
    this.isCurrent = isCurrent;
    this.slidingLifetime = config.lifetimes().slidingExpiry().orElse(null);
    this.reissueAfter = config.lifetimes().reissueAfter();
    this.clock = config.clock();
    this.localtimeOffset = config.ironOptions().localtimeOffset();
  }

  /** What the response does with an opened seal whose content is unchanged. */
  Reseal decide(Unsealed unsealed) {
    return decide(unsealed, null);
  }

  /**
   * As {@link #decide(Unsealed)}, for a content whose new seals may expire no later than {@code
   * bound} (its session's end; null: none): a sliding reissue then gets that bound, and is not made
   * when it would not expire later than the seal it replaces (at the end of a session).
   */
  Reseal decide(Unsealed unsealed, Instant bound) {
    return decide(unsealed.sealedWithCurrentPassword(), unsealed.expiration().orElse(null), bound);
  }

  /**
   * What the response does with a tracker read from a legacy cookie that expires then: it is always
   * sealed again (the legacy cookie is then deleted), keeping that expiration.
   */
  Reseal forLegacy(Instant legacyExpiration) {
    return new Reseal(true, legacyExpiration);
  }

  private Reseal decide(boolean current, Instant expiration, Instant bound) {
    if (expiration != null && !now().isBefore(expiration)) {
      return Reseal.NONE; // past its expiration, only inside the skew: let it lapse
    }
    if (slidingDue(expiration)
        && (bound == null || expiration == null || bound.isAfter(expiration))) {
      return new Reseal(true, bound);
    }
    return current ? Reseal.NONE : new Reseal(true, expiration);
  }

  /**
   * Whether the response should open a cookie nobody read, to reseal it: decided from what the
   * candidates' seals say about themselves, without crypto. Any candidate that may be due is
   * enough, since the one that opens is not known before opening; opening then decides.
   */
  boolean mayBeDue(CookieJar.Found found) {
    boolean anySeal = false;
    for (CookieHeaderParser.Candidate candidate : found.candidates()) {
      if (candidate.rejection() != null) {
        continue;
      }
      SealParts parts;
      Instant expiration = null;
      try {
        parts = SealParts.parse(SealFormat.withoutSuffix(candidate.value()));
        if (!parts.expiration().isEmpty()) {
          expiration = Instant.ofEpochMilli(Long.parseLong(parts.expiration()));
        }
      } catch (RuntimeException e) {
        continue; // not a seal: nothing to reseal
      }
      anySeal = true;
      if (decide(isCurrent.test(parts.passwordId()), expiration, null).due()) {
        return true;
      }
    }
    // A legacy visitor is upgraded on the first response, unless a seal may hold the tracker.
    return !anySeal && !found.legacy().isEmpty();
  }

  private Instant now() {
    return clock.instant().plus(localtimeOffset);
  }

  /**
   * With sliding expiry, whether a seal expiring then has used up its reissue share: a seal without
   * an expiration is due too, so it gets one.
   */
  private boolean slidingDue(Instant expiration) {
    if (slidingLifetime == null) {
      return false;
    }
    if (expiration == null) {
      return true;
    }
    long keepMillis = (long) (slidingLifetime.toMillis() * (1 - reissueAfter));
    return !now().isBefore(expiration.minusMillis(keepMillis));
  }
}
