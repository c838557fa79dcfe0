package io.trackercookie.iron;

import java.time.Duration;
import java.util.Objects;

/**
 * Which salts a codec's new seals get, and so how often it derives keys. Only the writer chooses:
 * every seal carries its own salts, and every reader (iron included) derives its keys from the
 * salts it finds, so a seal opens the same under either policy.
 *
 * <ul>
 *   <li>{@link #fresh()}: iron's own behaviour. Two new random salts for every seal, and two PBKDF2
 *       keys derived from them.
 *   <li>{@link #reuse(int, Duration)}: one salt pair, and the two keys derived from it, for up to
 *       {@code maxSeals} seals made within {@code maxAge}. A seal then costs AES, HMAC-SHA256 and a
 *       fresh random IV, as any message under an AES-CBC + HMAC scheme does: one encryption key and
 *       one MAC key for many messages, each with its own IV. Seals of one window show the same
 *       salts, which tells an observer they were made close together and nothing about their
 *       content. A codec that reuses salts also opens seals made with its current or previous pair
 *       without deriving their keys again.
 * </ul>
 *
 * <p>Immutable and thread-safe: a policy is a setting, and each codec keeps the salt pair it is
 * using for itself, so codecs built from the same options never share one.
 */
public final class SaltPolicy {

  private static final SaltPolicy FRESH = new SaltPolicy(1, Duration.ZERO);

  private final int maxSeals;
  private final Duration maxAge;

  private SaltPolicy(int maxSeals, Duration maxAge) {
    this.maxSeals = maxSeals;
    this.maxAge = maxAge;
  }

  /** New salts for every seal, as iron makes them; the default. */
  public static SaltPolicy fresh() {
    return FRESH;
  }

  /**
   * One salt pair for up to {@code maxSeals} seals made within {@code maxAge} of the first of them.
   * {@code reuse(1, Duration.ZERO)} is {@link #fresh()}.
   *
   * @throws IllegalArgumentException if {@code maxSeals} is below 1, {@code maxAge} is negative, or
   *     {@code maxAge} is zero while {@code maxSeals} is above 1
   * @throws NullPointerException if {@code maxAge} is null
   */
  public static SaltPolicy reuse(int maxSeals, Duration maxAge) {
    Objects.requireNonNull(maxAge, "saltReuse maxAge");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("saltReuse maxAge must not be negative, was " + maxAge);
    }
    if (maxSeals < 1) {
      throw new IllegalArgumentException("saltReuse maxSeals must be at least 1, was " + maxSeals);
    }
    if (maxSeals == 1) {
      return FRESH;
    }
    if (maxAge.isZero()) {
      throw new IllegalArgumentException(
          "saltReuse needs a maxAge above zero when maxSeals is above 1");
    }
    return new SaltPolicy(maxSeals, maxAge);
  }

  /** True for {@link #fresh()}: every seal has salts of its own. */
  public boolean isFresh() {
    return maxSeals == 1;
  }

  /** How many seals may share one salt pair; 1 for {@link #fresh()}. */
  public int maxSeals() {
    return maxSeals;
  }

  /** How long one salt pair may seal, from its first seal; zero for {@link #fresh()}. */
  public Duration maxAge() {
    return maxAge;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SaltPolicy policy
        && policy.maxSeals == maxSeals
        && policy.maxAge.equals(maxAge);
  }

  @Override
  public int hashCode() {
    return 31 * maxSeals + maxAge.hashCode();
  }

  @Override
  public String toString() {
    return isFresh()
        ? "SaltPolicy[fresh]"
        : "SaltPolicy[reuse maxSeals=" + maxSeals + ", maxAge=" + maxAge + "]";
  }
}
