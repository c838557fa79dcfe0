package io.trackercookie.jersey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestServer;
import io.trackercookie.Tracker;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** {@code @Context Tracker} in an application that forgot TrackerFeature says to register it. */
class MissingFeatureHttpTest {

  private static final String MESSAGE = "register io.trackercookie.TrackerFeature";

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
  void contextTrackerWithoutTheFeature_failsTheRequest_withAMessageNamingTheFeature() {
    List<Throwable> logged = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getThrown() != null) {
              logged.add(record.getThrown());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger jersey = Logger.getLogger("org.glassfish.jersey");
    jersey.addHandler(handler);
    try (TestServer server = new TestServer(() -> new ResourceConfig(Forgetful.class))) {
      for (String path : List.of("/parameter", "/field")) {
        logged.clear();
        RawHttp.Response response = server.get(path);
        assertEquals(500, response.status(), path);
        assertTrue(
            logged.stream().anyMatch(MissingFeatureHttpTest::namesTheFeature),
            path + ": the logged error says to register the feature: " + logged);
      }
    } finally {
      jersey.removeHandler(handler);
    }
  }

  private static boolean namesTheFeature(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains(MESSAGE)) {
        return true;
      }
    }
    return false;
  }
}
