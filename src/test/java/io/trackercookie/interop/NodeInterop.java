package io.trackercookie.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the interop tests find Node, the npm packages the build installed and our scripts, and the
 * assumptions that make a test <em>skipped</em> (never passed) when one of them is missing.
 *
 * <p>The build installs the pinned packages of {@code src/test/node/package-lock.json} into {@code
 * node.interop.dir} (surefire passes it as a system property; default {@code target/node-interop});
 * {@code -Dskip.npm=true} leaves them out.
 */
final class NodeInterop {

  /** Packages every interop process loads. */
  static final List<String> PACKAGES =
      List.of("@hapi/iron", "iron-session", "tracker-cookie", "express", "cookie-parser");

  private static volatile Boolean nodeRuns;

  private NodeInterop() {}

  static Path baseDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  static Path interopDir() {
    String configured = System.getProperty("node.interop.dir");
    Path dir =
        configured == null || configured.isBlank()
            ? baseDir().resolve("target/node-interop")
            : Path.of(configured);
    return dir.toAbsolutePath();
  }

  static Path nodeModules() {
    return interopDir().resolve("node_modules");
  }

  static Path script(String name) {
    return baseDir().resolve("src/test/node").resolve(name);
  }

  /**
   * Aborts the calling test as skipped unless {@code node} runs and the npm packages and the script
   * are in place.
   *
   * <p>Call it per test ({@code @BeforeEach}): surefire 3.5 reports a class aborted in
   * {@code @BeforeAll} as zero tests run rather than as skipped tests.
   */
  static void assumeAvailable(String scriptName) {
    String missing = missing(scriptName);
    assumeTrue(missing == null, () -> missing + ": Node interop tests skipped");
  }

  /** Why the interop tests cannot run, or null when they can. */
  static String missing(String scriptName) {
    if (!nodeRuns()) {
      return "node is not on the PATH";
    }
    for (String name : PACKAGES) {
      if (!Files.isRegularFile(nodeModules().resolve(name).resolve("package.json"))) {
        return "npm package "
            + name
            + " is not installed in "
            + nodeModules()
            + " (the build installs it unless -Dskip.npm=true)";
      }
    }
    if (!Files.isRegularFile(script(scriptName))) {
      return "missing script " + script(scriptName);
    }
    return null;
  }

  /** A process running {@code node <script>} that resolves packages from the installed folder. */
  static ProcessBuilder nodeProcess(String scriptName) {
    ProcessBuilder builder = new ProcessBuilder("node", script(scriptName).toString());
    builder.directory(interopDir().toFile());
    // The scripts live in src/test/node; NODE_PATH lets their require() find the packages.
    builder.environment().put("NODE_PATH", nodeModules().toString());
    builder.environment().put("NODE_ENV", "test");
    return builder;
  }

  private static boolean nodeRuns() {
    Boolean known = nodeRuns;
    if (known == null) {
      known = probeNode();
      nodeRuns = known;
    }
    return known;
  }

  private static boolean probeNode() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
