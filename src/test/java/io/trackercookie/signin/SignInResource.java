package io.trackercookie.signin;

import static io.trackercookie.TrackerTestResource.json;

import io.trackercookie.RecentSignIn;
import io.trackercookie.Revocations;
import io.trackercookie.SignInCookie;
import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign in, renew, sign out, read and write, for the sign-in tests; {@link Recent} and {@link
 * Account} need a recent sign-in (registered only with sign-in on).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

  @POST
  @Path("signin")
  public String signIn(
      @Context Tracker tracker,
      @QueryParam("user") String user,
      @QueryParam("remember") boolean remember) {
    boolean recorded =
        tracker.signIn(user, remember ? SignInCookie.PERSISTENT : SignInCookie.SESSION);
    return json(Map.of("recorded", recorded));
  }

  @POST
  @Path("renew")
  public String renew(@Context Tracker tracker) {
    return json(Map.of("recorded", tracker.renew()));
  }

  @POST
  @Path("signout")
  public String signOut(@Context Tracker tracker) {
    return json(Map.of("recorded", tracker.signOut()));
  }

  /** "Sign out my other devices": every session of the subject, then a new one here. */
  @POST
  @Path("signout-others")
  public String signOutOthers(@Context Tracker tracker, @Context Revocations revocations) {
    String subject = tracker.subject().orElseThrow();
    revocations.revokeOthersFor(tracker); // every other session ends; this one goes on
    return json(Map.of("recorded", tracker.signIn(subject)));
  }

  /** What the application sees of the session. */
  @GET
  @Path("me")
  public String me(@Context Tracker tracker) {
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("signedIn", tracker.signedIn());
    me.put("subject", tracker.subject().orElse(null));
    me.put("signedInAt", tracker.signedInAt().map(Object::toString).orElse(null));
    return json(me);
  }

  @GET
  @Path("read")
  public String read(@Context Tracker tracker) {
    return json(tracker.asMap());
  }

  @GET
  @Path("put")
  public String put(
      @Context Tracker tracker, @QueryParam("k") String key, @QueryParam("v") String value) {
    tracker.put(key, value);
    return json(tracker.asMap());
  }

  @GET
  @Path("nothing")
  public String nothing() {
    return "{}";
  }

  /** A write with the application's own cache directive. */
  @GET
  @Path("put-cached")
  public Response putCached(
      @Context Tracker tracker,
      @QueryParam("v") String value,
      @QueryParam("cc") String cacheControl) {
    tracker.put("k", value);
    return Response.ok("{}").header("Cache-Control", cacheControl).build();
  }

  /** A method that needs a recent sign-in, and the same check in code. */
  @Path("/")
  @Produces(MediaType.APPLICATION_JSON)
  public static class Recent {
    @POST
    @Path("sensitive")
    @RecentSignIn(minutes = 5)
    public String sensitive(@Context Tracker tracker) {
      tracker.put("sensitive", "done");
      return json(Map.of("done", true));
    }

    /** The same check, made in code. */
    @POST
    @Path("sensitive-in-code")
    public String sensitiveInCode(@Context Tracker tracker, @QueryParam("minutes") long minutes) {
      tracker.requireSignInWithin(Duration.ofMinutes(minutes));
      return json(Map.of("done", true));
    }
  }

  /** A class whose every method needs a recent sign-in, one of them a more recent one. */
  @Path("account")
  @Produces(MediaType.APPLICATION_JSON)
  @RecentSignIn(minutes = 10)
  public static class Account {
    @POST
    @Path("email")
    public String email() {
      return json(Map.of("done", "email"));
    }

    @POST
    @Path("password")
    @RecentSignIn(minutes = 1)
    public String password() {
      return json(Map.of("done", "password"));
    }
  }

  /** An application's misuse (renew while signed out) as a 409 naming it, for the tests. */
  public static class MisuseMapper implements ExceptionMapper<IllegalStateException> {
    @Override
    public Response toResponse(IllegalStateException e) {
      return Response.status(409).entity(json(Map.of("error", e.getMessage()))).build();
    }
  }
}
