package io.trackercookie.it;

import io.trackercookie.Tracker;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.Principal;
import java.util.List;

/**
 * The container's view of a signed-in caller on a Jakarta EE server, for {@link
 * JakartaEeServerChecks}: sign-in keeps the roles in the seal (the servers' environment names the
 * roles key), Jakarta Security's SecurityContext answers who the caller is, and an EJB's
 * {@code @RolesAllowed}, which the server itself enforces, guards {@link AdminArea}.
 */
@Path("caller")
@Produces(MediaType.TEXT_PLAIN)
public class CallerResource {

  /** The roles key the Jakarta EE servers' environment sets. */
  public static final String ROLES_KEY = "roles";

  @Inject SecurityContext security;
  @Inject AdminArea adminArea;

  /** Signs {@code user} in; the user named "admin" holds the role admin. */
  @POST
  @Path("signin")
  public String signIn(@Context Tracker tracker, @QueryParam("user") String user) {
    tracker.signIn(user);
    tracker.put(ROLES_KEY, user.equals(RolesCheck.ADMIN) ? List.of(RolesCheck.ADMIN) : List.of());
    return "signed in";
  }

  /** Jakarta Security's caller name, or "-" for none, and its admin role. */
  @GET
  @Path("me")
  public String me() {
    Principal caller = security.getCallerPrincipal();
    return (caller == null ? "-" : caller.getName())
        + " admin="
        + security.isCallerInRole(RolesCheck.ADMIN);
  }

  @GET
  @Path("admin")
  public String admin() {
    try {
      return adminArea.enter();
    } catch (EJBAccessException e) {
      throw new WebApplicationException(Response.Status.FORBIDDEN);
    }
  }
}
