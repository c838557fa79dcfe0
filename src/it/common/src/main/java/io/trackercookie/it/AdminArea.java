package io.trackercookie.it;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

/**
 * An EJB method the server itself guards with {@code @RolesAllowed}, for {@link CallerResource}.
 */
@Stateless
@DeclareRoles(RolesCheck.ADMIN)
public class AdminArea {

  @RolesAllowed(RolesCheck.ADMIN)
  public String enter() {
    return "admin area";
  }
}
