package io.trackercookie.signin;

import static io.trackercookie.TrackerTestResource.json;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sign-in, the request's SecurityContext as JSON, and role-guarded methods, for the role tests. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

  /** Signs {@code user} in; {@code roles} (comma-separated), if given, go under "roles". */
  @POST
  @Path("signin")
  public String signIn(
      @Context Tracker tracker,
      @QueryParam("user") String user,
      @QueryParam("roles") String roles) {
    if (roles != null) {
      tracker.put("roles", List.of(roles.split(",")));
    }
    tracker.signIn(user);
    return json(Map.of("signedIn", true));
  }

  @POST
  @Path("signout")
  public String signOut(@Context Tracker tracker) {
    tracker.signOut();
    return json(Map.of("signedIn", false));
  }

  /** The SecurityContext: principal, scheme, secure, and each role asked in {@code roles}. */
  @GET
  @Path("context")
  public String context(@Context SecurityContext context, @QueryParam("roles") String roles) {
    return describe(context, roles);
  }

  /** Signs {@code user} in, then describes the context: it is still the request's as it came. */
  @POST
  @Path("signin-then-context")
  public String signInThenContext(
      @Context Tracker tracker, @Context SecurityContext context, @QueryParam("user") String user) {
    tracker.signIn(user);
    return describe(context, null);
  }

  /** Signs out, then describes the context. */
  @POST
  @Path("signout-then-context")
  public String signOutThenContext(@Context Tracker tracker, @Context SecurityContext context) {
    tracker.signOut();
    return describe(context, null);
  }

  @GET
  @Path("admin")
  @RolesAllowed("admin")
  public String admin() {
    return json(Map.of("area", "admin"));
  }

  @GET
  @Path("editor-or-admin")
  @RolesAllowed({"editor", "admin"})
  public String editorOrAdmin() {
    return json(Map.of("area", "editing"));
  }

  private static String describe(SecurityContext context, String roles) {
    Map<String, Object> out = new LinkedHashMap<>();
    Principal principal = context.getUserPrincipal();
    out.put("principal", principal == null ? null : principal.getName());
    out.put("scheme", context.getAuthenticationScheme());
    out.put("secure", context.isSecure());
    if (roles != null) {
      Map<String, Boolean> held = new LinkedHashMap<>();
      Arrays.stream(roles.split(",")).forEach(r -> held.put(r, context.isUserInRole(r)));
      out.put("roles", held);
    }
    return json(out);
  }
}
