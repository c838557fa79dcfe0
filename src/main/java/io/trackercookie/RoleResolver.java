package io.trackercookie;

import java.util.Set;

/**
 * The roles a signed-in subject holds, as the application's user store says now. With sign-in on,
 * the request's {@link jakarta.ws.rs.core.SecurityContext} asks it when a role is checked, so a
 * user who loses a role loses it on their next request, whatever their cookie says.
 *
 * <pre>{@code
 * SignInOptions.builder().roleResolver(subject -> users.rolesOf(subject)).build();
 * }</pre>
 */
@FunctionalInterface
public interface RoleResolver {

  /**
   * The roles {@code subject} holds; an empty set for none. Called at most once per request, on the
   * first role check, on the request's thread.
   *
   * @param subject the signed-in subject, as given to {@link Tracker#signIn}
   * @return the subject's role names, never null
   */
  Set<String> rolesOf(String subject);

  /** A resolver that grants no role: the default, so every role check is refused. */
  static RoleResolver noRoles() {
    return subject -> Set.of();
  }
}
