package io.trackercookie.internal.jaxrs;

import io.trackercookie.Tracker;
import io.trackercookie.internal.cookie.CookieHeaderParser;
import io.trackercookie.internal.engine.RequestTracker;
import io.trackercookie.internal.engine.TrackerEngine;
import io.trackercookie.internal.engine.ValueConverter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Providers;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the tracker cookie in the raw Cookie headers and puts a lazy {@link Tracker} on the
 * request. No crypto happens here: the seal is opened when something first reads the tracker.
 */
@PreMatching
// Before authentication filters (1000), so they and every later filter can read the tracker.
@Priority(Priorities.AUTHENTICATION - 100)
public final class TrackerRequestFilter implements ContainerRequestFilter {

  private final TrackerEngine engine;

  @Context private Providers providers;
  private volatile ValueConverter values; // from providers, on the first request

  TrackerRequestFilter(TrackerEngine engine) {
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> lines = request.getHeaders().get(HttpHeaders.COOKIE);
    ValueConverter requestValues = values;
    if (requestValues == null) {
      // Racing first requests may each resolve it; they get the same answer.
      requestValues = ObjectMapperLookup.converter(providers, engine.config().json());
      values = requestValues;
    }
    RequestTracker tracker = engine.newTracker(lines, requestValues);
    if (lines != null && tracker.cookieHeaderNamesVersion()) {
      dropInvalidVersionAttributes(request, lines);
    }
    request.setProperty(Tracker.PROPERTY, tracker);
    request.setProperty(engine.config().requestAttribute(), tracker);
  }

  /**
   * A Cookie header with a non-numeric {@code $Version} makes Jersey's parser throw, a 500 for any
   * {@code @CookieParam} (ours included); only that attribute is removed, the rest is untouched.
   */
  private static void dropInvalidVersionAttributes(
      ContainerRequestContext request, List<String> lines) {
    List<String> fixed = new ArrayList<>(lines.size());
    boolean changed = false;
    for (String line : lines) {
      String kept = CookieHeaderParser.withoutInvalidVersion(line);
      // withoutInvalidVersion hands back the same line when it drops nothing.
      @SuppressWarnings("ReferenceEquality")
      boolean dropped = kept != line;
      changed |= dropped;
      fixed.add(kept);
    }
    if (changed) {
      request.getHeaders().put(HttpHeaders.COOKIE, fixed);
    }
  }
}
