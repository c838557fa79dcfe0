package io.trackercookie.ownapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.JsonOptions;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code @TrackerValue} gives the whole tracker as a typed parameter, whatever the cookie's name.
 */
class TrackerValueParamHttpTest {

  private static final String NAME = "visit";

  private static TestServer server(TrackerConfig config) {
    return new TestServer(
        () -> new ResourceConfig(OwnAppResource.class).register(new TrackerFeature(config)));
  }

  @Test
  void aTrackerValueParameter_readsTheTrackerAsItsType_underAnyCookieName() {
    try (TestServer server = server(TestConfigs.builder().cookieName(NAME).build())) {
      String cookie =
          "Cookie: " + NAME + "=" + server.get("/visit/set?extra=theme").cookieValue(NAME);
      RawHttp.Response response = server.get("/visit/param", cookie);
      assertEquals(200, response.status(), response.body());
      assertEquals("Visit[lastPath=/p, count=2]", response.body(), "unknown keys ignored");
    }
  }

  @Test
  void aTrackerValueParameter_isNullWithoutACookie_orWithARefusedOne() {
    try (TestServer server = server(TestConfigs.builder().cookieName(NAME).build())) {
      assertEquals("null", server.get("/visit/param").body());
      RawHttp.Response garbage = server.get("/visit/param", "Cookie: " + NAME + "=garbage");
      assertEquals(200, garbage.status());
      assertEquals("null", garbage.body());
    }
  }

  @Test
  void aTrackerValueParameter_withStrictReads_refusesAnUnknownKeyWithA400() {
    TrackerConfig config =
        TestConfigs.builder()
            .cookieName(NAME)
            .json(JsonOptions.builder().strictReads(true).build())
            .build();
    try (TestServer server = server(config)) {
      String cookie =
          "Cookie: " + NAME + "=" + server.get("/visit/set?extra=theme").cookieValue(NAME);
      assertEquals(400, server.get("/visit/param", cookie).status());
    }
  }
}
