package io.trackercookie.it;

import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey's own Grizzly server, for the projects that run on Jersey and Grizzly. It-common compiles
 * against Jersey 3.1 and ships none of it: a project brings its own Jersey, 3.1 or 4.0, and
 * registers its application in its own ResourceConfig, compiled against that Jersey.
 */
public final class JerseyGrizzlyServer {

  private JerseyGrizzlyServer() {}

  /** Serves the application at the root of a port that Grizzly picks on 127.0.0.1. */
  public static RunningServer start(ResourceConfig app) {
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    int port = server.getListeners().iterator().next().getPort();
    return RunningServer.onLoopback(port, "/", server::shutdownNow);
  }
}
