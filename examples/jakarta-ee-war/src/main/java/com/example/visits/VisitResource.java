package com.example.visits;

import io.trackercookie.Tracker;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Counts a visitor's visits in the visitor's own sealed cookie. The tracker comes from CDI here;
 * {@code @Context Tracker tracker} as a method parameter works as well.
 */
@RequestScoped
@Path("visits")
public class VisitResource {

  @Inject Tracker tracker;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String visit() {
    Integer before = tracker.get("visits", Integer.class);
    int visits = before == null ? 1 : before + 1;
    tracker.put("visits", visits); // the response carries the new cookie
    return "visit " + visits;
  }
}
