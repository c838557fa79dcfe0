package io.trackercookie;

import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How long a seal is accepted: an absolute {@link Builder#ttl ttl}, a {@link Builder#slidingExpiry
 * sliding (inactivity) expiry} with its {@link Builder#reissueAfter reissue share}, or {@link
 * Builder#sealsNeverExpire no expiration}. Immutable; each setter checks its value and {@link
 * Builder#build()} checks how they combine. What the seal and the cookie then get also depends on
 * the payload format and the cookie's Max-Age, which {@link #sealTtl} and {@link #cookieMaxAge}
 * take as parameters ({@link TrackerConfig#sealTtl()} and {@link TrackerConfig#cookieMaxAge()} pass
 * the config's).
 *
 * <pre>{@code
 * TrackerConfig.builder().password(secret)
 *     .lifetimes(Lifetimes.builder().slidingExpiry(Duration.ofMinutes(30)).reissueAfter(0.25).build())
 *     .build();
 * }</pre>
 */
public final class Lifetimes {

  /**
   * The shortest ttl (and sliding expiry): iron accepts a seal up to 60 s past its expiration, so a
   * shorter lifetime would mostly be skew.
   */
  public static final Duration MIN_TTL = Duration.ofMinutes(2);

  /**
   * The longest ttl: ten years, far inside what an expiration can say (the year 33658), so a seal
   * this library writes is one it opens.
   */
  public static final Duration MAX_TTL = Duration.ofDays(3650);

  /** The longest sliding expiry: the longest Max-Age browsers keep, as the cookie lives as long. */
  public static final Duration MAX_SLIDING_EXPIRY = CookieSettings.MAX_MAX_AGE;

  /** The default share of the sliding lifetime after which a cookie is reissued. */
  public static final double DEFAULT_REISSUE_AFTER = 0.5;

  private final @Nullable Duration ttl; // null: from the format or the cookie's Max-Age
  private final boolean sealsNeverExpire;
  private final @Nullable Duration slidingExpiry; // null: off
  private final double reissueAfter;

  private Lifetimes(Builder b) {
    this.ttl = b.ttl;
    this.sealsNeverExpire = b.sealsNeverExpire;
    this.slidingExpiry = b.slidingExpiry;
    this.reissueAfter = b.reissueAfter;
  }

  /** No ttl, no sliding expiry: seals expire when their cookie does. */
  public static Lifetimes defaults() {
    return builder().build();
  }

  /** A builder with the {@linkplain #defaults() defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these lifetimes, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ttl = ttl;
    b.sealsNeverExpire = sealsNeverExpire;
    b.slidingExpiry = slidingExpiry;
    b.reissueAfter = reissueAfter;
    return b;
  }

  /** The ttl as configured, if it was; {@link #sealTtl} is the lifetime seals get. */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  /** Whether seals are written without an expiration. */
  public boolean sealsNeverExpire() {
    return sealsNeverExpire;
  }

  /** The sliding (inactivity) expiry, if on: each seal lives this long after it was written. */
  public Optional<Duration> slidingExpiry() {
    return Optional.ofNullable(slidingExpiry);
  }

  /** The share of the sliding lifetime after which a still-valid cookie is reissued. */
  public double reissueAfter() {
    return reissueAfter;
  }

  /**
   * The lifetime written into each seal; {@link Duration#ZERO} for none. With sliding expiry, the
   * sliding lifetime; else the ttl if one was set; else the format's ({@link
   * PayloadFormat#IRON_SESSION}: 14 days); else the cookie's Max-Age (30 days for a session
   * cookie), so a seal expires when its cookie does.
   */
  public Duration sealTtl(PayloadFormat format, CookieSettings cookie) {
    if (slidingExpiry != null) {
      return slidingExpiry;
    }
    if (sealsNeverExpire) {
      return Duration.ZERO;
    }
    if (ttl != null) {
      return ttl;
    }
    Duration formatTtl = format.defaultTtl();
    if (!formatTtl.isZero()) {
      return formatTtl;
    }
    return cookie.maxAge().isZero() ? CookieSettings.DEFAULT_MAX_AGE : cookie.maxAge();
  }

  /**
   * The Max-Age written; {@link Duration#ZERO} for a session cookie. With sliding expiry, the
   * sliding lifetime. Otherwise the cookie's Max-Age when one was set (a session cookie stays one),
   * else the format's ({@link PayloadFormat#IRON_SESSION}: the ttl less 60 s, as iron-session
   * writes it; the others: the cookie's default); in every case no longer than the {@linkplain
   * #sealTtl seal's lifetime}, so the browser never keeps a cookie that no longer opens.
   *
   * @throws IllegalArgumentException if the format cannot write a cookie for the seal's lifetime
   */
  public Duration cookieMaxAge(PayloadFormat format, CookieSettings cookie) {
    if (slidingExpiry != null) {
      return slidingExpiry;
    }
    Duration sealTtl = sealTtl(format, cookie);
    Duration maxAge =
        cookie.maxAgeSet() ? cookie.maxAge() : format.maxAge(cookie.maxAge(), sealTtl);
    return !sealTtl.isZero() && maxAge.compareTo(sealTtl) > 0 ? sealTtl : maxAge;
  }

  @Override
  public String toString() {
    return "Lifetimes[ttl="
        + (sealsNeverExpire ? "none" : ttl == null ? "default" : ttl)
        + ", slidingExpiry="
        + slidingExpiry
        + ", reissueAfter="
        + reissueAfter
        + "]";
  }

  /**
   * Builds {@link Lifetimes}; each setter checks its value at once, {@link #build()} the
   * combination. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable Duration ttl;
    private boolean sealsNeverExpire;
    private @Nullable Duration slidingExpiry;
    private double reissueAfter = DEFAULT_REISSUE_AFTER;

    private Builder() {}

    /**
     * The seal's lifetime (iron's ttl): a seal is refused this long after it was written, whatever
     * the cookie's Max-Age. Default: the cookie's Max-Age, so a seal expires when its cookie does.
     * Each write of the application ({@link Tracker#put}, {@link Tracker#replaceWith}, a removal)
     * seals with an expiration this long from then; a seal made again without a change (a new
     * password, a legacy upgrade) keeps its expiration. A Max-Age longer than the ttl is shortened
     * to it. Not combined with {@link #slidingExpiry} or {@link #sealsNeverExpire()}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException unless whole seconds from {@link #MIN_TTL} (2 minutes) to
     *     {@link #MAX_TTL} (10 years); {@link #sealsNeverExpire()} turns expiration off
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isZero()) {
        // Users reach for ttl(ZERO) to mean "no expiration"; say which setting means that.
        throw new IllegalArgumentException(
            "ttl must be from "
                + MIN_TTL.toMinutes()
                + " minutes; for seals without an expiration use sealsNeverExpire()"
                + " ("
                + SettingNames.SEALS_NEVER_EXPIRE
                + "=true)");
      }
      checkLifetime("ttl", ttl, MAX_TTL);
      this.ttl = ttl;
      return this;
    }

    /**
     * Seals carry no expiration: a copy of a cookie opens for as long as the password does, after
     * the cookie itself is gone. For trackers that must outlive any one cookie, such as an
     * anonymous visitor id whose Max-Age each write renews. Not combined with {@link #ttl} or
     * {@link #slidingExpiry}.
     */
    public Builder sealsNeverExpire() {
      this.sealsNeverExpire = true;
      return this;
    }

    /**
     * Sliding (inactivity) expiry: each seal expires this long after it was written, and a valid
     * cookie is written again, with a new expiration, once {@link #reissueAfter} of this lifetime
     * has passed. An active visitor stays in; an idle one's cookie expires. The cookie's Max-Age is
     * this lifetime. Not combined with {@link #ttl}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException unless whole seconds from {@link #MIN_TTL} (2 minutes) to
     *     {@link #MAX_SLIDING_EXPIRY} (400 days, the longest Max-Age browsers keep)
     */
    public Builder slidingExpiry(Duration idleTimeout) {
      Objects.requireNonNull(idleTimeout, "slidingExpiry");
      checkLifetime("slidingExpiry", idleTimeout, MAX_SLIDING_EXPIRY);
      this.slidingExpiry = idleTimeout;
      return this;
    }

    /**
     * The share of the sliding lifetime after which a valid cookie is reissued; default {@value
     * Lifetimes#DEFAULT_REISSUE_AFTER}. Lower values write Set-Cookie more often; a cookie is never
     * reissued on every response.
     *
     * @throws IllegalArgumentException unless strictly between 0 and 1
     */
    public Builder reissueAfter(double share) {
      if (!(share > 0 && share < 1)) {
        throw new IllegalArgumentException(
            "reissueAfter must be between 0 and 1 (exclusive), was " + share);
      }
      this.reissueAfter = share;
      return this;
    }

    /**
     * The lifetimes, once their combination is checked.
     *
     * @throws IllegalStateException if two of slidingExpiry, ttl and sealsNeverExpire are set
     */
    public Lifetimes build() {
      if (slidingExpiry != null && ttl != null) {
        throw new IllegalStateException(
            "slidingExpiry and ttl cannot both be set: with sliding"
                + " expiry, each seal's lifetime is the sliding one");
      }
      if (sealsNeverExpire && (ttl != null || slidingExpiry != null)) {
        throw new IllegalStateException(
            "sealsNeverExpire cannot be combined with ttl or slidingExpiry, which give seals an"
                + " expiration");
      }
      return new Lifetimes(this);
    }

    /** Refuses a seal lifetime that is sub-second, shorter than MIN_TTL or longer than max. */
    private static void checkLifetime(String setter, Duration lifetime, Duration max) {
      if (lifetime.toNanosPart() != 0) {
        throw new IllegalArgumentException(
            setter + " must be whole seconds (Max-Age has no fractions), was " + lifetime);
      }
      if (lifetime.compareTo(MIN_TTL) < 0 || lifetime.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            setter
                + " must be from "
                + MIN_TTL.toMinutes()
                + " minutes (iron accepts 60 s past an expiration) to "
                + max.toDays()
                + " days, was "
                + lifetime);
      }
    }
  }
}
