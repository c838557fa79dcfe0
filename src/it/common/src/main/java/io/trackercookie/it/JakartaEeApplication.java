package io.trackercookie.it;

import io.trackercookie.TrackerFeature;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The application of the Jakarta EE server projects, as a Jakarta EE user writes it: TrackerFeature
 * among its classes, configured from the server's environment (TRACKER_PASSWORD), with {@link
 * TrackerResource}, {@link FieldTrackerResource}, {@link CdiTrackerResource}, {@link
 * RevocationResource} and {@link CdiRevocationsResource}, revocation and sign-in on from the
 * environment as well, and {@link CallerResource} for the container's view of the signed-in caller.
 * Abstract, so that no server deploys it from this jar: each project's subclass says where it
 * answers, with {@code @ApplicationPath}.
 */
public abstract class JakartaEeApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        TrackerFeature.class,
        TrackerResource.class,
        FieldTrackerResource.class,
        CdiTrackerResource.class,
        RevocationResource.class,
        CdiRevocationsResource.class,
        CallerResource.class);
  }
}
