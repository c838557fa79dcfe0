package io.trackercookie.it.jersey;

import io.trackercookie.TrackerFeature;
import io.trackercookie.it.EmbeddedApplication;
import io.trackercookie.it.EmbeddedRuntimeChecks;
import io.trackercookie.it.JerseyGrizzlyServer;
import io.trackercookie.it.RolesCheck;
import io.trackercookie.it.RolesResource;
import io.trackercookie.it.RunningServer;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.Test;

/** Jersey 3.1 on Grizzly, the application registered in a ResourceConfig. */
class JerseyGrizzlyTrackerTest extends EmbeddedRuntimeChecks {

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
