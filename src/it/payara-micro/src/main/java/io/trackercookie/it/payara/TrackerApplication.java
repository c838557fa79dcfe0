package io.trackercookie.it.payara;

import io.trackercookie.TrackerFeature;
import io.trackercookie.it.CdiTrackerResource;
import io.trackercookie.it.FieldTrackerResource;
import io.trackercookie.it.TrackerResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The application as a Jakarta EE user writes it: TrackerFeature among its classes, configured
 * from the server's environment (TRACKER_PASSWORD).
 */
@ApplicationPath("api")
public class TrackerApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(TrackerFeature.class, TrackerResource.class, FieldTrackerResource.class,
        CdiTrackerResource.class);
  }
}
