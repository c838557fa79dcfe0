package io.trackercookie.it;

import io.trackercookie.TrackerFeature;
import java.util.Set;

/**
 * The application every embedded runtime serves, in the parts that runtimes register in different
 * ways: the resource classes it instantiates per request, the one resource instance it shares
 * across requests, and the feature, configured with {@link TrackerCycle#config()}.
 */
public record EmbeddedApplication(
    Set<Class<?>> perRequestResources,
    SingletonTrackerResource singletonResource,
    TrackerFeature feature) {

  public EmbeddedApplication {
    perRequestResources = Set.copyOf(perRequestResources);
  }

  /** {@link TrackerResource} and {@link FieldTrackerResource}, a new singleton, a new feature. */
  public static EmbeddedApplication create() {
    return new EmbeddedApplication(
        Set.of(TrackerResource.class, FieldTrackerResource.class),
        new SingletonTrackerResource(),
        new TrackerFeature(TrackerCycle.config()));
  }

  /** The instances a runtime registers as they are: the singleton resource and the feature. */
  public Set<Object> instances() {
    return Set.of(singletonResource, feature);
  }
}
