package io.trackercookie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** Endpoints that each exercise one part of the Tracker, for the HTTP tests. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class TrackerTestResource {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A typed view of the tracker, for the converter and typed reads. */
  public record Visit(String lastPath, int count) {}

  @Context Tracker fieldTracker;

  /** The JSON text of a value, as the test resources answer it. */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @GET
  @Path("read")
  public String read(@Context Tracker tracker) {
    return json(tracker.asMap());
  }

  /** Changes the trees the tracker hands out, which must not change the tracker (or its cookie). */
  @GET
  @Path("tree/mutate")
  public String mutateTrees(@Context Tracker tracker) {
    com.fasterxml.jackson.databind.node.ObjectNode whole =
        tracker.as(com.fasterxml.jackson.databind.node.ObjectNode.class);
    whole.put("a", "changed through as()");
    whole.put("added", true);
    com.fasterxml.jackson.databind.JsonNode value =
        tracker.get("a", com.fasterxml.jackson.databind.JsonNode.class);
    if (value instanceof com.fasterxml.jackson.databind.node.ObjectNode) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) value).put("x", "changed through get()");
    }
    return json(tracker.asMap());
  }

  /** Puts numbers of every kind the application may hand over; some read back as another type. */
  @GET
  @Path("numbers/put")
  public String putNumbers(@Context Tracker tracker) {
    tracker.put("int", 7);
    tracker.put("smallLong", 5L);
    tracker.put("bigLong", 1L << 40);
    tracker.put("float", 1.5f);
    tracker.put("double", 0.25);
    tracker.put("decimal", new java.math.BigDecimal("1.10"));
    tracker.put("short", (short) 3);
    return json(tracker.asMap());
  }

  /** Each entry's Java type as the tracker reads it, and its value. */
  @GET
  @Path("types")
  public String types(@Context Tracker tracker) {
    Map<String, String> types = new java.util.TreeMap<>();
    tracker
        .asMap()
        .forEach(
            (key, value) ->
                types.put(
                    key,
                    (value == null ? "null" : value.getClass().getSimpleName()) + " " + value));
    return json(types);
  }

  /** A tracker kept past its request, as a careless application might keep it. */
  static final java.util.concurrent.atomic.AtomicReference<Tracker> KEPT =
      new java.util.concurrent.atomic.AtomicReference<>();

  @GET
  @Path("kept/put")
  public String putAndKeep(@Context Tracker tracker, @QueryParam("v") String value) {
    tracker.put("k", value);
    KEPT.set(tracker);
    return json(tracker.asMap());
  }

  /** Changes the tracker another request kept, after that request's response has gone. */
  @GET
  @Path("kept/change")
  public String changeKept(@QueryParam("v") String value) {
    KEPT.get().put("k", value);
    return json(KEPT.get().asMap());
  }

  @GET
  @Path("nothing")
  public String nothing() {
    return "\"untouched\"";
  }

  @GET
  @Path("put")
  public String put(
      @Context Tracker tracker, @QueryParam("k") String key, @QueryParam("v") String value) {
    tracker.put(key, value);
    return json(tracker.asMap());
  }

  @GET
  @Path("put-twice")
  public String putTwice(@Context Tracker tracker, @QueryParam("v") String value) {
    tracker.put("path", value);
    tracker.put("path", value);
    return json(tracker.asMap());
  }

  @GET
  @Path("remove")
  public String remove(@Context Tracker tracker, @QueryParam("k") String key) {
    return json(tracker.remove(key));
  }

  @GET
  @Path("clear")
  public String clear(@Context Tracker tracker) {
    tracker.clear();
    return json(tracker.asMap());
  }

  @GET
  @Path("field")
  public String field() {
    return json(fieldTracker.asMap());
  }

  @GET
  @Path("visit/set")
  public String setVisit(
      @Context Tracker tracker, @QueryParam("path") String path, @QueryParam("count") int count) {
    tracker.replaceWith(new Visit(path, count));
    return json(tracker.asMap());
  }

  @GET
  @Path("visit/as")
  public String asVisit(@Context Tracker tracker) {
    return json(tracker.isEmpty() ? null : tracker.as(Visit.class));
  }

  @GET
  @Path("visit/as-or-message")
  public String asVisitOrMessage(@Context Tracker tracker) {
    try {
      return json(tracker.as(Visit.class));
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @GET
  @Path("visits/put")
  public String putVisits(@Context Tracker tracker) {
    tracker.put("visits", List.of(new Visit("/a", 1), new Visit("/b", 2)));
    return json(tracker.asMap());
  }

  @GET
  @Path("visits/get")
  public String getVisits(@Context Tracker tracker) {
    List<Visit> visits = tracker.get("visits", new GenericType<List<Visit>>() {});
    return json(visits == null ? null : visits.get(1).lastPath());
  }

  @GET
  @Path("visit/typed")
  public String typed(@Context Tracker tracker) {
    Visit visit = tracker.get("visit", Visit.class);
    return json(visit);
  }

  @GET
  @Path("visit/put-typed")
  public String putTyped(@Context Tracker tracker) {
    tracker.put("visit", new Visit("/typed", 7));
    return json(tracker.asMap());
  }

  @GET
  @Path("attribute")
  public String attribute(
      @Context ContainerRequestContext request,
      @Context Tracker tracker,
      @QueryParam("name") String name) {
    Object property = request.getProperty(name);
    return json(
        Map.of(
            "isTracker",
            property instanceof Tracker,
            "sameAsInjected",
            property == Tracker.from(request),
            "content",
            property instanceof Tracker ? ((Tracker) property).asMap() : Map.of()));
  }

  /** Several threads of one request write the same tracker at once. */
  @GET
  @Path("threads")
  public String threads(@Context Tracker tracker) throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    tracker.put("t" + thread + "-" + i, i);
                    tracker.get("t" + thread + "-" + i, Integer.class);
                  }
                }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return json(tracker.asMap().size());
  }

  @GET
  @Path("big")
  public String big(@Context Tracker tracker, @QueryParam("n") int n) {
    tracker.put("small", "s");
    tracker.put("huge", "x".repeat(n));
    return json(tracker.asMap());
  }

  /** Fills the tracker to the largest size that fits, to show the limit is exact. */
  @GET
  @Path("fill")
  public String fill(@Context Tracker tracker) {
    Filled filled = fillUntilRefused(tracker, "y", 2000);
    return json(Map.of("fits", filled.fits(), "message", filled.refusal().getMessage()));
  }

  /** How many copies of the unit the tracker held last, and the refusal of one more. */
  private record Filled(int fits, TrackerTooLargeException refusal) {}

  /** Puts "fill" as ever more copies of {@code unit}, past {@code start}, until one is refused. */
  private static Filled fillUntilRefused(Tracker tracker, String unit, int start) {
    for (int n = start; ; n++) {
      try {
        tracker.put("fill", unit.repeat(n + 1));
      } catch (TrackerTooLargeException e) {
        return new Filled(n, e);
      }
    }
  }

  /** As fill, with lone surrogates: each is sealed as U+FFFD, three bytes of UTF-8. */
  @GET
  @Path("fill-lone-surrogates")
  public String fillLoneSurrogates(@Context Tracker tracker) {
    return json(Map.of("fits", fillUntilRefused(tracker, "\uD800", 600).fits()));
  }

  /** Maps the size error, as an application would, to 413 with the message. */
  @Provider
  public static final class TooLargeMapper implements ExceptionMapper<TrackerTooLargeException> {
    @Override
    public Response toResponse(TrackerTooLargeException e) {
      return Response.status(413).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
    }
  }
}
