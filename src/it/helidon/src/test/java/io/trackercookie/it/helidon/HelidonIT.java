package io.trackercookie.it.helidon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trackercookie.it.LoopbackPorts;
import io.trackercookie.it.RuntimeConfigChecks;
import io.trackercookie.it.ServerProcess;
import io.trackercookie.it.TrackerCycle;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Helidon MP 4 application on 127.0.0.1, started as a process on a Java 21+: the resources
 * found by CDI in its bean archive, the tracker set up from its settings with no registration.
 */
class HelidonIT extends RuntimeConfigChecks {

  @Override
  protected ServerProcess start() throws Exception {
    Optional<Path> javaBin = Java21.find();
    String missing =
        "No Java "
            + Java21.NEEDED
            + "+ for Helidon 4: set JAVA21_HOME (or -Djava21.home) to one, or install one beside"
            + " the running Java";
    assertTrue(javaBin.isPresent() || !"true".equals(System.getenv("CI")), missing);
    if (javaBin.isEmpty()) {
      // Surefire counts a skipped class as no tests at all: say why in the build's output.
      System.err.println("[WARNING] HelidonIT skipped. " + missing);
    }
    assumeTrue(javaBin.isPresent(), missing);
    String classpath =
        System.getProperty("helidon.classes")
            + File.pathSeparator
            + Files.readString(
                    Path.of(System.getProperty("helidon.classpath.file")), StandardCharsets.UTF_8)
                .strip();
    int port = LoopbackPorts.free();
    ProcessBuilder command =
        new ProcessBuilder(
            List.of(
                javaBin.get().toString(),
                "-Xmx256m",
                "-Dserver.port=" + port,
                "-cp",
                classpath,
                "io.helidon.microprofile.cdi.Main"));
    command.environment().put("TRACKER_PASSWORD", TrackerCycle.PASSWORD);
    Path log = Path.of("target", "helidon.log").toAbsolutePath();
    return ServerProcess.start(
        command, log, URI.create("http://127.0.0.1:" + port + "/"), Duration.ofMinutes(3));
  }

  @Override
  protected List<String> revokeAllForResources() {
    return EVERY_REVOCATIONS;
  }
}
