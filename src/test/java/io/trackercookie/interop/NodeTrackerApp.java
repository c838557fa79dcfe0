package io.trackercookie.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/**
 * A real Express 5 app with cookie-parser and the npm tracker-cookie 1.0.2 middleware ({@code
 * src/test/node/tracker-app.js}), on 127.0.0.1 at a port the OS picks. Routes: {@code GET
 * /track?info=<json>}, {@code GET /clear}, {@code GET /echo} ({@code {"tracker": ...}}).
 */
final class NodeTrackerApp implements AutoCloseable {

  /** tracker-cookie's default cookie name. */
  static final String DEFAULT_COOKIE_NAME = "persistent-information";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

  private final NodeProcess process;
  private final URI baseUri;

  private NodeTrackerApp(NodeProcess process, URI baseUri) {
    this.process = process;
    this.baseUri = baseUri;
  }

  /**
   * Starts the app with the given iron password (32+ characters), or aborts the caller as skipped
   * when Node or the npm packages are missing.
   */
  static NodeTrackerApp start(String password) {
    NodeInterop.assumeAvailable("tracker-app.js");
    ProcessBuilder builder = NodeInterop.nodeProcess("tracker-app.js");
    builder.environment().put("TRACKER_COOKIE_PASSWORD", password);
    NodeProcess process;
    try {
      process = new NodeProcess("node-tracker-app", builder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node tracker-app.js", e);
    }
    try {
      String firstLine = process.readLine(STARTUP_TIMEOUT).trim();
      int port = Integer.parseInt(firstLine);
      return new NodeTrackerApp(process, URI.create("http://127.0.0.1:" + port + "/"));
    } catch (RuntimeException e) {
      process.close();
      throw new IllegalStateException("tracker-app.js did not report its port", e);
    }
  }

  /** The app's root, ending in '/'. */
  URI baseUri() {
    return baseUri;
  }

  URI resolve(String pathAndQuery) {
    return baseUri.resolve(pathAndQuery);
  }

  @Override
  public void close() {
    process.close();
  }
}
