package io.trackercookie.load;

import io.trackercookie.Tracker;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * One counter per visitor, kept only in the tracker: a visitor's request answers {@code <owner>
 * <n>} where owner is whoever the tracker says it belongs to, and n its count after this request. A
 * lost update shows as a repeated n; another visitor's data as a foreign owner.
 */
@Path("counter")
public class CounterResource {

  /** The application of every load and fleet node. */
  static ResourceConfig app(TrackerConfig config) {
    return new ResourceConfig(CounterResource.class).register(new TrackerFeature(config));
  }

  @GET
  @Path("{visitor}")
  @Produces(MediaType.TEXT_PLAIN)
  public String count(@Context Tracker tracker, @PathParam("visitor") String visitor) {
    String owner = tracker.get("visitor", String.class);
    if (owner != null && !owner.equals(visitor)) {
      return owner + " " + tracker.get("n", Integer.class); // left unchanged: the client reports it
    }
    Integer n = tracker.get("n", Integer.class);
    int next = n == null ? 1 : n + 1;
    tracker.put("visitor", visitor);
    tracker.put("n", next);
    return visitor + " " + next;
  }

  /** Reads the count without changing the tracker. */
  @GET
  @Path("{visitor}/peek")
  @Produces(MediaType.TEXT_PLAIN)
  public String peek(@Context Tracker tracker, @PathParam("visitor") String visitor) {
    return tracker.get("visitor", String.class) + " " + tracker.get("n", Integer.class);
  }
}
