package io.trackercookie.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's resource and README's test are the code of {@link Visits} and {@link VisitsTest}, which
 * compile and pass: each README block is compared with the source, token for token (whitespace and
 * end-of-line comments aside, as the formatter moves them).
 */
class ReadmeExamplesTest {

  private static final Path SOURCES = Path.of("src/test/java/io/trackercookie/readme");

  /** The README's Java blocks, in order. */
  private static List<String> javaBlocks() throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (block == null && line.equals("```java")) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }

  /** The text without end-of-line comments and whitespace. */
  private static String tokens(String code) {
    StringBuilder out = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      int comment = line.indexOf("//");
      out.append(comment < 0 ? line : line.substring(0, comment));
    }
    return out.toString().replaceAll("\\s+", "");
  }

  private static String source(String file) throws IOException {
    return tokens(Files.readString(SOURCES.resolve(file)));
  }

  @Test
  void readmesResource_isTheVisitsClass() throws IOException {
    String use = javaBlocks().get(0);
    String resource = use.substring(0, use.indexOf("\n}\n") + 3);
    assertTrue(resource.contains("class Visits"), resource);
    assertTrue(source("Visits.java").contains(tokens(resource)), "README's resource:\n" + resource);
  }

  @Test
  void readmesTest_isTheVisitsTestClass_andCallsOnlyTheResourcesEndpoints() throws IOException {
    String test =
        javaBlocks().stream()
            .filter(block -> block.contains("TrackerTestKit.of("))
            .findFirst()
            .orElseThrow();
    assertTrue(source("VisitsTest.java").contains(tokens(test)), "README's test:\n" + test);
  }
}
