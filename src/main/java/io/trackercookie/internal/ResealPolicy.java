package io.trackercookie.internal;

import io.trackercookie.TrackerConfig;
import io.trackercookie.iron.SealParts;
import io.trackercookie.iron.Unsealed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * When a valid, unchanged cookie is sealed again: it was made with a password that is no longer the
 * current one (key rotation), or, with sliding expiry, it has used up its reissue share.
 */
final class ResealPolicy {

  private final Predicate<String> isCurrent; // whether a seal's password id seals now
  private final Duration slidingLifetime; // null: no sliding expiry
  private final double reissueAfter;
  private final Clock clock;

  ResealPolicy(TrackerConfig config) {
    this(config, config.passwords()::isCurrent);
  }

  /** With {@code isCurrent} telling whether a seal's password id is the one that seals now. */
  ResealPolicy(TrackerConfig config, Predicate<String> isCurrent) {
    this.isCurrent = isCurrent;
    this.slidingLifetime = config.slidingExpiry().orElse(null);
    this.reissueAfter = config.reissueAfter();
    this.clock = config.clock();
  }

  /**
   * Whether an opened seal must be sealed again on this response, though its content is unchanged.
   */
  boolean isDue(Unsealed unsealed) {
    return !unsealed.sealedWithCurrentPassword() || slidingDue(unsealed.expiration().orElse(null));
  }

  /**
   * Whether the response should open a cookie nobody read, to reseal it: decided from what the
   * first candidate's seal says about itself, without crypto (the opening then verifies it).
   */
  boolean mayBeDue(CookieJar.Found found) {
    List<CookieHeaderParser.Candidate> candidates = found.candidates();
    if (candidates.isEmpty()) {
      return !found.legacy().isEmpty(); // a legacy visitor is upgraded on the first response
    }
    if (candidates.get(0).rejection() != null) {
      return false;
    }
    SealParts parts;
    Instant expiration = null;
    try {
      parts = SealParts.parse(SealFormat.withoutSuffix(candidates.get(0).value()));
      if (!parts.expiration().isEmpty()) {
        expiration = Instant.ofEpochMilli(Long.parseLong(parts.expiration()));
      }
    } catch (RuntimeException e) {
      return false; // not a seal: nothing to reseal, and nobody asked for the tracker
    }
    return !isCurrent.test(parts.passwordId()) || slidingDue(expiration);
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
    return !clock.instant().isBefore(expiration.minusMillis(keepMillis));
  }
}
