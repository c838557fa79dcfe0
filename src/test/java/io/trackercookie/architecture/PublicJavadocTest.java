package io.trackercookie.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public and protected class, constructor, method, field and constant of the API packages has
 * a javadoc comment. The JDK's doclint decides, run over those packages' sources as javac runs it
 * ({@code -Xdoclint:missing/protected}); of its "missing" group only a missing comment fails, since
 * summaries here say what a parameter or result is without an {@code @param} or {@code @return}
 * line for each. The javadoc jar's own doclint (the pom) checks everything else.
 */
class PublicJavadocTest {

  private static final Path SOURCES = Paths.get("src", "main", "java");

  /** The packages applications call. A package joins with one line here. */
  static final List<String> API_PACKAGES =
      List.of(
          "io.trackercookie",
          "io.trackercookie.settings",
          "io.trackercookie.iron",
          "io.trackercookie.keys",
          "io.trackercookie.legacy",
          "io.trackercookie.json",
          "io.trackercookie.payload",
          "io.trackercookie.revocation",
          "io.trackercookie.redis",
          "io.trackercookie.micrometer",
          "io.trackercookie.security",
          "io.trackercookie.testkit");

  @Test
  void everyPublicMemberOfTheApiPackages_hasAJavadocComment(@TempDir Path classes)
      throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String pkg : API_PACKAGES) {
      try (Stream<Path> files = Files.list(SOURCES.resolve(pkg.replace('.', '/')))) {
        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-Xdoclint:missing/protected",
            "-Xdoclint/package:" + String.join(",", API_PACKAGES),
            "-Xmaxwarns",
            "100000",
            "-proc:none",
            "-implicit:none",
            "-encoding",
            "UTF-8",
            "-classpath",
            // Surefire hands the JVM a manifest-only jar; the real class path is here.
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            "-d",
            classes.toString());
    boolean compiled;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      compiled =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
    }

    assertTrue(
        compiled, () -> "the API packages compile: " + describe(diagnostics.getDiagnostics()));
    List<Diagnostic<? extends JavaFileObject>> missing =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
            .filter(d -> d.getMessage(Locale.ROOT).endsWith("no comment"))
            .toList();
    assertFalse(sources.isEmpty());
    assertTrue(missing.isEmpty(), () -> "public members without javadoc:\n" + describe(missing));
  }

  private static String describe(List<? extends Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(
            d ->
                (d.getSource() == null
                        ? ""
                        : SOURCES.toAbsolutePath().relativize(Paths.get(d.getSource().toUri())))
                    + ":"
                    + d.getLineNumber()
                    + ": "
                    + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }
}
