package io.trackercookie.keys;

import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Passwords kept in files: a directory with one file per password id, as a Kubernetes Secret is
 * mounted, or one file holding a single password.
 *
 * <p>In a directory, each regular file whose name is a password id ({@code [A-Za-z0-9_]+}) holds
 * that password; other names are skipped, so Kubernetes' {@code ..data} links and an editor's
 * {@code k2.tmp} are never read as passwords. Symbolic links are followed. A password file holds
 * the password on one line, or a first line {@code sealFrom=<instant>} (ISO-8601 with an offset,
 * such as {@code 2027-01-10T09:00:00Z}, in the years 0000 to 9999) and the password on the second:
 * such a password is accepted at once and seals from that instant on (see {@link PasswordRing}).
 * Exactly one file may go without a {@code sealFrom} line: that password seals until a scheduled
 * one takes over. A single file holds the password alone. Trailing line ends are ignored.
 *
 * <p>Nothing here logs or repeats a password: problems name the file and the rule.
 */
public final class PasswordFiles {

  private static final String SEAL_FROM = "sealFrom=";

  /** The largest password file read: a sealFrom line and a password fit many times over. */
  static final int MAX_FILE_BYTES = 8192;

  private final Path path;
  private final boolean directory;

  private PasswordFiles(Path path, boolean directory) {
    this.path = path;
    this.directory = directory;
  }

  /** A directory with one file per password id. */
  public static PasswordFiles directory(Path directory) {
    return new PasswordFiles(Objects.requireNonNull(directory, "directory"), true);
  }

  /** A file holding one password, with no id. */
  public static PasswordFiles file(Path file) {
    return new PasswordFiles(Objects.requireNonNull(file, "file"), false);
  }

  /** The directory or the file. */
  public Path path() {
    return path;
  }

  /** Whether {@link #path()} is a directory of password files rather than one file. */
  public boolean isDirectory() {
    return directory;
  }

  /**
   * Password files that cannot be used, and why: one problem per file at fault, each naming the
   * file and the rule, never the content.
   */
  public static final class UnusableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    UnusableException(Path file, String problem) {
      this(List.of(describe(file, problem)));
    }

    private UnusableException(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    /** Each problem, naming its file. */
    public List<String> problems() {
      return problems;
    }

    private static String describe(Path file, String problem) {
      return "Tracker password file " + file + ": " + problem;
    }
  }

  /**
   * What the files look like now, without reading them: each password file's name, the file its
   * links lead to, its file key (inode), modification time and size. Changes when a file is
   * written, replaced, added or removed, and when Kubernetes swaps its {@code ..data} link; equal
   * when nothing changed.
   */
  public String fingerprint() {
    StringBuilder print = new StringBuilder();
    for (Path file : candidates()) {
      print.append(file.getFileName()).append('|');
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        print
            .append(file.toRealPath())
            .append('|')
            .append(attributes.fileKey())
            .append('|')
            .append(attributes.lastModifiedTime()) // at the file system's full precision
            .append('|')
            .append(attributes.size());
      } catch (IOException | SecurityException e) {
        print.append("unreadable");
      }
      print.append('\n');
    }
    return print.toString();
  }

  /** The password files: the one file, or the directory's entries named as password ids. */
  private List<Path> candidates() {
    if (!directory) {
      return List.of(path);
    }
    TreeMap<String, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (IronPasswords.isValidId(name) && Files.isRegularFile(entry)) {
          files.put(name, entry);
        }
      }
    } catch (IOException | SecurityException e) {
      return List.of();
    }
    return new ArrayList<>(files.values());
  }

  /**
   * Reads the passwords.
   *
   * @param minLength the shortest password accepted
   * @param allowWeak whether weak passwords ({@link WeakPasswords}) are accepted
   * @throws UnusableException naming the file and the rule for a missing, unreadable, empty, short,
   *     weak or malformed file, or a directory without a usable password
   */
  public PasswordRing read(int minLength, boolean allowWeak) throws UnusableException {
    if (!directory) {
      Content content = readFile(path, false, minLength, allowWeak);
      return PasswordRing.single(IronSecret.password(content.password()));
    }
    if (!Files.isDirectory(path)) {
      throw new UnusableException(path, "not a readable directory");
    }
    List<Path> files = candidates();
    if (files.isEmpty()) {
      throw new UnusableException(
          path, "holds no password file (a file named by its password id, [A-Za-z0-9_]+)");
    }
    PasswordRing.Builder ring = PasswordRing.builder();
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      Content content;
      try {
        content = readFile(file, true, minLength, allowWeak);
      } catch (UnusableException e) {
        problems.addAll(e.problems()); // every file at fault is named, not only the first
        continue;
      }
      String id = file.getFileName().toString();
      IronSecret secret = IronSecret.password(content.password());
      if (content.sealFrom() == null) {
        ring.current(id, secret);
      } else {
        ring.sealFrom(id, secret, content.sealFrom());
      }
    }
    if (!problems.isEmpty()) {
      throw new UnusableException(problems);
    }
    try {
      return ring.build();
    } catch (IllegalStateException e) {
      throw new UnusableException(path, String.valueOf(e.getMessage()));
    }
  }

  /** A file's password and its seal-from instant (null: none). */
  private record Content(String password, @Nullable Instant sealFrom) {}

  private static Content readFile(Path file, boolean scheduled, int minLength, boolean allowWeak)
      throws UnusableException {
    byte[] bytes;
    try {
      // Not a pipe or a device: opening one may block, or never end.
      if (!Files.isRegularFile(file)) {
        throw new UnusableException(file, "is not a regular file");
      }
      // At most one byte past the bound is read, whatever size the file claims, so a huge file
      // (a backup dropped into the mount) costs neither the heap nor the watcher thread.
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      }
    } catch (IOException | SecurityException e) {
      throw new UnusableException(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new UnusableException(
          file, "is larger than " + MAX_FILE_BYTES + " bytes: not a password file");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new UnusableException(file, "is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      // Some editors save one; kept, it would silently become part of the key.
      throw new UnusableException(
          file, "starts with a byte-order mark; save it as UTF-8 without one");
    }
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    text = text.substring(0, end);
    Instant sealFrom = null;
    if (scheduled && text.startsWith(SEAL_FROM)) {
      int newline = text.indexOf('\n');
      String instant = text.substring(SEAL_FROM.length(), newline < 0 ? end : newline).strip();
      try {
        sealFrom = OffsetDateTime.parse(instant).toInstant();
      } catch (DateTimeException e) {
        throw new UnusableException(
            file, "its sealFrom line must hold an ISO-8601 instant such as 2027-01-10T09:00:00Z");
      }
      // The ring's rule, checked here so that the message names the file.
      if (!PasswordRing.isSchedulable(sealFrom)) {
        throw new UnusableException(file, "its sealFrom instant " + PasswordRing.SEAL_FROM_RANGE);
      }
      text = newline < 0 ? "" : text.substring(newline + 1);
    }
    if (text.isEmpty()) {
      throw new UnusableException(file, "holds no password");
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new UnusableException(
          file,
          scheduled
              ? "holds more than a sealFrom line and a password line"
              : "holds more than one line");
    }
    if (text.length() < minLength) {
      throw new UnusableException(
          file,
          "the password must be at least "
              + minLength
              + " characters; java -jar tracker-cookie.jar keygen prints a random one");
    }
    if (!allowWeak) {
      String rule = WeakPasswords.ruleBroken(text).orElse(null);
      if (rule != null) {
        throw new UnusableException(file, "the password is refused as weak: " + rule);
      }
    }
    return new Content(text, sealFrom);
  }

  @Override
  public String toString() {
    return "PasswordFiles[" + (directory ? "directory " : "file ") + path + "]";
  }
}
