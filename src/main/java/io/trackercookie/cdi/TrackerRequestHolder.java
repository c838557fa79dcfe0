package io.trackercookie.cdi;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.jspecify.annotations.Nullable;

/**
 * The current request's {@link Tracker} and the application's {@link Revocations}, as {@link
 * CdiRequestBridge} found them on the JAX-RS request: what {@link TrackerProducer} hands to
 * {@code @Inject}. Filled by the filter, so no servlet API is needed to find the request.
 */
@RequestScoped
// A name keeps Quarkus's ArC from removing the bean as unused: only the bridge looks it up, and it
// does so at run time, where the build cannot see it.
@Named("io.trackercookie.cdi.TrackerRequestHolder")
public class TrackerRequestHolder {

  private @Nullable Tracker tracker;
  private @Nullable Revocations revocations;

  /** Called by the bridge once per request, after the tracker's request filter. */
  public void fill(Tracker requestTracker, @Nullable Revocations applicationRevocations) {
    this.tracker = requestTracker;
    this.revocations = applicationRevocations;
  }

  /** The request's Tracker, or null when the tracker's filter has not run for this request. */
  public @Nullable Tracker tracker() {
    return tracker;
  }

  /** The application's Revocations, or null when revocation is off or the filter has not run. */
  public @Nullable Revocations revocations() {
    return revocations;
  }
}
