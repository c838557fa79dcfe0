package io.trackercookie.cxf;

import io.trackercookie.SignInOptions;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * Apache CXF glue: hands a signed-in request's SecurityContext to CXF's own authorization ({@code
 * SimpleAuthorizingFilter} with a {@code SecureAnnotationsInterceptor}, which checks
 * {@code @RolesAllowed}). CXF's {@code setSecurityContext} updates the context those read only for
 * a context that is CXF's type too, so this wraps the tracker's in one that is both. Registered by
 * {@code TrackerFeature} only with sign-in on and CXF on the class path.
 */
// Just after the tracker's own SecurityContext filter (authentication), before authorization.
@Priority(Priorities.AUTHENTICATION + 1)
public final class SignedInCxfSecurityFilter implements ContainerRequestFilter {

  /** For {@code TrackerFeature}, which registers it by name. */
  public SignedInCxfSecurityFilter() {}

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext context = request.getSecurityContext();
    if (context != null
        && SignInOptions.AUTHENTICATION_SCHEME.equals(context.getAuthenticationScheme())) {
      request.setSecurityContext(new Both(context));
    }
  }

  /** The tracker's context as both the JAX-RS and the CXF type. */
  private static final class Both
      implements SecurityContext, org.apache.cxf.security.SecurityContext {
    private final SecurityContext signedIn;

    Both(SecurityContext signedIn) {
      this.signedIn = signedIn;
    }

    @Override
    public @Nullable Principal getUserPrincipal() {
      return signedIn.getUserPrincipal();
    }

    @Override
    public boolean isUserInRole(String role) {
      return signedIn.isUserInRole(role);
    }

    @Override
    public boolean isSecure() {
      return signedIn.isSecure();
    }

    @Override
    public @Nullable String getAuthenticationScheme() {
      return signedIn.getAuthenticationScheme();
    }
  }
}
