package io.trackercookie.internal.jaxrs;

import io.trackercookie.RejectionReason;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.SetCookieCaching;
import io.trackercookie.internal.engine.RequestTracker;
import io.trackercookie.internal.engine.TrackerEngine;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * Seals a changed tracker into Set-Cookie, deletes the cookie of a cleared one, and writes nothing
 * for a tracker that was not changed. A response that carries the tracker's Set-Cookie is kept out
 * of every cache ({@code Cache-Control: no-store}, unless the application's directive has it).
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
      List<String> lines = tracker.responseCookies(secure);
      for (String line : lines) {
        response.getHeaders().add(HttpHeaders.SET_COOKIE, line);
      }
      if (!lines.isEmpty()) {
        keepOutOfCaches(response);
      }
      if (engine.diagnostics()) {
        diagnose(tracker, response);
      }
    }
  }

  /** No cache may store a response that sets the tracker's cookie ({@link SetCookieCaching}). */
  private static void keepOutOfCaches(ContainerResponseContext response) {
    List<String> existing = response.getStringHeaders().get(HttpHeaders.CACHE_CONTROL);
    String directive = SetCookieCaching.directiveFor(existing == null ? List.of() : existing);
    if (directive != null) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, directive);
    }
  }

  /** The reasons only: a value, even a refused one, may be someone's data or a probe's echo. */
  private static void diagnose(RequestTracker tracker, ContainerResponseContext response) {
    List<RejectionReason> reasons = tracker.rejections();
    if (!reasons.isEmpty()) {
      StringBuilder value = new StringBuilder("rejected=");
      for (int i = 0; i < reasons.size(); i++) {
        value.append(i == 0 ? "" : ",").append(reasons.get(i).name());
      }
      response.getHeaders().putSingle(TrackerConfig.DIAGNOSTICS_HEADER, value.toString());
    }
  }
}
