package io.trackercookie.it.payara;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.trackercookie.it.TrackerCycle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts Payara Micro on 127.0.0.1 with the packaged WAR and drives it over HTTP. */
class PayaraMicroIT {

  /** Boot and deployment on a busy 2-core machine take a while; this is a limit, not a measure. */
  private static final long START_LIMIT_SECONDS = 300;

  private static Process server;
  private static Path log;
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
    log = work.resolve("payara.log");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Djava.io.tmpdir=" + work,
        "-jar", jar.toString(),
        "--nocluster", "--disablephonehome", "--nohostaware",
        "--port", String.valueOf(port),
        "--prebootcommandfile", preBoot.toString(),
        "--rootdir", work.resolve("root").toString(),
        "--deploy", war.toString(), "--contextroot", "app"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // As an operator configures it: the password from the environment.
    builder.environment().put("TRACKER_PASSWORD", TrackerCycle.PASSWORD);
    server = builder.start();
    base = URI.create("http://127.0.0.1:" + port + "/app/api/");
    awaitDeployment(new TrackerCycle(base));
  }

  private static void awaitDeployment(TrackerCycle probe) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        fail("Payara Micro exited with " + server.exitValue() + "; see " + log);
      }
      try {
        if (probe.send("GET", "tracker", null, null).status == 200) {
          return;
        }
      } catch (UncheckedIOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    fail("Payara Micro did not deploy the WAR within " + START_LIMIT_SECONDS + " s; see " + log);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void contextTracker_wholeCycle() {
    new TrackerCycle(base).assertWholeCycle();
  }

  @Test
  void contextTrackerField_readsTheCookie() {
    new TrackerCycle(base).assertFieldInjection();
  }

  @Test
  void cdiInjectedTracker_inApplicationScopedResource_wholeCycle() {
    new TrackerCycle(base, "cdi").assertWholeCycle();
  }

  @Test
  void serverLog_holdsNoCookieOrPassword() throws IOException {
    new TrackerCycle(base, "cdi").send("GET", "cdi", "persistent-information=Fe26.2**bad*bad*bad**bad*bad", null);
    String text = Files.readString(log);
    assertTrue(!text.contains(TrackerCycle.PASSWORD), "the password is not in the server log");
    assertTrue(!text.contains("Fe26.2*"), "no seal is in the server log");
  }
}
