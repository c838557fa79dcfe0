package io.trackercookie.it.resteasy;

import io.trackercookie.TrackerFeature;
import io.trackercookie.it.EmbeddedApplication;
import io.trackercookie.it.EmbeddedRuntimeChecks;
import io.trackercookie.it.LoopbackPorts;
import io.trackercookie.it.RolesCheck;
import io.trackercookie.it.RolesResource;
import io.trackercookie.it.RunningServer;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.util.Set;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.junit.jupiter.api.Test;

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

  /** The roles application: sign-in on, and RolesResource. */
  private static final class RolesApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(RolesResource.class);
    }

    @Override
    public Set<Object> getSingletons() {
      return Set.of(new TrackerFeature(RolesCheck.config()));
    }
  }

  @Test
  // RESTEasy's role-based security: the deployment's "resteasy.role.based.security" switch, which
  // puts its RoleBasedSecurityFilter on each @RolesAllowed method; 403 without a principal too.
  void rolesAllowed_withRoleBasedSecurity_seesTheSignedInSubjectsRoles() throws Exception {
    int port = LoopbackPorts.free();
    UndertowJaxrsServer server =
        new UndertowJaxrsServer().setHostname("127.0.0.1").setPort(port).start();
    try {
      ResteasyDeployment deployment = new ResteasyDeploymentImpl();
      deployment.setApplication(new RolesApp());
      deployment.setSecurityEnabled(true);
      deployment.start();
      server.deploy(deployment);
      RolesCheck.assertRolesAllowed(RunningServer.onLoopback(port, "/", () -> {}).base(), 403);
    } finally {
      server.stop();
    }
  }
}
