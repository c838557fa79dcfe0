package io.trackercookie.cdi;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import io.trackercookie.settings.SettingNames;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Produces the current request's {@link Tracker} and the application's {@link Revocations} for
 * {@code @Inject}, read from the {@link TrackerRequestHolder} that {@link CdiRequestBridge} fills
 * from the JAX-RS request: no servlet API is needed. Request scoped: beans of any scope get a proxy
 * that resolves to the request being served. Discovered through the jar's {@code beans.xml}
 * (Quarkus, Jakarta EE servers), or added by {@link TrackerCdiExtension} where that did not happen.
 */
@Dependent
public class TrackerProducer {

  @Inject TrackerRequestHolder holder;

  /**
   * The request's Tracker.
   *
   * @throws IllegalStateException if {@code TrackerFeature} has not run for this request
   */
  @Produces
  @RequestScoped
  public Tracker tracker() {
    Tracker tracker = holder.tracker();
    if (tracker == null) {
      // The same message as a missing @Context Tracker.
      return Tracker.fromProperty(null);
    }
    return tracker;
  }

  /**
   * The application's Revocations, within a request.
   *
   * @throws IllegalStateException if {@code TrackerFeature} has not run for this request, or
   *     revocation is off
   */
  @Produces
  @RequestScoped
  public Revocations revocations() {
    if (holder.tracker() == null) {
      Tracker.fromProperty(null); // throws, naming the feature
    }
    Revocations revocations = holder.revocations();
    if (revocations == null) {
      throw new IllegalStateException(
          "Revocation is off: set " + SettingNames.describe(SettingNames.REVOCATION_STORE));
    }
    return revocations;
  }
}
