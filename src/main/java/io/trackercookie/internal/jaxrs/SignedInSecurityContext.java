package io.trackercookie.internal.jaxrs;

import io.trackercookie.RoleResolver;
import io.trackercookie.SignInOptions;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A signed-in request's SecurityContext: the subject as principal, roles from the role resolver or
 * from the seal, fetched on the first role check and kept for the rest of the request, and {@code
 * isSecure} as the container said. Fixed when the filter made it: a sign-in or sign-out later in
 * the same request does not change it.
 */
final class SignedInSecurityContext implements SecurityContext {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final Principal principal;
  private final boolean secure;
  private final Supplier<Set<String>> roleSource;
  private volatile Set<String> roles; // null until the first role check

  private SignedInSecurityContext(
      String subject, boolean secure, Supplier<Set<String>> roleSource) {
    this.principal = new SubjectPrincipal(subject);
    this.secure = secure;
    this.roleSource = roleSource;
  }

  /** Roles asked of {@code resolver} on the first role check. */
  static SignedInSecurityContext resolving(
      String subject, SecurityContext original, RoleResolver resolver) {
    return new SignedInSecurityContext(
        subject, original.isSecure(), () -> resolve(resolver, subject));
  }

  /** Roles already read from the seal. */
  static SignedInSecurityContext withRoles(
      String subject, SecurityContext original, Set<String> roles) {
    Set<String> copy = Set.copyOf(roles);
    return new SignedInSecurityContext(subject, original.isSecure(), () -> copy);
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    Set<String> held = roles;
    if (held == null) {
      synchronized (this) {
        held = roles;
        if (held == null) {
          held = roleSource.get();
          roles = held;
        }
      }
    }
    return role != null && held.contains(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return SignInOptions.AUTHENTICATION_SCHEME;
  }

  /**
   * The resolver's answer; no role if it fails, so a failing user store refuses role checks (a 403
   * under {@code @RolesAllowed}) rather than answer 500. The log names the exception's class only:
   * its message may carry the subject.
   */
  static Set<String> resolve(RoleResolver resolver, String subject) {
    Set<String> answer;
    try {
      answer = resolver.rolesOf(subject);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The RoleResolver failed ({0}); role checks on this request answer false",
          e.getClass().getName());
      return Set.of();
    }
    if (answer == null) {
      LOG.warning("The RoleResolver answered null; role checks on this request answer false");
      return Set.of();
    }
    return Set.copyOf(answer);
  }

  /** The subject as a principal: a name, equal to another of the same name. */
  private record SubjectPrincipal(String getName) implements Principal {
    @Override
    public String toString() {
      return getName;
    }
  }
}
