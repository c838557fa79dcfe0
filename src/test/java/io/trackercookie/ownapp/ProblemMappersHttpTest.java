package io.trackercookie.ownapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerTooLargeException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * A tracker past its limit is a 413 problem naming the limit, from the feature's own mapper, with
 * no SEVERE line; an application's own mapper of it wins.
 */
class ProblemMappersHttpTest {

  /** An application's own answer to the size error. */
  public static final class TeapotMapper implements ExceptionMapper<TrackerTooLargeException> {
    @Override
    public Response toResponse(TrackerTooLargeException e) {
      return Response.status(418).type(MediaType.TEXT_PLAIN).entity("mine").build();
    }
  }

  private static ResourceConfig app() {
    return new ResourceConfig(OwnAppResource.class)
        .register(new TrackerFeature(TestConfigs.builder().build()));
  }

  /** Collects what the JDK loggers receive at SEVERE, the container's included. */
  private static final class SevereLines extends Handler {
    final List<LogRecord> records = new ArrayList<>();

    @Override
    public synchronized void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
        records.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void aPutPastTheLimit_isA413ProblemNamingTheLimit_neverTheContent_andNoSevereLine() {
    SevereLines severe = new SevereLines();
    Logger root = Logger.getLogger("");
    root.addHandler(severe);
    try (TestServer server = new TestServer(ProblemMappersHttpTest::app)) {
      RawHttp.Response response = server.get("/big?n=5000");
      assertEquals(413, response.status(), response.body());
      assertEquals(
          "application/problem+json", response.header("Content-Type").get(0).split(";")[0]);
      assertEquals("no-store", response.header("Cache-Control").get(0));
      String body = response.body();
      assertTrue(body.contains("\"type\":\"urn:io.trackercookie:tracker-too-large\""), body);
      assertTrue(body.contains("\"status\":413"), body);
      assertTrue(body.contains("\"limitBytes\":4096"), body);
      assertTrue(body.contains("over the limit of 4096 bytes"), body);
      assertFalse(body.contains("xxx"), "no value: " + body);
      assertFalse(body.contains("huge"), "no key: " + body);
      // The put that fitted is sealed; the one that did not is undone.
      assertTrue(
          TestConfigs.unseal(response.cookieValue("persistent-information")).contains("small"));
    } finally {
      root.removeHandler(severe);
    }
    assertTrue(severe.records.isEmpty(), "no SEVERE line: " + severe.records.size());
  }

  @Test
  void anApplicationsOwnMapper_wins_whetherRegisteredBeforeOrAfterTheFeature() {
    try (TestServer server = new TestServer(() -> app().register(TeapotMapper.class))) {
      RawHttp.Response response = server.get("/big?n=5000");
      assertEquals(418, response.status());
      assertEquals("mine", response.body());
    }
    try (TestServer server =
        new TestServer(
            () ->
                new ResourceConfig(OwnAppResource.class)
                    .register(new TeapotMapper())
                    .register(new TrackerFeature(TestConfigs.builder().build())))) {
      assertEquals(418, server.get("/big?n=5000").status());
    }
  }
}
