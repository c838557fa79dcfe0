package io.trackercookie;

import jakarta.ws.rs.core.Configuration;

/**
 * Log out everywhere: {@link #revokeAllFor} revokes every cookie sealed for a subject (the value of
 * the tracker key named by {@link RevocationOptions.Builder#subjectKey}) before now, on every node
 * that shares the revocation store. One object per application, thread-safe, usable from a resource
 * method and from outside any request (an admin action).
 *
 * <p>Get it with {@code @Context Revocations} (Jersey, CXF), from {@link
 * TrackerFeature#revocations()}, or with {@link #from(Configuration)} ({@code @Context
 * Configuration} on Jersey and RESTEasy; CXF's holds only the application's own properties).
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
   * Revokes every cookie sealed for {@code subject} before now: each reads as an empty tracker from
   * then on, however it was kept. A cookie sealed afterwards (the subject logs in again) is not
   * affected. A subject stored as a JSON number is given as its decimal text ({@code "42"}).
   *
   * @throws NullPointerException if subject is null
   * @throws IllegalArgumentException if subject holds a lone surrogate, which no tracker holds
   * @throws IllegalStateException if no subject key is configured
   * @throws io.trackercookie.revocation.RevocationStoreException if the store could not record it
   *     (nothing was revoked; try again)
   */
  void revokeAllFor(String subject);
}
