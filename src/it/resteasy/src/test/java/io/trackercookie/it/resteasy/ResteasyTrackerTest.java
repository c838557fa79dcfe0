package io.trackercookie.it.resteasy;

import io.trackercookie.TrackerFeature;
import io.trackercookie.it.EmbeddedRuntimeContract;
import io.trackercookie.it.FieldTrackerResource;
import io.trackercookie.it.SingletonTrackerResource;
import io.trackercookie.it.TrackerCycle;
import io.trackercookie.it.TrackerResource;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class ResteasyTrackerTest extends EmbeddedRuntimeContract {

  /** The application as a RESTEasy user writes it. */
  public static class TrackerApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(TrackerResource.class, FieldTrackerResource.class);
    }

    @Override
    public Set<Object> getSingletons() {
      return Set.of(new TrackerFeature(TrackerCycle.config()), new SingletonTrackerResource());
    }
  }

  private static UndertowJaxrsServer server;
  private static TrackerCycle cycle;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    server = new UndertowJaxrsServer().setHostname("127.0.0.1").setPort(port).start();
    server.deploy(TrackerApp.class);
    cycle = new TrackerCycle(URI.create("http://127.0.0.1:" + port + "/"));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Override
  protected TrackerCycle cycle() {
    return cycle;
  }
}
