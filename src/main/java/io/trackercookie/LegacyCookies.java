package io.trackercookie;

import io.trackercookie.legacy.LegacySessionDecoder;
import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reading legacy cookie-sessions 0.0.x cookies (never writing them): the secret they were made
 * with, their cookie's name and their timeout. Off until a {@link Builder#secret secret} is given;
 * then a visitor with no valid tracker but a valid legacy cookie gets its content, and the same
 * response writes the tracker cookie and deletes the legacy one. Immutable; {@link #toString()}
 * never shows the secret.
 */
public final class LegacyCookies {

  /** cookie-sessions' default session_key. */
  public static final String DEFAULT_COOKIE_NAME = "_node";

  /** cookie-sessions' default timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

  /**
   * The longest timeout: 400 days, the longest a browser keeps a cookie (RFC 6265bis).
   * cookie-sessions wrote its cookie on every response with a fresh timestamp and an Expires and
   * Max-Age of the timeout, so a legacy cookie older than this comes from no browser's cookie jar,
   * only from a copy.
   */
  public static final Duration MAX_TIMEOUT = CookieSettings.MAX_MAX_AGE;

  private final @Nullable String secret; // null: off
  private final String cookieName;
  private final Duration timeout;

  private LegacyCookies(Builder b) {
    this.secret = b.secret;
    this.cookieName = b.cookieName;
    this.timeout = b.timeout;
  }

  /** Off: no legacy cookie is read. */
  public static LegacyCookies off() {
    return builder().build();
  }

  /** A builder with no secret (off), the default cookie name and the default timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.secret = secret;
    b.cookieName = cookieName;
    b.timeout = timeout;
    return b;
  }

  /**
   * The secret of legacy cookie-sessions cookies, if reading them is on. Reading it is a deliberate
   * act: nothing else in this class shows it.
   */
  public Optional<String> secret() {
    return Optional.ofNullable(secret);
  }

  /** The legacy cookie's name (read, then deleted, when a secret is set). */
  public String cookieName() {
    return cookieName;
  }

  /** The legacy cookies' timeout (cookie-sessions' {@code timeout}). */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return secret == null ? "off" : cookieName + " redacted";
  }

  /** Builds {@link LegacyCookies}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private @Nullable String secret;
    private String cookieName = DEFAULT_COOKIE_NAME;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * Reads legacy cookies made with this secret.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if empty, or if the legacy decoder cannot use it (a lone
     *     surrogate), naming the setting, never the value
     */
    public Builder secret(String secret) {
      Objects.requireNonNull(secret, "legacySecret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("legacySecret must not be empty");
      }
      try {
        LegacySessionDecoder.builder().secret(secret);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "The legacy secret ("
                + SettingNames.describe(SettingNames.LEGACY_SECRET)
                + ") is unusable: "
                + e.getMessage());
      }
      this.secret = secret;
      return this;
    }

    /**
     * The legacy cookie's name; default {@value LegacyCookies#DEFAULT_COOKIE_NAME}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not a cookie-name token
     */
    public Builder cookieName(String name) {
      Objects.requireNonNull(name, "legacyCookieName");
      CookieSettings.checkName("legacyCookieName", name);
      this.cookieName = name;
      return this;
    }

    /**
     * The legacy cookies' timeout (cookie-sessions' {@code timeout}); default 24 hours.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not positive, longer than {@link #MAX_TIMEOUT} (400
     *     days), or refused by the legacy decoder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "legacyTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("legacyTimeout must be positive, was " + timeout);
      }
      if (timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "legacyTimeout, "
                + SettingNames.describe(SettingNames.LEGACY_TIMEOUT)
                + ", must be at most "
                + MAX_TIMEOUT.toDays()
                + " days: no browser keeps a cookie longer, so an older legacy cookie can only be a"
                + " copy; was "
                + timeout);
      }
      try {
        LegacySessionDecoder.builder().timeout(timeout);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("legacyTimeout is unusable: " + e.getMessage());
      }
      this.timeout = timeout;
      return this;
    }

    /** The options; each value was checked when it was set. */
    public LegacyCookies build() {
      return new LegacyCookies(this);
    }
  }
}
