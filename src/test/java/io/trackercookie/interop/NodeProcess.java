package io.trackercookie.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A started Node process whose stdout is read line by line on a daemon thread, so every read can
 * time out, and whose stderr is drained (its last lines kept for failure messages) so the process
 * never blocks on a full pipe.
 */
final class NodeProcess implements AutoCloseable {

  private static final String END_OF_STREAM = new String("<end of stream>");
  private static final int STDERR_LINES_KEPT = 20;

  private final String name;
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
  private final Deque<String> stderrTail = new ArrayDeque<>();

  NodeProcess(String name, ProcessBuilder builder) throws IOException {
    this.name = name;
    this.process = builder.start();
    this.stdin = process.getOutputStream();
    daemon(name + "-stdout", () -> pump(process.getInputStream(), true));
    daemon(name + "-stderr", () -> pump(process.getErrorStream(), false));
  }

  private static void daemon(String threadName, Runnable body) {
    Thread thread = new Thread(body, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  private void pump(InputStream stream, boolean isStdout) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (isStdout) {
          stdoutLines.add(line);
        } else {
          synchronized (stderrTail) {
            stderrTail.addLast(line);
            while (stderrTail.size() > STDERR_LINES_KEPT) {
              stderrTail.removeFirst();
            }
          }
        }
      }
    } catch (IOException e) {
      // The process went away; the reader below reports that as end of stream.
    } finally {
      if (isStdout) {
        stdoutLines.add(END_OF_STREAM);
      }
    }
  }

  /** Writes one line to the process's stdin. */
  void writeLine(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /**
   * The next stdout line; fails (and kills the process, which can no longer be trusted to stay in
   * step) when none comes within the timeout or the process ended.
   */
  String readLine(Duration timeout) {
    String line;
    try {
      line = stdoutLines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(name + ": interrupted while waiting for an answer", e);
    }
    if (line == null) {
      process.destroyForcibly();
      throw new IllegalStateException(name + ": no answer within " + timeout + describeStderr());
    }
    if (line == END_OF_STREAM) {
      stdoutLines.add(END_OF_STREAM);
      throw new IllegalStateException(name + ": the process ended" + describeStderr());
    }
    return line;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String describeStderr() {
    synchronized (stderrTail) {
      return stderrTail.isEmpty() ? "" : "; stderr: " + String.join(" | ", stderrTail);
    }
  }

  /** Closes stdin (the scripts exit on that), then waits a little before killing. */
  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // Already gone.
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
