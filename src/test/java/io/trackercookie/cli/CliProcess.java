package io.trackercookie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged CLI as a real process: {@code java -jar tracker-cookie.jar ...} with the test
 * JVM's own java, only the jar on the class path, a chosen environment and stdin.
 *
 * <p>The jar comes from the system property {@code tracker.jar} (set by failsafe). Other tests,
 * such as a Node interop check, can reuse it:
 *
 * <pre>{@code
 * CliProcess.Result r = CliProcess.withPassword(password).stdin(json).run("seal");
 * }</pre>
 */
public final class CliProcess {

  /**
   * Generous: a JVM start on a loaded 2-core machine; a hang fails the test instead of the build.
   */
  private static final long TIMEOUT_SECONDS = 120;

  private final Map<String, String> environment;
  private byte[] stdin = new byte[0];

  private CliProcess(Map<String, String> environment) {
    this.environment = environment;
  }

  /** A run with {@code TRACKER_PASSWORD} set to this password. */
  public static CliProcess withPassword(String password) {
    return new CliProcess(Map.of(TrackerCookieCli.PASSWORD_ENV, password));
  }

  /** A run with {@code TRACKER_PASSWORD} removed from the environment. */
  public static CliProcess withoutPassword() {
    return new CliProcess(Map.of());
  }

  /** The stdin to send, as UTF-8. */
  public CliProcess stdin(String text) {
    return stdin(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The stdin to send, as bytes. */
  public CliProcess stdin(byte[] bytes) {
    this.stdin = bytes.clone();
    return this;
  }

  /** The packaged jar under test. */
  public static Path jar() {
    String jar = System.getProperty("tracker.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "system property tracker.jar must name the packaged jar, was " + jar);
    }
    return Path.of(jar);
  }

  /** Runs {@code java -jar <jar> args...} and waits for it. */
  public Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove(TrackerCookieCli.PASSWORD_ENV);
    builder.environment().remove("CLASSPATH");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      CompletableFuture<byte[]> out = readAll(process.getInputStream());
      CompletableFuture<byte[]> err = readAll(process.getErrorStream());
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // The CLI may exit (a usage error, an oversized input) before reading all of stdin.
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the CLI did not exit within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(
          process.exitValue(),
          new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<byte[]> readAll(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        // A thread per stream: the common pool may have one thread, and both reads block.
        task -> {
          Thread thread = new Thread(task, "cli-process-reader");
          thread.setDaemon(true);
          thread.start();
        });
  }

  /** What the process did. */
  public record Result(int exitCode, String stdout, String stderr) {

    /** Stdout without its final newline, for commands that print one line. */
    public String line() {
      return stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ", stderr: " + stderr.strip();
    }
  }
}
