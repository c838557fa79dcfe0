package io.trackercookie.cdi;

import io.trackercookie.Tracker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Produces the current request's {@link Tracker} for {@code @Inject}. On a servlet container the
 * request properties that {@code TrackerFeature}'s filter sets are the servlet request's
 * attributes, so that is where the Tracker is read. Request scoped: beans of any scope get a proxy
 * that resolves to the request being served. Added by {@link TrackerCdiExtension}.
 */
// No bean-defining annotation on purpose: an implicit bean archive scan must not find it a second
// time next to the extension's registration, which would make @Inject Tracker ambiguous.
public class TrackerProducer {

  @Inject HttpServletRequest request;

  /**
   * The request's Tracker.
   *
   * @throws IllegalStateException if {@code TrackerFeature} has not run for this request
   */
  @Produces
  @RequestScoped
  public Tracker tracker() {
    return Tracker.fromProperty(request.getAttribute(Tracker.PROPERTY));
  }
}
