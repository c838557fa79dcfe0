package io.trackercookie.it;

import org.junit.jupiter.api.Test;

/**
 * What every embedded JAX-RS runtime must pass, written once. A runtime's test class extends it,
 * starts its server in a {@code @BeforeAll} with {@link TrackerResource}, {@link FieldTrackerResource}
 * and one {@link SingletonTrackerResource} instance, and returns the cycle for that server.
 */
public abstract class EmbeddedRuntimeContract {

  /** The cycle against the running server. */
  protected abstract TrackerCycle cycle();

  @Test
  public void wholeCycle_overRealHttp() {
    cycle().assertWholeCycle();
  }

  @Test
  public void contextTrackerField_readsTheCookie() {
    cycle().assertFieldInjection();
  }

  @Test
  // On CXF this also guards a trap: its singleton proxy implements CXF's ThreadLocalProxy
  // (set/get/remove), so Tracker must have no method with the same erasure, or CXF's per-request
  // set() lands on it.
  public void contextTrackerField_inSingleton_readsEachRequestsCookie() {
    cycle().assertSingletonInjection();
  }
}
