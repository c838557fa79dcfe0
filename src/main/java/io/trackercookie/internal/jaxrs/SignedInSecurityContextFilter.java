package io.trackercookie.internal.jaxrs;

import io.trackercookie.SignInOptions;
import io.trackercookie.Tracker;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * With sign-in on, makes a signed-in request's {@link SecurityContext} name its subject, so {@code
 * isUserInRole} and {@code @RolesAllowed} (Jersey's RolesAllowedDynamicFeature, RESTEasy's
 * role-based security, CXF's authorizing filter) see the user. A request that is not signed in
 * keeps the container's context. The context is the request as it came: a sign-in or sign-out in
 * the resource does not change it.
 */
// Authentication (1000): after the tracker filter (900) has put the tracker on the request, before
// the authorization filters (2000) that check @RolesAllowed.
@Priority(Priorities.AUTHENTICATION)
final class SignedInSecurityContextFilter implements ContainerRequestFilter {

  private final SignInOptions signIn;

  SignedInSecurityContextFilter(SignInOptions signIn) {
    this.signIn = signIn;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Tracker tracker = Tracker.from(request);
    Optional<String> subject = tracker.subject(); // empty unless signed in
    if (subject.isEmpty()) {
      return;
    }
    SecurityContext original = request.getSecurityContext();
    Optional<String> rolesKey = signIn.rolesKey();
    request.setSecurityContext(
        rolesKey.isPresent()
            ? SignedInSecurityContext.withRoles(
                subject.get(), original, rolesIn(tracker.get(rolesKey.get())))
            : SignedInSecurityContext.resolving(subject.get(), original, signIn.roleResolver()));
  }

  /** The strings of a JSON array; anything else under the key is no role. */
  static Set<String> rolesIn(Object value) {
    if (!(value instanceof List<?> list)) {
      return Set.of();
    }
    Set<String> roles = new LinkedHashSet<>();
    for (Object item : list) {
      if (item instanceof String role) {
        roles.add(role);
      }
    }
    return roles;
  }
}
