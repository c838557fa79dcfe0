package io.trackercookie.it.payara;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.it.JakartaEeServerChecks;
import io.trackercookie.it.ServerProcess;
import io.trackercookie.it.TrackerCycle;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Payara Micro on 127.0.0.1 with the packaged WAR. */
class PayaraMicroIT extends JakartaEeServerChecks {

  private static ServerProcess server;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    Path war = Path.of(System.getProperty("war.file")).toAbsolutePath();
    Path jar = Path.of(System.getProperty("payara.jar"));
    assertTrue(Files.isRegularFile(war), "the packaged WAR " + war);
    assertTrue(Files.isRegularFile(jar), "the Payara Micro jar " + jar);
    Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "payara");
    // Listen on loopback only.
    Path preBoot = work.resolve("preboot.asadmin");
    Files.writeString(preBoot, "set configs.config.server-config.network-config.network-listeners"
        + ".network-listener.http-listener.address=127.0.0.1\n");
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Djava.io.tmpdir=" + work,
        "-jar", jar.toString(),
        "--nocluster", "--disablephonehome", "--nohostaware",
        "--port", String.valueOf(port),
        "--prebootcommandfile", preBoot.toString(),
        "--rootdir", work.resolve("root").toString(),
        "--deploy", war.toString(), "--contextroot", "app"));
    // As an operator configures it: the password from the environment.
    builder.environment().put("TRACKER_PASSWORD", TrackerCycle.PASSWORD);
    base = URI.create("http://127.0.0.1:" + port + "/app/api/");
    server = ServerProcess.start(builder, work.resolve("payara.log"), new TrackerCycle(base),
        Duration.ofMinutes(5));
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
