package io.trackercookie.iron;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * {@link SaltPolicy#reuse}: one salt pair and its keys for up to {@code maxSeals} seals within
 * {@code maxAge}, then a new pair. It holds the pair in use and the one before it, so the codec
 * opens its own recent seals without deriving their keys again.
 *
 * <p>Thread-safe without locks. A seal claims a use of the current pair before taking it, so no
 * pair seals more than {@code maxSeals} times. Two threads may both replace a spent pair; one
 * replacement stays current and the other seals once, which is harmless.
 */
final class ReusedSalts implements SaltSource {

  private final IronOptions options;
  private final int maxSeals;
  private final long maxAgeMillis;
  private volatile @Nullable Window current;
  private volatile @Nullable Window previous;

  /** A salt pair, when it first sealed and how many seals have claimed it. */
  private record Window(SealKeys keys, long createdMillis, AtomicInteger uses) {}

  ReusedSalts(IronOptions options, SaltPolicy policy) {
    this.options = options;
    this.maxSeals = policy.maxSeals();
    this.maxAgeMillis = policy.maxAge().toMillis();
  }

  @Override
  public SealKeys forSeal(IronSecret secret, CryptoContext crypto) {
    long now = options.clock().millis();
    Window window = current;
    if (window != null
        && window.keys().secret() == secret
        && now >= window.createdMillis() // a clock set back starts a new window
        && now - window.createdMillis() < maxAgeMillis
        && window.uses().incrementAndGet() <= maxSeals) {
      return window.keys();
    }
    Window next = new Window(SealKeys.drawn(secret, options, crypto), now, new AtomicInteger(1));
    previous = window;
    current = next;
    return next.keys();
  }

  @Override
  public @Nullable SealKeys heldFor(IronSecret secret, SealParts parts) {
    Window window = current;
    if (window != null && window.keys().madeSeal(secret, parts)) {
      return window.keys();
    }
    window = previous;
    return window != null && window.keys().madeSeal(secret, parts) ? window.keys() : null;
  }

  @Override
  public String toString() {
    return "ReusedSalts[maxSeals=" + maxSeals + ", maxAgeMillis=" + maxAgeMillis + "]";
  }
}
