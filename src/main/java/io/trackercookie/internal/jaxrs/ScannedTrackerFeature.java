package io.trackercookie.internal.jaxrs;

import io.trackercookie.TrackerFeature;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * The tracker for applications that register their providers by scanning (a Jakarta EE application
 * with an empty {@code Application}, Quarkus): found through {@code @Provider}, it configures the
 * tracker from the settings, as {@code new TrackerFeature()} does. When the application registered
 * {@link TrackerFeature} itself, or the tracker is already configured, it does nothing, so the
 * tracker is never set up twice. Settings that do not configure a tracker (no password) stop the
 * deployment with a message naming what to add.
 */
@Provider
public final class ScannedTrackerFeature implements Feature {

  /** For the runtime, which creates it. */
  public ScannedTrackerFeature() {}

  @Override
  public boolean configure(FeatureContext context) {
    Configuration configuration = context.getConfiguration();
    if (configuration.isRegistered(TrackerFeature.class)
        || FeatureRegistration.engineOf(configuration) != null) {
      return false;
    }
    try {
      return new TrackerFeature().configure(context);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "The tracker cookie is set up from its settings, since this application registers"
              + " providers by scanning and does not register io.trackercookie.TrackerFeature: "
              + e.getMessage()
              + ". Complete the settings, or register TrackerFeature with the application",
          e);
    }
  }
}
