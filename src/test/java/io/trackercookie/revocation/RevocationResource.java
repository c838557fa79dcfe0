package io.trackercookie.revocation;

import static io.trackercookie.TrackerTestResource.json;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Log in, read, write, log out and log out everywhere, for the revocation tests. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RevocationResource {

  @Context Revocations fieldRevocations;

  /** An admin action: log out everywhere the user named in the query, through a field. */
  @GET
  @Path("admin/logout-everywhere")
  public String adminLogoutEverywhere(@QueryParam("user") String user) {
    fieldRevocations.revokeAllFor(user);
    return json(Map.of("revokedFor", user));
  }

  @GET
  @Path("read")
  public String read(@Context Tracker tracker) {
    return json(tracker.asMap());
  }

  /** Logs a user in: the tracker names the subject, with some padding to size the cookie. */
  @GET
  @Path("login")
  public String login(
      @Context Tracker tracker,
      @QueryParam("user") String user,
      @QueryParam("padding") int padding) {
    tracker.put("userId", user);
    if (padding > 0) {
      tracker.put("padding", "x".repeat(padding));
    }
    return json(tracker.asMap());
  }

  /** A write on every request: the visit counter. */
  @GET
  @Path("visit")
  public String visit(@Context Tracker tracker) {
    Integer visits = tracker.get("visits", Integer.class);
    tracker.put("visits", visits == null ? 1 : visits + 1);
    return json(tracker.asMap());
  }

  @GET
  @Path("logout")
  public String logout(@Context Tracker tracker) {
    return json(Map.of("recorded", tracker.revoke()));
  }

  /** "Sign out all my devices": the subject of this request's cookie. */
  @GET
  @Path("logout-everywhere")
  public String logoutEverywhere(@Context Tracker tracker, @Context Revocations revocations) {
    String user = tracker.get("userId", String.class);
    revocations.revokeAllFor(user);
    return json(Map.of("revokedFor", user));
  }
}
