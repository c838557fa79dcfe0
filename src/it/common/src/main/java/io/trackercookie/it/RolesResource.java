package io.trackercookie.it;

import io.trackercookie.Tracker;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Sign-in and a role-guarded method, for {@link RolesCheck}: the application deploys it with {@link
 * RolesCheck#config()} and its runtime's {@code @RolesAllowed} support turned on.
 */
@Path("roles")
@Produces(MediaType.TEXT_PLAIN)
public class RolesResource {

  @POST
  @Path("signin")
  public String signIn(@Context Tracker tracker, @QueryParam("user") String user) {
    tracker.signIn(user);
    return "signed in";
  }

  /** The principal's name from the request's SecurityContext, or "-" without one. */
  @GET
  @Path("me")
  public String me(@Context SecurityContext context) {
    Principal principal = context.getUserPrincipal();
    return (principal == null ? "-" : principal.getName())
        + " "
        + context.getAuthenticationScheme()
        + " admin="
        + context.isUserInRole(RolesCheck.ADMIN);
  }

  @GET
  @Path("admin")
  @RolesAllowed(RolesCheck.ADMIN)
  public String admin() {
    return "admin area";
  }
}
