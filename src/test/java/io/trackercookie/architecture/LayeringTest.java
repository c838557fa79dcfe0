package io.trackercookie.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers stay apart: the codec (and the CLI built on it) reference nothing but java.base, so
 * they run with the jar alone; only the Micrometer binder names Micrometer; the API reaches the
 * request path only through {@code TrackerFeature}, the test kit only through its one gateway, and
 * the request path's own packages depend one way. Checked on the compiled classes, whose constant
 * pools name every class they use.
 */
class LayeringTest {

  private static final Path CLASSES = Paths.get("target", "classes", "io", "trackercookie");

  private static final String INTERNAL = "io/trackercookie/internal";

  /** The test kit's one way into the request path. */
  private static final String TEST_KIT_GATEWAY = INTERNAL + "/engine/TestKitGateway";

  /**
   * A class of the API package itself ({@code io.trackercookie.X}), as a constant pool names it.
   */
  private static final Pattern API_CLASS = Pattern.compile("io/trackercookie/[A-Z][\\w$]*");

  private static final Pattern INTERNAL_CLASS = Pattern.compile(INTERNAL + "/[\\w/$]+");

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

  /**
   * Jakarta Security is optional: only io.trackercookie.security, which an application opts into,
   * may name it, so the library loads on servers and runtimes without it.
   */
  @Test
  void onlyTheSecurityPackageReferencesJakartaSecurity() throws IOException {
    assertOnlyPackageReferences(
        "security", "jakarta/security/enterprise/", "TrackerAuthenticationMechanism.class");
  }

  /** The test kit ships in the jar: it may need nothing a user's tests might not have. */
  @Test
  void testKitReferencesNoTestFrameworkNorRuntime() throws IOException {
    assertNoReference(
        "testkit", List.of("org/junit/", "org/glassfish/", "org/jboss/", "org/apache/cxf/"));
  }

  @Test
  void apiReferencesTheRequestPathOnlyFromTrackerFeature() throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.list(CLASSES)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = file.getFileName().toString();
        String topLevel = name.substring(0, name.length() - ".class".length()).split("\\$")[0];
        if (topLevel.equals("TrackerFeature")) {
          continue;
        }
        if (constants(file).contains(INTERNAL)) {
          offences.add(name + " references " + INTERNAL);
        }
      }
    }
    assertTrue(offences.isEmpty(), String.join("\n", offences));
    assertTrue(
        constants(CLASSES.resolve("TrackerFeature.class")).contains(INTERNAL),
        "the check reads TrackerFeature's references");
  }

  @Test
  void testKitReachesTheRequestPathOnlyThroughItsGateway() throws IOException {
    Set<String> reached = referencesIn("testkit", INTERNAL_CLASS);
    List<String> others =
        reached.stream()
            .filter(
                name -> !name.equals(TEST_KIT_GATEWAY) && !name.startsWith(TEST_KIT_GATEWAY + "$"))
            .toList();
    assertTrue(others.isEmpty(), "testkit references " + others);
    assertTrue(reached.contains(TEST_KIT_GATEWAY), "the check reads the kit's references");
  }

  /** The legacy decoder is codec code: it runs on the jar alone and knows nothing of the API. */
  @Test
  void legacyReferencesNoJaxRsJacksonRuntimeRequestPathNorApi() throws IOException {
    assertNoReference(
        "legacy",
        List.of("jakarta/", "com/fasterxml/", "org/glassfish/", "io/trackercookie/internal"));
    Set<String> api = referencesIn("legacy", API_CLASS);
    assertTrue(api.isEmpty(), "legacy references " + api);
  }

  /** Cookies on the wire: names, attributes and sizes, no JSON, no seal, no JAX-RS. */
  @Test
  void cookiePackageReferencesNoJaxRsJacksonNorOtherRequestPathPackage() throws IOException {
    assertNoReference(
        "internal/cookie",
        List.of(
            "jakarta/",
            "com/fasterxml/",
            "org/glassfish/",
            INTERNAL + "/seal",
            INTERNAL + "/engine",
            INTERNAL + "/jaxrs"));
  }

  /** Seals and the wire JSON: no JAX-RS, and nothing of the request path above them. */
  @Test
  void sealPackageReferencesNoJaxRsNorOtherRequestPathPackage() throws IOException {
    assertNoReference(
        "internal/seal",
        List.of(
            "jakarta/",
            "org/glassfish/",
            INTERNAL + "/cookie",
            INTERNAL + "/engine",
            INTERNAL + "/jaxrs"));
  }

  /**
   * The engine needs JAX-RS only for the {@code GenericType} of the Tracker interface it
   * implements; the filters, registration and provider lookup are the jaxrs package's.
   */
  @Test
  void enginePackageReferencesNoJaxRsLayer() throws IOException {
    assertNoReference("internal/engine", List.of("org/glassfish/", INTERNAL + "/jaxrs"));
    Set<String> jaxRs = referencesIn("internal/engine", Pattern.compile("jakarta/[\\w/$]+"));
    assertTrue(
        jaxRs.equals(Set.of("jakarta/ws/rs/core/GenericType")), "engine references " + jaxRs);
  }

  /** The JAX-RS layer names no runtime: each runtime's glue is loaded by name when present. */
  @Test
  void jaxrsPackageNamesNoRuntimeNorItsGlue() throws IOException {
    assertNoReference(
        "internal/jaxrs",
        List.of(
            "org/glassfish/",
            "org/jboss/",
            "org/apache/cxf/",
            "io/trackercookie/jersey/",
            "io/trackercookie/hk2/",
            "io/trackercookie/resteasy/",
            "io/trackercookie/cxf/",
            "io/trackercookie/cdi/",
            "io/trackercookie/security/"));
  }

  /** The class names matching {@code pattern} that the classes of {@code pkg} reference. */
  private static Set<String> referencesIn(String pkg, Pattern pattern) throws IOException {
    Path dir = CLASSES.resolve(pkg);
    assertTrue(Files.isDirectory(dir), "compiled package " + dir);
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        Matcher matcher = pattern.matcher(constants(file));
        while (matcher.find()) {
          names.add(matcher.group());
        }
      }
    }
    return names;
  }

  /** Constant-pool class names are stored as modified UTF-8, readable as ISO-8859-1. */
  private static String constants(Path classFile) throws IOException {
    return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
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
        if (constants(file).contains(prefix)) {
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
        String constants = constants(file);
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
