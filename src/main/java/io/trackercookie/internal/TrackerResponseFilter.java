package io.trackercookie.internal;

import io.trackercookie.Tracker;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Seals a changed tracker into Set-Cookie, deletes the cookie of a cleared one, and writes nothing
 * for a tracker that was not changed.
 */
// Response filters run from the highest priority down: this low value runs after the usual
// ones (header decorators, 3000), so their changes to the tracker are sealed too.
@Priority(Priorities.AUTHENTICATION - 100)
public final class TrackerResponseFilter implements ContainerResponseFilter {

  private final TrackerEngine engine;

  TrackerResponseFilter(TrackerEngine engine) {
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(Tracker.PROPERTY) instanceof RequestTracker tracker) {
      boolean secure = engine.secureFor(request.getUriInfo().getRequestUri());
      for (String line : tracker.responseCookies(secure)) {
        response.getHeaders().add(HttpHeaders.SET_COOKIE, line);
      }
    }
  }
}
