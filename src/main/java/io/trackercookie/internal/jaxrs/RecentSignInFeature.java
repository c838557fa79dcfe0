package io.trackercookie.internal.jaxrs;

import io.trackercookie.RecentSignIn;
import io.trackercookie.RecentSignInRequiredException;
import io.trackercookie.Tracker;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Puts a {@link RecentSignInFilter} in front of each resource method that carries {@link
 * RecentSignIn}, or whose class does (the method's wins). Registered by the feature; with sign-in
 * off, an annotated method stops the start.
 */
final class RecentSignInFeature implements DynamicFeature {

  private final boolean signInOn;

  RecentSignInFeature(boolean signInOn) {
    this.signInOn = signInOn;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    RecentSignIn annotation = method == null ? null : method.getAnnotation(RecentSignIn.class);
    if (annotation == null && type != null) {
      annotation = type.getAnnotation(RecentSignIn.class);
    }
    if (annotation == null) {
      return;
    }
    String where =
        (type == null ? "?" : type.getName()) + (method == null ? "" : "." + method.getName());
    if (!signInOn) {
      throw new IllegalStateException(
          "@RecentSignIn on " + where + " needs sign-in on (TrackerConfig.Builder.signIn)");
    }
    if (annotation.minutes() < 1) {
      throw new IllegalStateException(
          "@RecentSignIn on "
              + where
              + " must allow 1 minute or more, was "
              + annotation.minutes());
    }
    context.register(new RecentSignInFilter(Duration.ofMinutes(annotation.minutes())));
  }

  /** Refuses the request before the method runs unless its sign-in is recent enough. */
  // After authentication filters (1000), which may read the tracker: this is an authorization.
  @Priority(Priorities.AUTHORIZATION)
  static final class RecentSignInFilter implements ContainerRequestFilter {

    private final Duration within;

    RecentSignInFilter(Duration within) {
      this.within = within;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      try {
        Tracker.from(request).requireSignInWithin(within);
      } catch (RecentSignInRequiredException e) {
        request.abortWith(e.getResponse());
      }
    }
  }
}
