package io.trackercookie.it.jersey4;

import io.trackercookie.TrackerFeature;
import io.trackercookie.it.EmbeddedRuntimeContract;
import io.trackercookie.it.FieldTrackerResource;
import io.trackercookie.it.SingletonTrackerResource;
import io.trackercookie.it.TrackerCycle;
import io.trackercookie.it.TrackerResource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Jersey4TrackerTest extends EmbeddedRuntimeContract {

  private static HttpServer server;
  private static TrackerCycle cycle;

  @BeforeAll
  static void start() {
    ResourceConfig app = new ResourceConfig(TrackerResource.class, FieldTrackerResource.class)
        .register(new SingletonTrackerResource())
        .register(new TrackerFeature(TrackerCycle.config()));
    server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    int port = server.getListeners().iterator().next().getPort();
    cycle = new TrackerCycle(URI.create("http://127.0.0.1:" + port + "/"));
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
  }

  @Test
  void runsOnJakartaRest40() {
    // Guards the point of this project: the class path really is Jakarta REST 4.0.
    assertEquals("4.0", jakarta.ws.rs.core.Application.class.getPackage().getSpecificationVersion()
        .substring(0, 3));
  }

  @Override
  protected TrackerCycle cycle() {
    return cycle;
  }
}
