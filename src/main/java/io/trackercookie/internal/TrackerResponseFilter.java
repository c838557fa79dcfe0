package io.trackercookie.internal;

import io.trackercookie.Tracker;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * Seals a changed tracker into Set-Cookie, deletes the cookie of a cleared one, and writes
 * nothing for a tracker that was not changed.
 */
// Response filters run from the highest priority down: this low value runs after the usual
// ones (header decorators, 3000), so their changes to the tracker are sealed too.
@Priority(Priorities.AUTHENTICATION - 100)
public final class TrackerResponseFilter implements ContainerResponseFilter {

  private final TrackerRuntime runtime;

  TrackerResponseFilter(TrackerRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object property = request.getProperty(Tracker.PROPERTY);
    if (!(property instanceof RequestTracker)) {
      return;
    }
    RequestTracker tracker = (RequestTracker) property;
    RequestTracker.Outcome outcome = tracker.outcome();
    if (outcome == RequestTracker.Outcome.NONE) {
      return;
    }
    boolean secure = runtime.secureFor(request.getUriInfo().getRequestUri());
    List<String> lines;
    if (outcome == RequestTracker.Outcome.DELETE) {
      lines = runtime.deletingCookies(tracker.found(), secure);
    } else {
      lines = runtime.sealedCookies(tracker.plaintextToSeal(), tracker.contentToSeal(), tracker.found(), secure);
    }
    for (String line : lines) {
      response.getHeaders().add(HttpHeaders.SET_COOKIE, line);
    }
  }
}
