package io.trackercookie.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a test sets and moves forward, for expiry and sliding-expiry tests: give it to {@link
 * io.trackercookie.TrackerConfig.Builder#clock} and the seals' expirations, the cookies' Expires
 * and the reissue decisions all follow it. Time passes without sleeping. Safe to read from request
 * threads while the test moves it. In UTC; {@link #withZone} keeps the same instant.
 */
public final class TestClock extends Clock {

  private volatile Instant now;

  /**
   * A clock standing at {@code start}.
   *
   * @throws NullPointerException if null
   */
  public TestClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** A clock standing at the present moment of the system clock. */
  public static TestClock startingNow() {
    return new TestClock(Instant.now());
  }

  /**
   * Moves the clock forward.
   *
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if negative: expiry tests move forward
   */
  public synchronized void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("advance takes a duration of 0 or more, was " + duration);
    }
    now = now.plus(duration);
  }

  /**
   * Sets the clock to this instant, earlier or later.
   *
   * @throws NullPointerException if null
   */
  public void set(Instant instant) {
    this.now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "TestClock[" + now + "]";
  }
}
