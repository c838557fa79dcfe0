package io.trackercookie.demo;

import io.trackercookie.RoleResolver;
import io.trackercookie.Tracker;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * TEMPORARY: goes when the library's own filter lands, which sets the request's {@link
 * SecurityContext} from the tracker whenever sign-in is on. Until then this does the same for the
 * demo, so {@code GET /me} and {@code @RolesAllowed} on {@code GET /admin} work as they will: the
 * principal is {@link Tracker#subject()}, {@code isUserInRole} asks the {@link RoleResolver} once
 * per request, {@code isSecure} follows the request.
 */
@Priority(Priorities.AUTHENTICATION) // before Jersey's RolesAllowed filter (AUTHORIZATION)
final class TemporaryDemoSecurityContextFilter implements ContainerRequestFilter {

  private final RoleResolver roles;

  TemporaryDemoSecurityContextFilter(RoleResolver roles) {
    this.roles = roles;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> subject = Tracker.from(request).subject();
    if (subject.isEmpty()) {
      return; // signed out: the container's SecurityContext, with no principal, stays
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new SignedIn(subject.get(), roles, secure));
  }

  private static final class SignedIn implements SecurityContext {
    private final String subject;
    private final RoleResolver roles;
    private final boolean secure;
    private Set<String> resolved; // asked on the first role check only

    SignedIn(String subject, RoleResolver roles, boolean secure) {
      this.subject = subject;
      this.roles = roles;
      this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> subject;
    }

    @Override
    public boolean isUserInRole(String role) {
      if (resolved == null) {
        resolved = Set.copyOf(roles.rolesOf(subject));
      }
      return resolved.contains(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return SecurityContext.FORM_AUTH;
    }
  }
}
