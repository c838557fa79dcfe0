package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.CookieSettings;

/**
 * Checks for the runtimes that find the tracker by scanning and read its settings from their own
 * configuration (Quarkus, Open Liberty, Helidon): the typed {@code @CookieParam} of {@link
 * TypedCookieParamResource}, and a setting that only the runtime's configuration gives.
 */
public final class RuntimeConfigChecks {

  /** The Max-Age, in seconds, that these projects set in their runtime's configuration. */
  public static final String CONFIGURED_MAX_AGE = "Max-Age=7200";

  private RuntimeConfigChecks() {}

  /** {@code GET typed} reads the cookie as a typed value, and a bad cookie as null. */
  public static void assertTypedCookieParam(TrackerCycle cycle) {
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
  public static void assertMaxAgeFromRuntimeConfiguration(TrackerCycle cycle) {
    TrackerCycle.Reply set = cycle.send("PUT", "tracker/color", null, "red");
    assertTrue(
        set.hasAttribute(CONFIGURED_MAX_AGE),
        "the runtime's configuration sets the Max-Age: " + set.setCookie);
  }
}
