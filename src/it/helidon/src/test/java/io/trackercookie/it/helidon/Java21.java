package io.trackercookie.it.helidon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java 21 or later to start Helidon 4 on, without a path written into the build: the system
 * property {@code java21.home} or the environment's {@code JAVA21_HOME} when given, the running
 * Java when it is new enough, the {@code JAVA_HOME_<n>_X64} variables CI runners set, and else the
 * JDKs installed beside the running one (the same parent directory), newest first.
 */
final class Java21 {

  static final int NEEDED = 21;

  private static final Pattern RELEASE_VERSION =
      Pattern.compile("^JAVA_VERSION=\"?(\\d+)", Pattern.MULTILINE);

  private Java21() {}

  /** The {@code bin/java} of a Java 21+, if one is found. */
  static Optional<Path> find() {
    List<Path> homes = new ArrayList<>();
    named(System.getProperty("java21.home")).ifPresent(homes::add);
    named(System.getenv("JAVA21_HOME")).ifPresent(homes::add);
    homes.add(Path.of(System.getProperty("java.home")));
    System.getenv().entrySet().stream()
        .filter(e -> e.getKey().matches("JAVA_HOME_\\d+_X64"))
        .map(e -> Path.of(e.getValue()))
        .forEach(homes::add);
    Path parent = Path.of(System.getProperty("java.home")).toAbsolutePath().getParent();
    if (parent != null && Files.isDirectory(parent)) {
      try (Stream<Path> siblings = Files.list(parent)) {
        siblings.sorted(Comparator.reverseOrder()).forEach(homes::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return homes.stream()
        .filter(home -> version(home) >= NEEDED)
        .map(home -> home.resolve("bin").resolve("java"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static Optional<Path> named(String home) {
    return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home));
  }

  /** The feature version a JDK's {@code release} file names, 0 when there is none. */
  private static int version(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return 0;
    }
    try {
      Matcher m = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
