package io.trackercookie.ownapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A flashed value survives a redirect, is read once by the next request that reads it, then gone.
 */
class FlashValuesHttpTest {

  private static final String NAME = "persistent-information";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            () ->
                new ResourceConfig(OwnAppResource.class)
                    .register(new TrackerFeature(TestConfigs.builder().build())));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String cookie(RawHttp.Response response) {
    String value = response.cookieValue(NAME);
    assertNotNull(value, "a cookie was set: " + response.setCookies());
    return "Cookie: " + NAME + "=" + value;
  }

  @Test
  void aFlashedValue_survivesTheRedirect_isReadOnce_thenIsGone() {
    RawHttp.Response save = RawHttp.requestWithBody(server.base(), "POST", "/save", "");
    assertEquals(303, save.status());
    assertTrue(save.header("Location").get(0).endsWith("/page"), save.header("Location").get(0));
    RawHttp.Response page = server.get("/page", cookie(save));
    assertEquals("Saved. {}", page.body(), "read once, and hidden from the tracker's keys");
    // The read dropped it: the response deletes the cookie that held only the flash.
    assertEquals(1, page.setCookies().size(), page.setCookies().toString());
    assertTrue(page.setCookies().get(0).contains("Max-Age=0"), "deleted: " + page.setCookies());
  }

  @Test
  void aFlashedValue_waitsThroughRequestsThatDoNotReadIt_andKeepsTheOtherKeys() {
    RawHttp.Response save = RawHttp.requestWithBody(server.base(), "POST", "/save", "");
    RawHttp.Response other = server.get("/other", cookie(save));
    assertEquals("{seen=true}", other.body(), "a flash is no key of the tracker");
    RawHttp.Response page = server.get("/page", cookie(other));
    assertEquals("Saved. {seen=true}", page.body());
    RawHttp.Response after = server.get("/page", cookie(page));
    assertEquals("no notice {seen=true}", after.body());
  }
}
