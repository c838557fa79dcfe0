package io.trackercookie.internal;

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
  private final Duration maxAge;
  // The last Expires text and its second: every response within a second writes the same one,
  // and formatting the date showed in the write path's profile.
  private volatile HttpDate lastExpires = new HttpDate(Long.MIN_VALUE, "");

  private record HttpDate(long epochSecond, String text) {}

  SetCookieWriter(CookieSettings settings, Clock clock) {
    this(settings, settings.cookieName(), settings.maxAge(), clock);
  }

  /** With another name (a chunk's) or Max-Age (sliding expiry's, iron-session's). */
  SetCookieWriter(CookieSettings settings, String name, Duration maxAge, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.name = name;
    this.maxAge = maxAge;
  }

  String write(String value, boolean secure) {
    StringBuilder line = new StringBuilder(name.length() + value.length() + 160);
    line.append(name).append('=').append(value);
    long maxAgeSeconds = maxAge.getSeconds();
    if (maxAgeSeconds > 0) {
      line.append("; Max-Age=").append(maxAgeSeconds);
      line.append("; Expires=").append(expires(Math.floorDiv(clock.millis(), 1000L) + maxAgeSeconds));
    }
    return appendAttributes(line, secure);
  }

  private String expires(long epochSecond) {
    HttpDate last = lastExpires;
    if (last.epochSecond() != epochSecond) {
      last = new HttpDate(epochSecond, HTTP_DATE.format(Instant.ofEpochSecond(epochSecond)));
      lastExpires = last;
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
