package io.trackercookie.ownapp;

import io.trackercookie.Tracker;
import io.trackercookie.TrackerValue;
import io.trackercookie.UnknownTrackerKeyException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** What a new user's application does: java.time values, records, flash values, typed params. */
@Path("/")
public class OwnAppResource {

  /** A record holding java.time values. */
  public record Event(String name, Instant at, LocalDate day, Duration length) {}

  /** A record of two of the tracker's keys. */
  public record Visit(String lastPath, int count) {}

  static final Instant AT = Instant.parse("2026-12-07T19:00:00Z");
  static final Instant AT_MICROS = Instant.parse("2026-12-07T19:00:00.123456Z");
  static final LocalDate DAY = LocalDate.parse("2026-12-07");
  static final Event EVENT = new Event("launch", AT, DAY, Duration.ofMinutes(30));

  @GET
  @Path("time/put")
  public String putTime(@Context Tracker tracker) {
    tracker.put("at", AT);
    tracker.put("atMicros", AT_MICROS);
    tracker.put("day", DAY);
    tracker.put("event", EVENT);
    return "ok";
  }

  @GET
  @Path("time/get")
  public String getTime(@Context Tracker tracker) {
    boolean same =
        AT.equals(tracker.get("at", Instant.class))
            && AT_MICROS.equals(tracker.get("atMicros", Instant.class))
            && DAY.equals(tracker.get("day", LocalDate.class))
            && EVENT.equals(tracker.get("event", Event.class));
    return same ? "equal" : "different: " + tracker.asMap();
  }

  @GET
  @Path("visit/set")
  public String setVisit(@Context Tracker tracker, @QueryParam("extra") String extra) {
    tracker.put("lastPath", "/p");
    tracker.put("count", 2);
    if (extra != null) {
      tracker.put(extra, "other part of the app");
    }
    return "ok";
  }

  @GET
  @Path("visit/as")
  public String visitAs(@Context Tracker tracker) {
    return tracker.as(Visit.class).toString();
  }

  @GET
  @Path("visit/as-or-message")
  public String visitAsOrMessage(@Context Tracker tracker) {
    try {
      return tracker.as(Visit.class).toString();
    } catch (UnknownTrackerKeyException e) {
      return e.getMessage();
    }
  }

  @GET
  @Path("visit/param")
  public String visitParam(@TrackerValue Visit visit) {
    return String.valueOf(visit);
  }

  @POST
  @Path("save")
  public Response save(@Context Tracker tracker) {
    tracker.flash("notice", "Saved.");
    return Response.seeOther(URI.create("/page")).build();
  }

  @GET
  @Path("page")
  public String page(@Context Tracker tracker) {
    return Objects.toString(tracker.flashed("notice", String.class), "no notice")
        + " "
        + tracker.asMap();
  }

  @GET
  @Path("other")
  public String other(@Context Tracker tracker) {
    tracker.put("seen", true);
    return tracker.asMap().toString();
  }

  @GET
  @Path("big")
  public String big(@Context Tracker tracker, @QueryParam("n") int n) {
    tracker.put("small", "s");
    tracker.put("huge", "x".repeat(n));
    return "fits";
  }
}
