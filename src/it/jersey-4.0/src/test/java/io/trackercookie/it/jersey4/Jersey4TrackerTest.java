package io.trackercookie.it.jersey4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.TrackerFeature;
import io.trackercookie.it.EmbeddedApplication;
import io.trackercookie.it.EmbeddedRuntimeChecks;
import io.trackercookie.it.JerseyGrizzlyServer;
import io.trackercookie.it.RolesCheck;
import io.trackercookie.it.RolesResource;
import io.trackercookie.it.RunningServer;
import jakarta.ws.rs.core.Application;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.Test;

/** Jersey 4.0 on Grizzly, the application registered in a ResourceConfig compiled against it. */
class Jersey4TrackerTest extends EmbeddedRuntimeChecks {

  @Override
  protected RunningServer serve(EmbeddedApplication app) {
    return JerseyGrizzlyServer.start(
        new ResourceConfig(app.perRequestResources())
            .registerClasses(EmbeddedApplication.contextRevocationsResources())
            .registerInstances(app.instances()));
  }

  @Override
  protected List<String> revokeAllForResources() {
    return CONFIGURATION_AND_CONTEXT_REVOCATIONS;
  }

  @Test
  void classPath_isJakartaRest40() {
    // Guards the point of this project: the class path really is Jakarta REST 4.0.
    assertEquals("4.0", Application.class.getPackage().getSpecificationVersion().substring(0, 3));
  }

  @Test
  // Jersey's RolesAllowedDynamicFeature refuses with 403 without a principal too.
  void rolesAllowed_withRolesAllowedDynamicFeature_seesTheSignedInSubjectsRoles() throws Exception {
    try (RunningServer server =
        JerseyGrizzlyServer.start(
            new ResourceConfig(RolesResource.class)
                .register(new TrackerFeature(RolesCheck.config()))
                .register(RolesAllowedDynamicFeature.class))) {
      RolesCheck.assertRolesAllowed(server.base(), 403);
    }
  }
}
