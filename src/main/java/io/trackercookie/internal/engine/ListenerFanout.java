package io.trackercookie.internal.engine;

import io.trackercookie.CrossSiteRefusal;
import io.trackercookie.RejectionReason;
import io.trackercookie.TrackerListener;
import io.trackercookie.iron.IronPasswords;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells each of the application's {@link TrackerListener}s what happened to its cookies, refusals
 * in one vocabulary ({@link RejectionReason}, see {@link RejectionReasons}) whichever reader
 * refused a cookie. A listener that throws is logged and otherwise ignored: a metrics bug never
 * fails a request nor loses a tracker.
 */
final class ListenerFanout {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  /** No listeners: forged cookies of a test kit are not the application's traffic. */
  static final ListenerFanout NONE = new ListenerFanout(List.of());

  private final List<TrackerListener> listeners;
  // With no listener (the default) every call returns at once: no iterator, no lambda.
  private final boolean none;
  // A broken registry fails on every request: one WARNING, then FINE, so the log stays readable.
  private final AtomicBoolean warned = new AtomicBoolean();

  ListenerFanout(List<TrackerListener> listeners) {
    this.listeners = List.copyOf(listeners);
    this.none = this.listeners.isEmpty();
  }

  /**
   * A cookie was refused: logged at FINE with its name and reason only (never its value, the
   * plaintext or a secret) and, if {@code report}, told to the listeners.
   */
  void rejected(String cookieName, RejectionReason reason, boolean report) {
    LOG.log(Level.FINE, "Cookie {0} rejected: {1}", new Object[] {cookieName, reason});
    if (report && !none) {
      tell(listener -> listener.cookieRejected(reason));
    }
  }

  /** A Set-Cookie carrying a new seal was written, {@code setCookieBytes} long in all. */
  void sealed(int setCookieBytes) {
    if (!none) {
      tell(listener -> listener.cookieSealed(setCookieBytes));
    }
  }

  /** A tracker cookie opened; {@code sealPasswordId} as the seal named it (empty for none). */
  void opened(String sealPasswordId) {
    if (!none) {
      String id = sealPasswordId.isEmpty() ? IronPasswords.DEFAULT_ID : sealPasswordId;
      tell(listener -> listener.cookieOpened(id));
    }
  }

  /** The verified-seal cache held the seal ({@code hit}) or not. */
  void sealCacheLookup(boolean hit) {
    if (!none) {
      tell(listener -> listener.sealCacheLookup(hit));
    }
  }

  /** {@code Tracker.revoke()} recorded a cookie's seal as revoked. */
  void cookieRevoked() {
    if (!none) {
      tell(TrackerListener::cookieRevoked);
    }
  }

  /** {@code Revocations.revokeAllFor} recorded a subject's logout everywhere. */
  void subjectRevoked() {
    if (!none) {
      tell(TrackerListener::subjectRevoked);
    }
  }

  /** The revocation store was full and signed out everyone signed in until now. */
  void revocationStoreOverflowed() {
    if (!none) {
      tell(TrackerListener::revocationStoreOverflowed);
    }
  }

  private void tell(Consumer<TrackerListener> event) {
    for (TrackerListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException | LinkageError e) {
        // LinkageError too: a listener compiled against another version of its metrics library.
        boolean first = warned.compareAndSet(false, true);
        LOG.log(
            first ? Level.WARNING : Level.FINE,
            "A TrackerListener threw {0} ({1}); the request goes on{2}",
            new Object[] {
              e.getClass().getName(),
              listener.getClass().getName(),
              first ? " (further failures are logged at FINE)" : ""
            });
      }
    }
  }

  /** The cross-site protection refused a request: logged at FINE with its reason, and told. */
  void requestRefused(CrossSiteRefusal reason) {
    LOG.log(Level.FINE, "Request refused: {0}", reason);
    if (!none) {
      tell(listener -> listener.requestRefused(reason));
    }
  }

  /** A cookie was accepted without its revocation check (fail-open, store unavailable). */
  void revocationUnchecked() {
    if (!none) {
      tell(TrackerListener::revocationUnchecked);
    }
  }
}
