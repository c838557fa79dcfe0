package io.trackercookie.revocation;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server of the test's own: a free port on 127.0.0.1, a temporary directory, no
 * persistence unless asked. Without redis-server the test is skipped, except under CI=true, where
 * it fails.
 */
final class RedisServer implements AutoCloseable {

  private static final Path[] CANDIDATES = {
    Path.of("/usr/bin/redis-server"), Path.of("/usr/local/bin/redis-server")
  };

  private final Path binary;
  private final Path dir;
  private final int port;
  private final boolean appendOnly;
  private final List<String> options;
  private Process process;

  private RedisServer(Path binary, boolean appendOnly, List<String> options) throws IOException {
    this.binary = binary;
    this.appendOnly = appendOnly;
    this.options = List.copyOf(options);
    this.dir = Files.createTempDirectory("tracker-redis");
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  /** A started server without persistence. */
  static RedisServer start() {
    return start(false);
  }

  /**
   * A started server; with {@code appendOnly}, every write is synced to an append-only file, so a
   * killed server restarts with what it had.
   */
  static RedisServer start(boolean appendOnly) {
    RedisServer server = notStarted(appendOnly);
    server.restart();
    return server;
  }

  /**
   * A started server without persistence, given these configuration options as on its command line
   * (for example {@code --maxmemory-policy allkeys-lru}).
   */
  static RedisServer startWith(String... options) {
    RedisServer server = notStarted(false, List.of(options));
    server.restart();
    return server;
  }

  /** A server with its port and directory chosen, not running until {@link #restart}. */
  static RedisServer notStarted(boolean appendOnly) {
    return notStarted(appendOnly, List.of());
  }

  private static RedisServer notStarted(boolean appendOnly, List<String> options) {
    Path binary = null;
    for (Path candidate : CANDIDATES) {
      if (Files.isExecutable(candidate)) {
        binary = candidate;
      }
    }
    if (binary == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("redis-server is not installed; CI must install the redis-server package");
      }
      Assumptions.abort("redis-server is not installed: the Redis tests are skipped");
    }
    try {
      return new RedisServer(binary, appendOnly, options);
    } catch (IOException e) {
      throw new IllegalStateException("No temporary directory or port for redis-server", e);
    }
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Starts the process (again) on the same port and directory. */
  void restart() {
    try {
      startProcess();
    } catch (IOException e) {
      throw new IllegalStateException("redis-server did not restart", e);
    }
  }

  private void startProcess() throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            binary.toString(),
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            dir.toString()));
    if (appendOnly) {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      command.addAll(List.of("--appendonly", "no"));
    }
    command.addAll(options);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (answersPing()) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("redis-server did not answer PING within 10 s");
  }

  private boolean answersPing() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int n = in.read(reply);
      return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** Kills the process at once (SIGKILL), as a crash would. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
