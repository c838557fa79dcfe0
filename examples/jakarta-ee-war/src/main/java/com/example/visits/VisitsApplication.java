package com.example.visits;

import io.trackercookie.TrackerFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The application's classes, TrackerFeature among them. It reads its settings from the server's
 * environment and system properties: TRACKER_PASSWORD (32 characters or more) is required.
 */
@ApplicationPath("api")
public class VisitsApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(TrackerFeature.class, VisitResource.class);
  }
}
