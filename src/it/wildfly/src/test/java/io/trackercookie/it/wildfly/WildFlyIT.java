package io.trackercookie.it.wildfly;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.trackercookie.it.JakartaEeServerChecks;
import io.trackercookie.it.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** WildFly on 127.0.0.1, unpacked, with the packaged WAR in its deployments folder. */
class WildFlyIT extends JakartaEeServerChecks {

  /** WildFly's default HTTP port; every port of the server is moved by the same offset. */
  private static final int DEFAULT_HTTP_PORT = 8080;

  @Override
  protected Launch launch(Path war) throws IOException {
    Path home = Path.of(System.getProperty("wildfly.home")).toAbsolutePath();
    Path script = home.resolve("bin/standalone.sh");
    assertTrue(Files.isRegularFile(script), "the unpacked WildFly " + home);
    Files.copy(
        war, home.resolve("standalone/deployments/app.war"), StandardCopyOption.REPLACE_EXISTING);
    int offset = freePortOffset();
    ProcessBuilder command =
        new ProcessBuilder(
                List.of(
                    "sh",
                    script.toString(),
                    "-b",
                    "127.0.0.1",
                    "-bmanagement",
                    "127.0.0.1",
                    "-Djboss.socket.binding.port-offset=" + offset))
            .directory(home.toFile());
    command.environment().put("JBOSS_HOME", home.toString());
    command.environment().put("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true");
    return new Launch(command, DEFAULT_HTTP_PORT + offset, home.resolveSibling("wildfly.log"));
  }

  /**
   * Every port of the server (HTTP, management, HTTPS) moves by one offset: one whose HTTP port is
   * free.
   */
  private static int freePortOffset() {
    for (int attempt = 0; attempt < 20; attempt++) {
      int candidate = 1000 + ThreadLocalRandom.current().nextInt(19000);
      if (LoopbackPorts.isFree(DEFAULT_HTTP_PORT + candidate)) {
        return candidate;
      }
    }
    return fail("no free port offset in 20 tries");
  }
}
