package io.trackercookie.it;

import io.trackercookie.Tracker;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a user writes: a resource taking {@code @Context Tracker} as a method parameter. Text only,
 * so no runtime needs a JSON provider. Every answer is the tracker's content after the call, as
 * {@code {key=value,...}}.
 */
@Path("tracker")
@Produces(MediaType.TEXT_PLAIN)
public class TrackerResource {

  @GET
  public String read(@Context Tracker tracker) {
    return render(tracker);
  }

  @PUT
  @Path("{key}")
  @Consumes(MediaType.TEXT_PLAIN)
  public String put(@Context Tracker tracker, @PathParam("key") String key, String value) {
    tracker.put(key, value);
    return render(tracker);
  }

  @DELETE
  public String clear(@Context Tracker tracker) {
    tracker.clear();
    return render(tracker);
  }

  /** The format {@link TrackerCycle} reads back. */
  public static String render(Tracker tracker) {
    return tracker.asMap().entrySet().stream()
        .map(Map.Entry::toString)
        .collect(Collectors.joining(",", "{", "}"));
  }
}
