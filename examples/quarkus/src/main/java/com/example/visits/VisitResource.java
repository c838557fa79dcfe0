package com.example.visits;

import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Counts a visitor's visits in the visitor's own sealed cookie. */
@Path("visits")
public class VisitResource {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String visit(@Context Tracker tracker) {
    Integer before = tracker.get("visits", Integer.class);
    int visits = before == null ? 1 : before + 1;
    tracker.put("visits", visits); // the response carries the new cookie
    return "visit " + visits;
  }
}
