package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;
import org.junit.jupiter.api.Test;

/**
 * What the runtimes pass that find the tracker by scanning and read its settings from their own
 * configuration (Quarkus, Open Liberty, Helidon), on top of {@link RuntimeChecks}: {@code @Inject
 * Tracker} in {@link CdiTrackerResource}, the typed {@code @CookieParam} of {@link
 * TypedCookieParamResource}, and the Max-Age that only the runtime's configuration gives ({@link
 * #CONFIGURED_MAX_AGE}). A subclass says how to start its application as a process.
 */
public abstract class RuntimeConfigChecks extends RuntimeChecks<ServerProcess> {

  /** The Max-Age, in seconds, that these projects set in their runtime's configuration. */
  public static final String CONFIGURED_MAX_AGE = "Max-Age=7200";

  @Test
  public void cdiInjectedTracker_inApplicationScopedResource_runsTheWholeCycle() {
    new TrackerCycle(server().base(), "cdi").assertWholeCycle();
  }

  /** {@code GET typed} reads the cookie as a typed value, and a bad cookie as null. */
  @Test
  public void typedCookieParam_readsTheCookie_andABadOneAsNull() {
    TrackerCycle cycle = cycle();
    TrackerCycle.Reply none = cycle.send("GET", "typed", null, null);
    assertEquals(200, none.status, "GET typed without a cookie");
    assertEquals("none", none.body, "no cookie is a null parameter");
    String blue = cycle.send("PUT", "tracker/color", null, "blue").cookieValue();
    assertEquals(
        "color=blue",
        cycle.send("GET", "typed", CookieSettings.DEFAULT_NAME + "=" + blue, null).body,
        "the typed parameter holds the cookie's content");
    String tampered = blue.substring(0, blue.length() - 1) + (blue.endsWith("A") ? "B" : "A");
    TrackerCycle.Reply bad =
        cycle.send("GET", "typed", CookieSettings.DEFAULT_NAME + "=" + tampered, null);
    assertEquals(200, bad.status, "GET typed with a tampered cookie");
    assertEquals("none", bad.body, "a tampered cookie is a null parameter");
  }

  /** A written cookie carries the Max-Age given in the runtime's own configuration. */
  @Test
  public void runtimesOwnConfiguration_setsTheCookiesMaxAge() {
    TrackerCycle.Reply set = cycle().send("PUT", "tracker/color", null, "red");
    assertTrue(
        set.hasAttribute(CONFIGURED_MAX_AGE),
        "the runtime's configuration sets the Max-Age: " + set.setCookie);
  }
}
