package io.trackercookie.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.CookieSettings;

/**
 * {@link TypedCookieParamResource} over real HTTP: the cookie a {@link TrackerResource} sealed
 * arrives as a typed parameter; no cookie, a tampered one or garbage arrive as null, never an
 * error.
 */
public final class TypedCookieParamCheck {

  private static final String NAME = CookieSettings.DEFAULT_NAME;

  private TypedCookieParamCheck() {}

  /** Every step; the first that fails names itself. */
  public static void assertTypedParameter(TrackerCycle cycle) {
    String teal = cycle.send("PUT", "tracker/color", null, "teal").cookieValue();
    TrackerCycle.Reply read = cycle.send("GET", "typed", NAME + "=" + teal, null);
    assertEquals(200, read.status, "GET typed with the cookie");
    assertEquals("color=teal", read.body, "the typed parameter holds the cookie's content");

    assertEquals(
        "none", cycle.send("GET", "typed", null, null).body, "without a cookie it is null");
    String tampered = teal.substring(0, teal.length() - 1) + (teal.endsWith("A") ? "B" : "A");
    for (String bad : new String[] {tampered, "garbage"}) {
      TrackerCycle.Reply reply = cycle.send("GET", "typed", NAME + "=" + bad, null);
      assertEquals(200, reply.status, "GET typed with an unreadable cookie");
      assertEquals("none", reply.body, "an unreadable cookie makes it null");
    }
  }
}
