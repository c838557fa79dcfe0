package io.trackercookie;

import jakarta.ws.rs.core.Configuration;

/**
 * Log out everywhere: {@link #revokeAllFor} revokes every cookie sealed for a subject (the value of
 * the tracker key named by {@link RevocationOptions.Builder#subjectKey}) before now, on every node
 * that shares the revocation store; {@link #revokeOthersFor} does the same but keeps the session of
 * the request that asks. One object per application, thread-safe, usable from a resource method and
 * from outside any request (an admin action).
 *
 * <p>Subjects are compared in Unicode NFC: {@code "Ren\u00e9"} and {@code "Rene\u0301"} are one
 * subject. A cookie's date is when the request that wrote it began reading its tracker, not when
 * the response was written, so a request that overlaps a log-out never writes a cookie that
 * outlives it; a cookie dated in the very millisecond of the log-out is revoked too.
 *
 * <p>Get it with {@code @Context Revocations} (Jersey, CXF), {@code @Inject Revocations} where CDI
 * runs the application (inside a request), from {@link TrackerFeature#revocations()}, or with
 * {@link #from(Configuration)} ({@code @Context Configuration} on Jersey and RESTEasy; CXF's holds
 * only the application's own properties).
 */
public interface Revocations {

  /** The application property that holds the Revocations, once the feature is configured. */
  String PROPERTY = "io.trackercookie.Revocations";

  /**
   * The application's Revocations.
   *
   * @throws IllegalStateException if the tracker feature is not registered or revocation is off
   */
  static Revocations from(Configuration configuration) {
    if (configuration.getProperty(PROPERTY) instanceof Revocations revocations) {
      return revocations;
    }
    throw new IllegalStateException(
        "No Revocations: register io.trackercookie.TrackerFeature with revocation on ("
            + TrackerSettings.REVOCATION_STORE
            + ")");
  }

  /**
   * Log out everywhere: revokes every cookie sealed for {@code subject} before now, each reading as
   * an empty tracker from then on, however it was kept. Once this returns, no cookie holding the
   * subject that was written by a request begun before it opens anywhere the store is shared:
   * neither one written while this ran, nor a sliding reissue, nor the one this very request writes
   * (the request's own tracker, if it holds the subject, reads as empty from here on and writes no
   * seal; call {@link Tracker#clear()} as well to delete the browser's dead copy). A cookie sealed
   * afterwards (the subject logs in again) is not affected. A subject stored as a JSON number is
   * given as its decimal text ({@code "42"}).
   *
   * @throws NullPointerException if subject is null
   * @throws IllegalArgumentException if subject holds a lone surrogate, which no tracker holds
   * @throws IllegalStateException if no subject key is configured
   * @throws io.trackercookie.revocation.RevocationStoreException if the store could not record it
   *     (nothing was revoked; try again)
   */
  void revokeAllFor(String subject);

  /**
   * Log out everywhere else: revokes every cookie of the subject that {@code current} holds, as
   * {@link #revokeAllFor} does, except the session of this request, which goes on: the response
   * seals {@code current} afresh, dated after the log-out, so only the cookie it sets opens from
   * then on (the cookie the request came with is revoked like every other copy). Waits for the
   * clock to pass the log-out's millisecond, about a millisecond; with a clock that stands still (a
   * test's), cookies sealed in that very instant are kept.
   *
   * @param current this request's tracker ({@code @Context Tracker} as a method parameter, or
   *     {@link Tracker#from})
   * @throws NullPointerException if current is null
   * @throws IllegalArgumentException if current is not a tracker of a request to this application
   * @throws IllegalStateException if no subject key is configured, or the tracker holds no subject
   * @throws io.trackercookie.revocation.RevocationStoreException if the store could not record it
   *     (nothing was revoked; try again)
   * @throws UnsupportedOperationException in a Revocations not made by this library (the default)
   */
  default void revokeOthersFor(Tracker current) {
    throw new UnsupportedOperationException(
        "revokeOthersFor needs the Revocations of a TrackerFeature");
  }
}
