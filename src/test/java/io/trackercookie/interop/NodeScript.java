package io.trackercookie.interop;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Node script (the bridge or the Express app) for a whole test class: started once if Node and
 * the npm packages are there, closed after the class, and every test <em>skipped</em> (never
 * passed) when they are not. The assumption is made per test because surefire reports a class
 * aborted in {@code @BeforeAll} as "Tests run: 0", not as skipped.
 *
 * <pre>{@code
 * @RegisterExtension static final NodeScript<NodeBridge> NODE = NodeScript.bridge();
 * ... NODE.get().call(...)
 * }</pre>
 */
final class NodeScript<T extends AutoCloseable>
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final String script;
  private final Supplier<T> starter;
  private T running;

  private NodeScript(String script, Supplier<T> starter) {
    this.script = script;
    this.starter = starter;
  }

  /** The JSON-lines bridge to @hapi/iron, tracker-cookie's way and iron-session. */
  static NodeScript<NodeBridge> bridge() {
    return new NodeScript<>("bridge.js", NodeBridge::start);
  }

  /** The Express + cookie-parser + tracker-cookie app, with this password. */
  static NodeScript<NodeTrackerApp> trackerApp(String password) {
    return new NodeScript<>("tracker-app.js", () -> NodeTrackerApp.start(password));
  }

  /** The running script; only called from tests, which are skipped when it could not start. */
  T get() {
    if (running == null) {
      throw new IllegalStateException(script + " is not running");
    }
    return running;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (NodeInterop.missing(script) == null) {
      running = starter.get();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    NodeInterop.assumeAvailable(script);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (running != null) {
      running.close();
      running = null;
    }
  }
}
