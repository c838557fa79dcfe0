package io.trackercookie.jersey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestServer;
import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** {@code @Context Tracker} in an application that forgot TrackerFeature says to register it. */
class MissingFeatureHttpTest {

  private static final String MESSAGE =
      "register io.trackercookie.TrackerFeature with the application";

  @Path("/")
  public static final class Forgetful {
    @Context Tracker field;

    @GET
    @Path("parameter")
    public String parameter(@Context Tracker tracker) {
      return String.valueOf(tracker.get("user"));
    }

    @GET
    @Path("field")
    public String field() {
      return String.valueOf(field.get("user"));
    }
  }

  @Test
  void contextTrackerWithoutTheFeature_failsTheRequest_withAMessageNamingTheFeature()
      throws InterruptedException {
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getThrown() != null) {
              StringWriter trace = new StringWriter();
              record.getThrown().printStackTrace(new PrintWriter(trace));
              logged.add(trace.toString());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(handler);
    try (TestServer server = new TestServer(() -> new ResourceConfig(Forgetful.class))) {
      for (String path : List.of("/parameter", "/field")) {
        logged.clear();
        RawHttp.Response response = server.get(path);
        assertEquals(500, response.status(), path);
        // HK2 prints every error it collected; the first says what to do. The container may log
        // it after the response has gone out.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!namesTheFeature(logged) && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertTrue(
            logged.stream()
                .anyMatch(
                    t ->
                        t.contains(
                            "IllegalStateException: No Tracker on this request: " + MESSAGE)),
            path + ": the logged error says to register the feature: " + logged);
      }
    } finally {
      root.removeHandler(handler);
    }
  }

  private static boolean namesTheFeature(List<String> logged) {
    return logged.stream()
        .anyMatch(t -> t.contains("IllegalStateException: No Tracker on this request: " + MESSAGE));
  }
}
