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

  /**
   * {@link TrackerResource}, {@link FieldTrackerResource} and {@link RevocationResource}, a new
   * singleton, a new feature.
   */
  public static EmbeddedApplication create() {
    return new EmbeddedApplication(
        Set.of(TrackerResource.class, FieldTrackerResource.class, RevocationResource.class),
        new SingletonTrackerResource(),
        new TrackerFeature(TrackerCycle.config()));
  }

  /** The instances a runtime registers as they are: the singleton resource and the feature. */
  public Set<Object> instances() {
    return Set.of(singletonResource, feature);
  }

  /**
   * The resources that take {@code @Context Revocations}, as a parameter and as a field, for the
   * runtimes whose glue injects it (Jersey); the others would not deploy them.
   */
  public static Set<Class<?>> contextRevocationsResources() {
    return Set.of(RevocationsParameterResource.class, RevocationsFieldResource.class);
  }
}
