package io.trackercookie.it.quarkus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.it.LoopbackPorts;
import io.trackercookie.it.RuntimeConfigChecks;
import io.trackercookie.it.ServerProcess;
import io.trackercookie.it.TrackerCycle;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged Quarkus application on 127.0.0.1: every resource of it-common found by Quarkus's
 * build-time scan, the tracker found in tracker-cookie's bean archive with no registration.
 */
class QuarkusIT extends RuntimeConfigChecks {

  @Override
  protected ServerProcess start() throws Exception {
    Path jar = Path.of(System.getProperty("quarkus.run.jar"));
    assertTrue(Files.isRegularFile(jar), "the packaged Quarkus application " + jar);
    int port = LoopbackPorts.free();
    ProcessBuilder command =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-jar",
                jar.toString()));
    command.environment().put("TRACKER_PASSWORD", TrackerCycle.PASSWORD);
    Path log = Path.of("target", "quarkus.log").toAbsolutePath();
    return ServerProcess.start(
        command, log, URI.create("http://127.0.0.1:" + port + "/"), Duration.ofMinutes(3));
  }

  @Override
  protected List<String> revokeAllForResources() {
    List<String> resources = new ArrayList<>(CONTEXT_REVOCATIONS);
    resources.add(CDI_REVOCATIONS);
    return resources;
  }
}
