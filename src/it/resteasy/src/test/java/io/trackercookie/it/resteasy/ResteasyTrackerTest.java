package io.trackercookie.it.resteasy;

import io.trackercookie.it.EmbeddedApplication;
import io.trackercookie.it.EmbeddedRuntimeChecks;
import io.trackercookie.it.LoopbackPorts;
import io.trackercookie.it.RunningServer;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.util.Set;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** RESTEasy on its embedded Undertow, the application registered in an Application. */
class ResteasyTrackerTest extends EmbeddedRuntimeChecks {

  /** The application as a RESTEasy user writes it. */
  private static final class TrackerApp extends Application {
    private final EmbeddedApplication parts;

    TrackerApp(EmbeddedApplication parts) {
      this.parts = parts;
    }

    @Override
    public Set<Class<?>> getClasses() {
      return parts.perRequestResources();
    }

    @Override
    public Set<Object> getSingletons() {
      return parts.instances();
    }
  }

  @Override
  protected RunningServer serve(EmbeddedApplication app) throws IOException {
    int port = LoopbackPorts.free();
    UndertowJaxrsServer server =
        new UndertowJaxrsServer().setHostname("127.0.0.1").setPort(port).start();
    server.deploy(new TrackerApp(app));
    return RunningServer.onLoopback(port, "/", server::stop);
  }
}
