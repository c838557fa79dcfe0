package io.trackercookie.legacy;

import java.time.Instant;
import java.util.Objects;

/**
 * What a legacy cookie held: the session as JSON text, and when the cookie was written, so that a
 * caller can reissue the session in the current format and keep (or shorten) its lifetime.
 *
 * @param json the decrypted {@code JSON.stringify(session)}, checked to be one JSON value
 * @param timestamp when cookie-sessions wrote the cookie (millisecond precision)
 */
public record LegacySession(String json, Instant timestamp) {

  /**
   * A legacy cookie's session.
   *
   * @throws NullPointerException if either is null
   */
  public LegacySession {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** Never prints the session: it may hold personal data. */
  @Override
  public String toString() {
    return "LegacySession[timestamp=" + timestamp + ", json=(" + json.length() + " chars)]";
  }
}
