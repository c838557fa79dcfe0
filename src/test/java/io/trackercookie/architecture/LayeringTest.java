package io.trackercookie.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers stay apart: the codec (and the CLI built on it) reference nothing but java.base, so
 * they run with the jar alone. Checked on the compiled classes, whose constant pools name every
 * class they use.
 */
class LayeringTest {

  private static final Path CLASSES = Paths.get("target", "classes", "io", "trackercookie");

  @Test
  void codecReferencesNoJaxRsJacksonOrRuntime() throws IOException {
    assertNoReference(
        "iron",
        List.of("jakarta/", "com/fasterxml/", "org/glassfish/", "io/trackercookie/internal"));
  }

  @Test
  void keysReferenceNoJaxRsJacksonOrRequestPath() throws IOException {
    assertNoReference(
        "keys",
        List.of("jakarta/", "com/fasterxml/", "org/glassfish/", "io/trackercookie/internal"));
  }

  @Test
  void cliReferencesNoJaxRsOrJackson() throws IOException {
    assertNoReference("cli", List.of("jakarta/", "com/fasterxml/", "org/glassfish/"));
    assertNoReference("json", List.of("jakarta/", "com/fasterxml/", "org/glassfish/"));
  }

  @Test
  void revocationStoresReferenceNoJaxRsJacksonOrLettuce() throws IOException {
    assertNoReference(
        "revocation", List.of("jakarta/", "com/fasterxml/", "org/glassfish/", "io/lettuce/"));
  }

  @Test
  void onlyTheRedisPackageReferencesLettuce_soTheLibraryLoadsWithoutIt() throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file :
          (Iterable<Path>)
              files
                      .filter(f -> f.toString().endsWith(".class"))
                      .filter(f -> !f.startsWith(CLASSES.resolve("redis")))
                  ::iterator) {
        String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (constants.contains("io/lettuce/")) {
          offences.add(CLASSES.relativize(file) + " references io/lettuce/");
        }
      }
    }
    assertTrue(offences.isEmpty(), String.join("\n", offences));
  }

  private static void assertNoReference(String pkg, List<String> forbidden) throws IOException {
    Path dir = CLASSES.resolve(pkg);
    assertTrue(Files.isDirectory(dir), "compiled package " + dir);
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        // Constant-pool class names are stored as modified UTF-8, readable as ISO-8859-1.
        String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String prefix : forbidden) {
          if (constants.contains(prefix)) {
            offences.add(file.getFileName() + " references " + prefix);
          }
        }
      }
    }
    assertTrue(offences.isEmpty(), String.join("\n", offences));
  }
}
