package io.trackercookie.internal;

import io.trackercookie.RejectionReason;
import io.trackercookie.TrackerListener;
import io.trackercookie.iron.IronException;
import io.trackercookie.legacy.LegacyCookieException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the application's {@link TrackerListener}s what happened to its cookies, in one vocabulary
 * ({@link RejectionReason}) whichever reader refused a cookie. A listener that throws is logged and
 * otherwise ignored: a metrics bug never fails a request.
 */
final class Listeners {

  static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final List<TrackerListener> listeners;

  Listeners(List<TrackerListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /**
   * A cookie was refused: logged at FINE with its name and reason only (never its value, the
   * plaintext or a secret) and, if {@code report}, told to the listeners.
   */
  void rejected(String cookieName, RejectionReason reason, boolean report) {
    LOG.log(Level.FINE, "Cookie {0} rejected: {1}", new Object[] {cookieName, reason});
    if (!report) {
      return;
    }
    for (TrackerListener listener : listeners) {
      try {
        listener.cookieRejected(reason);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A TrackerListener threw " + e.getClass().getName());
      }
    }
  }

  /** A Set-Cookie carrying a new seal was written, {@code setCookieBytes} long in all. */
  void sealed(int setCookieBytes) {
    for (TrackerListener listener : listeners) {
      try {
        listener.cookieSealed(setCookieBytes);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A TrackerListener threw " + e.getClass().getName());
      }
    }
  }

  /** A cookie was accepted without its revocation check (fail-open, store unavailable). */
  void revocationUnchecked() {
    for (TrackerListener listener : listeners) {
      try {
        listener.revocationUnchecked();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A TrackerListener threw " + e.getClass().getName());
      }
    }
  }

  /** The rejection reason for a seal that iron refused. */
  static RejectionReason reasonFor(IronException.Reason reason) {
    return switch (reason) {
      case SEAL_TOO_LONG -> RejectionReason.OVERSIZE;
      case EXPIRED -> RejectionReason.EXPIRED;
      case UNKNOWN_PASSWORD_ID -> RejectionReason.UNKNOWN_PASSWORD_ID;
      case BAD_MAC -> RejectionReason.BAD_MAC;
      case DECRYPTION_FAILED, INVALID_UTF8 -> RejectionReason.UNDECRYPTABLE;
      default -> RejectionReason.MALFORMED;
    };
  }

  /** The rejection reason for a legacy cookie that cookie-sessions' format refused. */
  static RejectionReason reasonFor(LegacyCookieException.Reason reason) {
    return switch (reason) {
      case TOO_LONG -> RejectionReason.OVERSIZE;
      case BAD_MAC -> RejectionReason.BAD_MAC;
      case EXPIRED -> RejectionReason.EXPIRED;
      case DECRYPTION_FAILED, INVALID_UTF8 -> RejectionReason.UNDECRYPTABLE;
      case INVALID_JSON -> RejectionReason.INVALID_JSON;
      case MALFORMED -> RejectionReason.MALFORMED;
    };
  }
}
