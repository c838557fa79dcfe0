package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An application server run as a process by a test: started, awaited until the application answers,
 * and stopped with every process it started.
 */
public final class ServerProcess implements RunningServer {

  private final Process process;
  private final Path log;
  private final URI base;

  private ServerProcess(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /**
   * Starts the server with its output in log, and waits until {@code GET tracker} below base
   * answers 200.
   *
   * @param base the application's root, where {@link TrackerResource} answers at "tracker"
   * @param limit how long start-up and deployment may take; a limit, not a measure
   */
  public static ServerProcess start(ProcessBuilder builder, Path log, URI base, Duration limit)
      throws IOException, InterruptedException {
    ServerProcess server =
        new ServerProcess(
            builder.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log, base);
    TrackerCycle probe = new TrackerCycle(base);
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.process.isAlive()) {
        fail("The server exited with " + server.process.exitValue() + "; see " + log);
      }
      try {
        if (probe.send("GET", "tracker", null, null).status == 200) {
          return server;
        }
      } catch (UncheckedIOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    server.close();
    fail(
        "The server did not deploy the application within " + limit.toSeconds() + " s; see " + log);
    return server;
  }

  @Override
  public URI base() {
    return base;
  }

  /** The server's output. */
  public Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    // Launcher scripts do not always pass the signal on: stop the JVMs they started as well.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
