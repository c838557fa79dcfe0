package io.trackercookie.it.openliberty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.it.LoopbackPorts;
import io.trackercookie.it.RuntimeConfigChecks;
import io.trackercookie.it.ServerProcess;
import io.trackercookie.it.TrackerCycle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Open Liberty on 127.0.0.1, unpacked, with a server of restfulWS, cdi and mpConfig and the
 * packaged WAR in its apps folder.
 */
class OpenLibertyIT extends RuntimeConfigChecks {

  private static final String SERVER = "tracker";

  @Override
  protected ServerProcess start() throws Exception {
    Path home = Path.of(System.getProperty("liberty.home")).toAbsolutePath();
    Path script = home.resolve("bin/server");
    assertTrue(Files.isRegularFile(script), "the unpacked Open Liberty " + home);
    Path server = home.resolve("usr/servers").resolve(SERVER);
    Files.createDirectories(server.resolve("apps"));
    Files.copy(
        Path.of(System.getProperty("liberty.server.xml")),
        server.resolve("server.xml"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        packagedWar(),
        server.resolve("apps").resolve("tracker-app.war"),
        StandardCopyOption.REPLACE_EXISTING);
    int port = LoopbackPorts.free();
    Files.writeString(
        server.resolve("bootstrap.properties"), "http.port=" + port + "\n", StandardCharsets.UTF_8);
    ProcessBuilder command =
        new ProcessBuilder(List.of("sh", script.toString(), "run", SERVER))
            .directory(home.toFile());
    command.environment().put("JAVA_HOME", System.getProperty("java.home"));
    command.environment().put("JVM_ARGS", "-Xmx512m");
    command.environment().put("TRACKER_PASSWORD", TrackerCycle.PASSWORD);
    Path log = home.resolveSibling("openliberty.log");
    return ServerProcess.start(
        command,
        log,
        URI.create("http://127.0.0.1:" + port + "/tracker-app/"),
        Duration.ofMinutes(4));
  }

  @Override
  protected List<String> revokeAllForResources() {
    return List.of(CONFIGURATION_REVOCATIONS, CDI_REVOCATIONS);
  }
}
