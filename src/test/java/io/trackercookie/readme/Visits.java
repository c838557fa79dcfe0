package io.trackercookie.readme;

import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

/** README's resource, as README shows it (ReadmeExamplesTest holds the two together). */
@Path("/")
public class Visits {
  @POST
  @Path("login")
  public String login(@Context Tracker tracker, @QueryParam("user") String user) {
    tracker.put("user", user); // sealed into this response's cookie
    return "hello " + user;
  }

  @GET
  @Path("me")
  public String me(@Context Tracker tracker) {
    return "you are " + tracker.get("user", String.class);
  }

  @POST
  @Path("logout")
  public String logout(@Context Tracker tracker) {
    tracker.clear();
    return "bye";
  } // deletes it
}
