package io.trackercookie.it.cxf;

import io.trackercookie.TrackerFeature;
import io.trackercookie.it.EmbeddedApplication;
import io.trackercookie.it.EmbeddedRuntimeChecks;
import io.trackercookie.it.LoopbackPorts;
import io.trackercookie.it.RolesCheck;
import io.trackercookie.it.RolesResource;
import io.trackercookie.it.RunningServer;
import io.trackercookie.it.SingletonTrackerResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.interceptor.security.SecureAnnotationsInterceptor;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.jaxrs.security.SimpleAuthorizingFilter;
import org.junit.jupiter.api.Test;

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

  @Test
  // CXF's own @RolesAllowed check: a SimpleAuthorizingFilter around a SecureAnnotationsInterceptor
  // that reads the resource class's annotations; 403 without a principal too.
  void rolesAllowed_withSecureAnnotationsInterceptor_seesTheSignedInSubjectsRoles()
      throws IOException {
    int port = LoopbackPorts.free();
    SecureAnnotationsInterceptor annotations = new SecureAnnotationsInterceptor();
    annotations.setSecuredObject(new RolesResource());
    SimpleAuthorizingFilter authorization = new SimpleAuthorizingFilter();
    authorization.setInterceptor(annotations);
    JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
    factory.setResourceClasses(RolesResource.class);
    factory.setProviders(List.of(new TrackerFeature(RolesCheck.config()), authorization));
    factory.setAddress("http://127.0.0.1:" + port + "/");
    Server server = factory.create();
    try {
      RolesCheck.assertRolesAllowed(RunningServer.onLoopback(port, "/", () -> {}).base(), 403);
    } finally {
      server.stop();
      server.destroy();
    }
  }
}
