package io.trackercookie.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.it.JakartaEeServerChecks;
import io.trackercookie.it.ServerProcess;
import io.trackercookie.it.TrackerCycle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** WildFly on 127.0.0.1 with the packaged WAR in its deployments folder. */
class WildFlyIT extends JakartaEeServerChecks {

  /** WildFly's default HTTP port; every port of the server is moved by the same offset. */
  private static final int DEFAULT_HTTP_PORT = 8080;

  private static ServerProcess server;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    Path war = Path.of(System.getProperty("war.file")).toAbsolutePath();
    Path home = Path.of(System.getProperty("wildfly.home")).toAbsolutePath();
    assertTrue(Files.isRegularFile(war), "the packaged WAR " + war);
    Path script = home.resolve("bin/standalone.sh");
    assertTrue(Files.isRegularFile(script), "the unpacked WildFly " + home);
    Files.copy(war, home.resolve("standalone/deployments/app.war"), StandardCopyOption.REPLACE_EXISTING);
    // Every port of the server (HTTP, management, HTTPS) moves by one offset: pick one whose
    // HTTP port is free.
    int offset = 0;
    for (int attempt = 0; offset == 0 && attempt < 20; attempt++) {
      int candidate = 1000 + ThreadLocalRandom.current().nextInt(19000);
      try (ServerSocket probe = new ServerSocket(DEFAULT_HTTP_PORT + candidate, 1, InetAddress.getLoopbackAddress())) {
        offset = candidate;
      } catch (IOException e) {
        // taken: try another
      }
    }
    assertTrue(offset > 0, "a free port offset");
    int port = DEFAULT_HTTP_PORT + offset;
    ProcessBuilder builder = new ProcessBuilder(List.of("sh", script.toString(),
        "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
        "-Djboss.socket.binding.port-offset=" + offset))
        .directory(home.toFile());
    builder.environment().put("JBOSS_HOME", home.toString());
    builder.environment().put("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
    // As an operator configures it: the password from the environment.
    builder.environment().put("TRACKER_PASSWORD", TrackerCycle.PASSWORD);
    base = URI.create("http://127.0.0.1:" + port + "/app/api/");
    server = ServerProcess.start(builder, home.resolveSibling("wildfly.log"),
        new TrackerCycle(base), Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected URI base() {
    return base;
  }

  @Override
  protected ServerProcess server() {
    return server;
  }
}
