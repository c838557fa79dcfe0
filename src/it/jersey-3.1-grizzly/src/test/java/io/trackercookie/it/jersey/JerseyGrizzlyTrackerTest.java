package io.trackercookie.it.jersey;

import io.trackercookie.it.EmbeddedApplication;
import io.trackercookie.it.EmbeddedRuntimeChecks;
import io.trackercookie.it.JerseyGrizzlyServer;
import io.trackercookie.it.RunningServer;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

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
}
