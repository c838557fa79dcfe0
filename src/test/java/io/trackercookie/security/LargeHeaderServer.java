package io.trackercookie.security;

import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A Grizzly server on 127.0.0.1 that accepts request heads up to {@code maxHeaderBytes}, so a
 * header larger than Grizzly's default 8 KB reaches the filter instead of being refused by the
 * server: the library's own bounds are then what is tested.
 */
final class LargeHeaderServer implements AutoCloseable {

  private final HttpServer server;
  private final URI base;

  LargeHeaderServer(Application application, int maxHeaderBytes) {
    server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:0/"), ResourceConfig.forApplication(application), false);
    NetworkListener listener = server.getListeners().iterator().next();
    listener.setMaxHttpHeaderSize(maxHeaderBytes);
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException("The large-header server did not start", e);
    }
    base = URI.create("http://127.0.0.1:" + listener.getPort() + "/");
  }

  URI base() {
    return base;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
