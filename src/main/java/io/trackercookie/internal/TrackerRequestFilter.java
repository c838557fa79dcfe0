package io.trackercookie.internal;

import io.trackercookie.Tracker;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Providers;

/**
 * Finds the tracker cookie in the raw Cookie headers and puts a lazy {@link Tracker} on the
 * request. No crypto happens here: the seal is opened when something first reads the tracker.
 */
@PreMatching
// Before authentication filters (1000), so they and every later filter can read the tracker.
@Priority(Priorities.AUTHENTICATION - 100)
public final class TrackerRequestFilter implements ContainerRequestFilter {

  private final TrackerRuntime runtime;

  @Context private Providers providers;

  TrackerRequestFilter(TrackerRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    RequestTracker tracker = new RequestTracker(runtime,
        CookieHeaderParser.find(request.getHeaders().get(HttpHeaders.COOKIE), runtime.cookieName()),
        Mappers.of(providers));
    request.setProperty(Tracker.PROPERTY, tracker);
    request.setProperty(runtime.config().requestAttribute(), tracker);
  }
}
