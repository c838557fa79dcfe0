package io.trackercookie.it.cxf;

import io.trackercookie.it.EmbeddedApplication;
import io.trackercookie.it.EmbeddedRuntimeChecks;
import io.trackercookie.it.LoopbackPorts;
import io.trackercookie.it.RunningServer;
import io.trackercookie.it.SingletonTrackerResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;

/** CXF on its embedded Jetty, the application registered in a JAXRSServerFactoryBean. */
class CxfTrackerTest extends EmbeddedRuntimeChecks {

  /**
   * {@code @Context Revocations} only: CXF's {@code @Context Configuration} holds the application's
   * own properties, not the feature's, so {@code Revocations.from(configuration)} finds none.
   */
  @Override
  protected List<String> revokeAllForResources() {
    return CONTEXT_REVOCATIONS;
  }

  @Override
  protected RunningServer serve(EmbeddedApplication app) throws IOException {
    int port = LoopbackPorts.free();
    JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
    List<Class<?>> resources = new ArrayList<>(app.perRequestResources());
    resources.add(SingletonTrackerResource.class);
    resources.addAll(EmbeddedApplication.contextRevocationsResources());
    factory.setResourceClasses(resources);
    // One instance for all requests; the other classes get one per request.
    factory.setResourceProvider(
        SingletonTrackerResource.class, new SingletonResourceProvider(app.singletonResource()));
    factory.setProviders(List.of(app.feature()));
    factory.setAddress("http://127.0.0.1:" + port + "/");
    Server server = factory.create();
    return RunningServer.onLoopback(
        port,
        "/",
        () -> {
          server.stop();
          server.destroy();
        });
  }
}
