package io.trackercookie.it;

import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code @Context Tracker} as a field of a resource registered as one instance for all requests:
 * the runtime must inject a stand-in that finds each request's own Tracker.
 */
@Path("singleton")
@Produces(MediaType.TEXT_PLAIN)
public class SingletonTrackerResource {

  @Context private Tracker tracker;

  @GET
  public String read() {
    return TrackerResource.render(tracker);
  }
}
