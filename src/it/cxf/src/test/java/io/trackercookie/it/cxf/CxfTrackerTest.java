package io.trackercookie.it.cxf;

import io.trackercookie.TrackerFeature;
import io.trackercookie.it.EmbeddedRuntimeContract;
import io.trackercookie.it.FieldTrackerResource;
import io.trackercookie.it.SingletonTrackerResource;
import io.trackercookie.it.TrackerCycle;
import io.trackercookie.it.TrackerResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class CxfTrackerTest extends EmbeddedRuntimeContract {

  private static Server server;
  private static TrackerCycle cycle;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String address = "http://127.0.0.1:" + port + "/";
    JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
    factory.setResourceClasses(TrackerResource.class, FieldTrackerResource.class,
        SingletonTrackerResource.class);
    // One instance for all requests; the other classes get one per request.
    factory.setResourceProvider(SingletonTrackerResource.class,
        new SingletonResourceProvider(new SingletonTrackerResource()));
    factory.setProviders(List.of(new TrackerFeature(TrackerCycle.config())));
    factory.setAddress(address);
    server = factory.create();
    cycle = new TrackerCycle(URI.create(address));
  }

  @AfterAll
  static void stop() {
    server.stop();
    server.destroy();
  }

  @Override
  protected TrackerCycle cycle() {
    return cycle;
  }
}
