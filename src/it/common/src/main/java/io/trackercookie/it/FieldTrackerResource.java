package io.trackercookie.it;

import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** The other way users write it: {@code @Context Tracker} as a field of a per-request resource. */
@Path("field")
@Produces(MediaType.TEXT_PLAIN)
public class FieldTrackerResource {

  @Context private Tracker tracker;

  @GET
  public String read() {
    return TrackerResource.render(tracker);
  }
}
