package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Typed reads of a tracker that also holds other parts of the application's keys: unknown
 * properties are ignored by default, and a read that fails says where and into what, never the
 * value.
 */
class TypedReadsHttpTest {

  private static final String NAME = "persistent-information";

  private static String withExtraKey(TestServer server) {
    String visit = server.get("/visit/set?path=/p&count=2").cookieValue(NAME);
    return server.get("/put?k=theme&v=dark", "Cookie: " + NAME + "=" + visit).cookieValue(NAME);
  }

  @Test
  void aRecordRead_ignoresTheTrackersOtherKeys_throughAsAndCookieParam() {
    try (TestServer server =
        new TestServer(
            () ->
                TestConfigs.app(TestConfigs.builder().build())
                    .register(TrackerParamResource.class))) {
      String cookie = "Cookie: " + NAME + "=" + withExtraKey(server);
      assertEquals("{\"lastPath\":\"/p\",\"count\":2}", server.get("/visit/as", cookie).body());
      assertEquals("{\"lastPath\":\"/p\",\"count\":2}", server.get("/param/visit", cookie).body());
    }
  }

  @Test
  void aReadThatFails_namesTheJsonPathAndTheType_neverTheValue() {
    try (TestServer server = new TestServer(() -> TestConfigs.app(TestConfigs.builder().build()))) {
      String visit = server.get("/visit/set?path=/p&count=2").cookieValue(NAME);
      String bad =
          server
              .get("/put?k=count&v=not-a-number", "Cookie: " + NAME + "=" + visit)
              .cookieValue(NAME);
      RawHttp.Response response = server.get("/visit/as-or-message", "Cookie: " + NAME + "=" + bad);
      assertEquals(200, response.status());
      String message = response.body();
      assertTrue(message.contains("at $.count"), message);
      assertTrue(message.contains("TrackerTestResource$Visit"), message);
      assertFalse(message.contains("not-a-number"), message);
    }
  }
}
