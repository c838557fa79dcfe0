package io.trackercookie.keys;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Password files written the ways deployments write them, and what the watcher logs. */
final class KeyFiles {

  /** Generous: the machine is shared, and the poller runs every few milliseconds here. */
  static final Duration AWAIT = Duration.ofSeconds(30);

  private KeyFiles() {}

  /** A password file's content: the password alone. */
  static String plain(String password) {
    return password + "\n";
  }

  /** A password file's content: a seal-from line, then the password. */
  static String scheduled(String sealFrom, String password) {
    return "sealFrom=" + sealFrom + "\n" + password + "\n";
  }

  /** Writes a file in place, as {@code echo > file} does: a reader may see it half-written. */
  static void writeInPlace(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file whole, as a careful tool does: a temporary file, then an atomic rename. */
  static void writeAtomically(Path file, String content) {
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Puts these files in {@code directory} the way the kubelet mounts a Secret: a new timestamped
   * directory {@code ..<version>} holding the files, the {@code ..data} link swapped to it by an
   * atomic rename, a link {@code <id> -> ..data/<id>} for each file, links of files no longer in
   * the Secret removed, and the old timestamped directory deleted.
   */
  static void kubernetesUpdate(Path directory, String version, Map<String, String> files) {
    try {
      Path data = directory.resolve("..data");
      Path previous =
          Files.isSymbolicLink(data) ? directory.resolve(Files.readSymbolicLink(data)) : null;
      Path next = directory.resolve(".." + version);
      Files.createDirectory(next);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(next.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
      Path newLink = directory.resolve("..data_tmp");
      Files.createSymbolicLink(newLink, next.getFileName());
      Files.move(
          newLink, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      for (String id : files.keySet()) {
        Path link = directory.resolve(id);
        if (!Files.isSymbolicLink(link)) {
          Files.createSymbolicLink(link, Path.of("..data", id));
        }
      }
      try (var entries = Files.list(directory)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          String name = entry.getFileName().toString();
          if (!name.startsWith("..") && !files.containsKey(name)) {
            Files.delete(entry);
          }
        }
      }
      if (previous != null) {
        try (var old = Files.list(previous)) {
          for (Path file : (Iterable<Path>) old::iterator) {
            Files.delete(file);
          }
        }
        Files.delete(previous);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a condition the poller brings about; fails after {@link #AWAIT}. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("Timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  /** The tracker's log records while open. */
  static final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.trackercookie");
    private final List<LogRecord> records = new ArrayList<>();

    LogCapture() {
      setLevel(Level.ALL);
      logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      records.add(record);
    }

    /** The WARNING messages so far. */
    synchronized List<String> warnings() {
      List<String> warnings = new ArrayList<>();
      for (LogRecord record : records) {
        if (record.getLevel() == Level.WARNING) {
          warnings.add(record.getMessage());
        }
      }
      return warnings;
    }

    /** Every message so far, at any level. */
    synchronized List<String> messages() {
      List<String> messages = new ArrayList<>();
      records.forEach(record -> messages.add(record.getMessage()));
      return messages;
    }

    long warningsMentioning(String text) {
      return warnings().stream().filter(w -> w.contains(text)).count();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }
}
