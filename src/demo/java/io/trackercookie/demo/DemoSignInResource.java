package io.trackercookie.demo;

import static io.trackercookie.demo.DemoApp.escape;
import static io.trackercookie.demo.DemoApp.json;

import io.trackercookie.Revocations;
import io.trackercookie.SignInCookie;
import io.trackercookie.Tracker;
import io.trackercookie.revocation.RevocationStoreException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's sign-in: {@code GET /login} (a form), {@code POST /login}, {@code GET /me}, {@code GET
 * /admin} and {@code POST /logout-everywhere}. Who is signed in is read from the standard {@link
 * SecurityContext}, as any JAX-RS application reads it; {@code /admin} is checked by Jersey's
 * {@code RolesAllowedDynamicFeature}.
 */
@Path("/")
public final class DemoSignInResource {

  /** The longest user name the form takes: a name, not a payload. */
  static final int MAX_USER_LENGTH = 64;

  @Context private Configuration configuration;

  @GET
  @Path("login")
  @Produces(MediaType.TEXT_HTML)
  public String loginPage(@Context Tracker tracker) {
    String token = DemoApp.tokenField(tracker, configuration);
    String status =
        tracker
            .subject()
            .map(user -> "Signed in as <code id=\"user\">" + escape(user) + "</code>.")
            .orElse("Not signed in.");
    return DemoApp.PAGE_HEAD
        + "<h1>tracker-cookie demo: sign in</h1>\n"
        + "<p id=\"status\">"
        + status
        + "</p>\n"
        + "<form id=\"sign-in\" method=\"post\" action=\"/login\">"
        + token
        + "<label>User <input id=\"user-name\" name=\"user\" required maxlength=\""
        + MAX_USER_LENGTH
        + "\"></label> <label><input id=\"remember\" type=\"checkbox\" name=\"remember\">"
        + " remember me</label> <button id=\"sign-in-button\">Sign in</button></form>\n"
        + "<p>Any name signs in (no password: it is a demo); <code>admin</code> gets the role"
        + " admin. Remember me gives a persistent cookie; without it the cookie ends with the"
        + " browser session.</p>\n"
        + "<ul><li><a href=\"/me\">/me</a> answers who is signed in, from the request's"
        + " SecurityContext (401 when nobody is)</li>"
        + "<li><a href=\"/admin\">/admin</a> needs the role admin (403 without it)</li>"
        + "<li><form id=\"logout\" method=\"post\" action=\"/logout\">"
        + token
        + "<button id=\"logout-button\">POST /logout</button></form>"
        + " signs out: this cookie is revoked</li>"
        + "<li><form id=\"logout-everywhere\" method=\"post\" action=\"/logout-everywhere\">"
        + token
        + "<button id=\"logout-everywhere-button\">POST /logout-everywhere</button></form>"
        + " revokes every cookie of the signed-in user, in every browser</li>"
        + "<li><a href=\"/\">/</a> the demo's home page</li></ul>\n"
        + DemoApp.PAGE_TAIL;
  }

  /**
   * Signs {@code user} in and goes back to the form (post/redirect/get). Any name will do: the demo
   * has no passwords; a real application signs in only once the user has proved who they are.
   */
  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response login(
      @Context Tracker tracker,
      @Context UriInfo uri,
      @FormParam("user") String user,
      @FormParam("remember") String remember) {
    if (user == null || user.isBlank() || user.length() > MAX_USER_LENGTH) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(json(Map.of("error", "user must be 1 to " + MAX_USER_LENGTH + " characters")))
          .build();
    }
    try {
      // A checked box sends remember=on; an unchecked one sends nothing.
      tracker.signIn(user, remember != null ? SignInCookie.PERSISTENT : SignInCookie.SESSION);
    } catch (IllegalArgumentException notUnicode) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(json(Map.of("error", "user must be well-formed text")))
          .build();
    }
    return Response.seeOther(uri.getBaseUriBuilder().path("login").build()).build();
  }

  @GET
  @Path("me")
  @Produces(MediaType.APPLICATION_JSON)
  public Response me(@Context SecurityContext security) {
    Principal principal = security.getUserPrincipal();
    if (principal == null) {
      return Response.status(Response.Status.UNAUTHORIZED)
          .entity(json(Map.of("error", "not signed in")))
          .build();
    }
    return Response.ok(json(Map.of("user", principal.getName()))).build();
  }

  @GET
  @Path("admin")
  @RolesAllowed("admin")
  @Produces(MediaType.APPLICATION_JSON)
  public String admin(@Context SecurityContext security) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user", security.getUserPrincipal().getName());
    body.put("role", "admin");
    return json(body);
  }

  /**
   * Log out everywhere: every cookie of the signed-in user reads as {@code {}} from now on, this
   * browser's and any other's, on every demo that shares the revocation store.
   */
  @POST
  @Path("logout-everywhere")
  @Produces(MediaType.APPLICATION_JSON)
  public Response logoutEverywhere(@Context Tracker tracker, @Context Configuration configuration) {
    Optional<String> subject = tracker.subject();
    if (subject.isEmpty()) {
      return Response.status(Response.Status.UNAUTHORIZED)
          .entity(json(Map.of("revoked", false, "note", "not signed in: nothing to revoke")))
          .build();
    }
    Revocations revocations;
    try {
      revocations = Revocations.from(configuration);
    } catch (IllegalStateException revocationOff) {
      return Response.status(Response.Status.CONFLICT)
          .entity(json(Map.of("revoked", false, "note", "revocation is off")))
          .build();
    }
    try {
      revocations.revokeAllFor(subject.get());
      tracker.clear(); // this browser's cookie is revoked too: the response deletes it
    } catch (RevocationStoreException storeDown) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .entity(json(Map.of("revoked", false, "note", "the revocation store is unavailable")))
          .build();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("revoked", true);
    body.put("everyCookieOf", subject.get());
    return Response.ok(json(body)).build();
  }
}
