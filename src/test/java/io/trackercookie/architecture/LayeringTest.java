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
 * they run with the jar alone; only the Micrometer binder names Micrometer. Checked on the compiled
 * classes, whose constant pools name every class they use.
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
    assertOnlyPackageReferences("redis", "io/lettuce/", "RedisRevocationStore.class");
  }

  /**
   * Micrometer is optional: only io.trackercookie.micrometer may name it, so an application without
   * Micrometer never loads a class that needs it.
   */
  @Test
  void onlyTheMicrometerPackageReferencesMicrometer() throws IOException {
    assertOnlyPackageReferences("micrometer", "io/micrometer/", "TrackerMetrics.class");
  }

  /** The test kit ships in the jar: it may need nothing a user's tests might not have. */
  @Test
  void testKitReferencesNoTestFrameworkNorRuntime() throws IOException {
    assertNoReference(
        "testkit", List.of("org/junit/", "org/glassfish/", "org/jboss/", "org/apache/cxf/"));
  }

  /** No class outside {@code pkg} names {@code prefix}; {@code witness} proves pkg was compiled. */
  private static void assertOnlyPackageReferences(String pkg, String prefix, String witness)
      throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file :
          (Iterable<Path>)
              files
                      .filter(f -> f.toString().endsWith(".class"))
                      .filter(f -> !f.startsWith(CLASSES.resolve(pkg)))
                  ::iterator) {
        String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (constants.contains(prefix)) {
          offences.add(CLASSES.relativize(file) + " references " + prefix);
        }
      }
    }
    assertTrue(offences.isEmpty(), String.join("\n", offences));
    assertTrue(Files.exists(CLASSES.resolve(pkg).resolve(witness)), "the check saw " + witness);
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

  /** The payload layouts serve the CLI too: like the codec, nothing but java.base beneath them. */
  @Test
  void payloadLayoutsReferenceNoJaxRsJacksonOrRequestPath() throws IOException {
    assertNoReference(
        "payload",
        List.of("jakarta/", "com/fasterxml/", "org/glassfish/", "io/trackercookie/internal"));
  }
}
