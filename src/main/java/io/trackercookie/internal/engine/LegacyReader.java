package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.RejectionReason;
import io.trackercookie.internal.cookie.CookieHeaderParser;
import io.trackercookie.internal.seal.SealFormat;
import io.trackercookie.internal.seal.TrackerJson;
import io.trackercookie.legacy.LegacyCookieException;
import io.trackercookie.legacy.LegacySession;
import io.trackercookie.legacy.LegacySessionDecoder;
import java.time.Instant;
import java.util.List;

/**
 * Reads legacy cookie-sessions cookies into a tracker object, for visitors who have no valid
 * tracker cookie yet. Refusals go to the listeners in the same vocabulary as the tracker's own.
 */
final class LegacyReader {

  private final LegacySessionDecoder decoder;
  private final String cookieName;
  private final ListenerFanout listeners;

  LegacyReader(LegacySessionDecoder decoder, String cookieName, ListenerFanout listeners) {
    this.decoder = decoder;
    this.cookieName = cookieName;
    this.listeners = listeners;
  }

  /**
   * A legacy cookie's tracker object, its HMAC (which names it for revocation), when
   * cookie-sessions wrote it, and when the legacy cookie itself expires.
   */
  record OpenedLegacyCookie(ObjectNode content, String hmac, Instant written, Instant expiration) {}

  /**
   * The first legacy cookie that decodes into a tracker object, or null; the reason of each refused
   * one is added to {@code rejected} unless it is null.
   */
  OpenedLegacyCookie open(
      List<CookieHeaderParser.Candidate> candidates,
      boolean report,
      List<RejectionReason> rejected) {
    for (CookieHeaderParser.Candidate candidate : candidates) {
      RejectionReason reason = candidate.rejection();
      if (reason == null) {
        try {
          String value = unescape(candidate.value());
          LegacySession session = decoder.open(value);
          return new OpenedLegacyCookie(
              SealFormat.read(session.json()),
              value.substring(0, LegacySessionDecoder.HMAC_CHARS),
              session.timestamp(),
              session.timestamp().plus(decoder.timeout()));
        } catch (LegacyCookieException e) {
          reason = RejectionReasons.of(e.reason());
        } catch (TrackerJson.Rejected e) {
          reason = e.reason();
        } catch (RuntimeException e) {
          reason = RejectionReason.MALFORMED;
        }
      }
      listeners.rejected(cookieName, reason, report);
      if (rejected != null) {
        rejected.add(reason);
      }
    }
    return null;
  }

  /**
   * JavaScript's {@code unescape} for {@code %XX}, which cookie-sessions runs on the value before
   * reading it (browsers and clients may send the hex digits escaped); anything else is kept.
   */
  static String unescape(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%'
          && i + 2 < value.length()
          && isHex(value.charAt(i + 1))
          && isHex(value.charAt(i + 2))) {
        out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return c < 0x80 && Character.digit(c, 16) >= 0;
  }
}
