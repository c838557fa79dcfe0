package io.trackercookie.it;

import org.junit.jupiter.api.Test;

/**
 * What every embedded JAX-RS runtime passes, on top of {@link RuntimeChecks}. A runtime's test
 * class registers the parts of an {@link EmbeddedApplication} as a user of that runtime writes it,
 * on the runtime's own server.
 */
public abstract class EmbeddedRuntimeChecks extends RuntimeChecks<RunningServer> {

  /** Starts the runtime's server on 127.0.0.1, serving the application at the server's base. */
  protected abstract RunningServer serve(EmbeddedApplication app) throws Exception;

  @Override
  protected final RunningServer start() throws Exception {
    return serve(EmbeddedApplication.create());
  }

  @Test
  // On CXF this also guards a trap: its singleton proxy implements CXF's ThreadLocalProxy
  // (set/get/remove), so Tracker must have no method with the same erasure, or CXF's per-request
  // set() lands on it.
  public void contextTrackerField_inSingleton_readsEachRequestsCookie() {
    cycle().assertSingletonInjection();
  }
}
