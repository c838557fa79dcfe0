package io.trackercookie.internal.cookie;

import io.trackercookie.CookieSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the Set-Cookie header text itself: {@code NewCookie} has no Partitioned attribute, and
 * writing it here fixes the attribute order and format on every JAX-RS runtime. All ASCII, so
 * characters are bytes.
 */
final class SetCookieWriter {

  /** RFC 1123 with a two-digit day, as browsers and Express write it. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private static final String EPOCH = HTTP_DATE.format(Instant.EPOCH);

  private final CookieSettings settings;
  private final Clock clock;
  private final String name;
  private final String namePrefix; // "name="
  private final Duration maxAge;
  private final long sealClockOffsetMillis;
  // Everything after the value, for the last second and Secure setting asked for: every response
  // within a second writes the same text, so a line is one concatenation, with the date formatted
  // once a second rather than once a line.
  private volatile Suffix lastSuffix = new Suffix(Long.MIN_VALUE, false, "");

  private record Suffix(long epochSecond, boolean secure, String text) {}

  /**
   * A writer for one cookie name (the tracker's, or a chunk's) with the configured attributes.
   * {@code sealClockOffset}: iron's local-time offset, since seal expirations are written and read
   * on the clock plus it.
   */
  SetCookieWriter(
      CookieSettings settings,
      String name,
      Duration maxAge,
      Clock clock,
      Duration sealClockOffset) {
    this.sealClockOffsetMillis = sealClockOffset.toMillis();
    this.settings = settings;
    this.clock = clock;
    this.name = name;
    this.namePrefix = name + "=";
    this.maxAge = maxAge;
  }

  String write(String value, boolean secure) {
    return namePrefix + value + suffix(secure);
  }

  /**
   * As {@link #write(String, boolean)}, for a seal that expires at {@code sealExpiration}: when
   * that comes before the configured Max-Age would end, Max-Age and Expires end with the seal (a
   * reseal that kept an earlier expiration), so the browser drops a cookie that no longer opens.
   * The time left is measured on the seal's clock (with iron's local-time offset). A session cookie
   * stays one.
   */
  String write(String value, boolean secure, Instant sealExpiration) {
    return write(value, secure, sealExpiration, CookieLifetime.CONFIGURED);
  }

  /**
   * As {@link #write(String, boolean, Instant)}, with the cookie's lifetime chosen for this seal:
   * as configured; a session cookie (no Max-Age, no Expires); or one that ends exactly when the
   * seal does (a remembered sign-in), whatever Max-Age is configured.
   */
  String write(String value, boolean secure, Instant sealExpiration, CookieLifetime lifetime) {
    if (lifetime == CookieLifetime.SESSION) {
      return appendAttributes(
          new StringBuilder(value.length() + 160).append(namePrefix).append(value), secure);
    }
    long maxAgeSeconds =
        lifetime == CookieLifetime.UNTIL_SEAL_EXPIRES && sealExpiration != null
            ? Long.MAX_VALUE
            : maxAge.toSeconds();
    if (sealExpiration == null || maxAgeSeconds <= 0) {
      return write(value, secure);
    }
    long millis = clock.millis();
    long epochSecond = Math.floorDiv(millis, 1000L);
    // How long the seal still opens, measured on the clock its expiration was written on.
    long sealClockSecond = Math.floorDiv(millis + sealClockOffsetMillis, 1000L);
    long untilExpiration = Math.max(1, sealExpiration.getEpochSecond() - sealClockSecond);
    if (untilExpiration >= maxAgeSeconds) {
      return write(value, secure);
    }
    StringBuilder line = new StringBuilder(value.length() + 200);
    line.append(namePrefix)
        .append(value)
        .append("; Max-Age=")
        .append(untilExpiration)
        .append("; Expires=")
        .append(HTTP_DATE.format(Instant.ofEpochSecond(epochSecond + untilExpiration)));
    return appendAttributes(line, secure);
  }

  private String suffix(boolean secure) {
    long epochSecond = Math.floorDiv(clock.millis(), 1000L);
    Suffix last = lastSuffix;
    if (last.epochSecond() != epochSecond || last.secure() != secure) {
      StringBuilder text = new StringBuilder(160);
      long maxAgeSeconds = maxAge.toSeconds();
      if (maxAgeSeconds > 0) {
        text.append("; Max-Age=")
            .append(maxAgeSeconds)
            .append("; Expires=")
            .append(HTTP_DATE.format(Instant.ofEpochSecond(epochSecond + maxAgeSeconds)));
      }
      last = new Suffix(epochSecond, secure, appendAttributes(text, secure));
      lastSuffix = last;
    }
    return last.text();
  }

  /** A cookie that makes the browser drop the tracker: same name, path and domain. */
  String delete(boolean secure) {
    StringBuilder line = new StringBuilder(160);
    line.append(name).append("=; Max-Age=0; Expires=").append(EPOCH);
    return appendAttributes(line, secure);
  }

  /** The length of {@link #write} less the value's: fixed, since Expires has a fixed width. */
  int lengthWithoutValue(boolean secure) {
    return write("", secure).length();
  }

  /**
   * As {@link #lengthWithoutValue}, for a cookie whose Max-Age may be as long as {@code longest} (a
   * remembered sign-in's): its Max-Age may have more digits than the configured one's.
   */
  int lengthWithoutValue(boolean secure, Duration longest) {
    int configured = lengthWithoutValue(secure);
    String longer = namePrefix + "; Max-Age=" + longest.toSeconds() + "; Expires=" + EPOCH;
    return Math.max(configured, appendAttributes(new StringBuilder(longer), secure).length());
  }

  private String appendAttributes(StringBuilder line, boolean secure) {
    line.append("; Path=").append(settings.path());
    if (settings.domain() != null) {
      line.append("; Domain=").append(settings.domain());
    }
    if (secure) {
      line.append("; Secure");
    }
    if (settings.httpOnly()) {
      line.append("; HttpOnly");
    }
    line.append("; SameSite=").append(settings.sameSite().attributeValue());
    if (settings.partitioned()) {
      line.append("; Partitioned");
    }
    return line.toString();
  }
}
