package io.trackercookie.it;

import io.trackercookie.Tracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The CDI way: {@code @Inject Tracker} in an application-scoped bean, one instance for all
 * requests, so the injected Tracker must be a proxy that finds each request's own.
 */
@ApplicationScoped
@Path("cdi")
@Produces(MediaType.TEXT_PLAIN)
public class CdiTrackerResource {

  @Inject Tracker tracker;

  @GET
  public String read() {
    return TrackerResource.render(tracker);
  }

  @PUT
  @Path("{key}")
  @Consumes(MediaType.TEXT_PLAIN)
  public String put(@PathParam("key") String key, String value) {
    tracker.put(key, value);
    return TrackerResource.render(tracker);
  }

  @DELETE
  public String clear() {
    tracker.clear();
    return TrackerResource.render(tracker);
  }
}
