package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.internal.jaxrs.ScannedParamConverterProvider;
import io.trackercookie.internal.jaxrs.ScannedTrackerFeature;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Applications that register no TrackerFeature but find their providers by scanning (a Jakarta EE
 * application with an empty Application finds the jar's {@code @Provider} classes; a Jersey
 * application scanning its own packages gets the jar's auto-discoverable): the tracker is set up
 * from the settings, once, and without a password the application does not start.
 */
class ScanningApplicationsHttpTest {

  @Path("/")
  public static final class Resource {
    @GET
    @Path("write")
    public String write(@Context Tracker tracker) {
      tracker.put("color", "blue");
      return "written";
    }

    @GET
    @Path("read")
    public String read(@Context Tracker tracker) {
      return String.valueOf(tracker.get("color"));
    }
  }

  @Path("/")
  public static final class TypedResource {
    @GET
    @Path("typed")
    public String typed(@CookieParam(CookieSettings.DEFAULT_NAME) Map<String, Object> content) {
      return content == null ? "none" : String.valueOf(content.get("color"));
    }
  }

  /** What a scanning server registers when the jar is in the application. */
  private static ResourceConfig scanned() {
    return new ResourceConfig(
        Resource.class,
        TypedResource.class,
        ScannedTrackerFeature.class,
        ScannedParamConverterProvider.class);
  }

  @Test
  void scannedProviders_withAPasswordSetting_setUpTheTracker_andTheTypedCookieParam() {
    try (TestServer server =
        new TestServer(() -> scanned().property(TrackerSettings.PASSWORD, TestConfigs.PASSWORD))) {
      RawHttp.Response written = server.get("/write");
      assertEquals(200, written.status());
      assertEquals(1, written.setCookies().size(), "one Set-Cookie: " + written.setCookies());
      String cookie =
          CookieSettings.DEFAULT_NAME + "=" + written.cookieValue(CookieSettings.DEFAULT_NAME);
      assertEquals("blue", server.get("/read", "Cookie: " + cookie).body());
      assertEquals("blue", server.get("/typed", "Cookie: " + cookie).body());
      assertEquals("none", server.get("/typed").body());
    }
  }

  @Test
  void scannedFeature_besideARegisteredTrackerFeature_leavesTheTrackerToIt() {
    TrackerConfig config =
        TrackerConfig.builder()
            .password(TestConfigs.PASSWORD)
            .cookie(CookieSettings.builder().name("registered").build())
            .build();
    try (TestServer server =
        new TestServer(
            () ->
                new ResourceConfig(Resource.class, ScannedTrackerFeature.class)
                    .register(new TrackerFeature(config))
                    .property(TrackerSettings.PASSWORD, TestConfigs.OTHER_PASSWORD))) {
      RawHttp.Response written = server.get("/write");
      assertEquals(200, written.status());
      assertEquals(1, written.setCookies().size(), "one Set-Cookie: " + written.setCookies());
      assertTrue(
          written.setCookies().get(0).startsWith("registered="),
          "the registered feature's cookie: " + written.setCookies());
      String cookie = "registered=" + written.cookieValue("registered");
      assertEquals("blue", server.get("/read", "Cookie: " + cookie).body());
    }
  }

  @Test
  void scannedFeature_withoutAPassword_stopsTheApplication_namingTheSettingAndTheFeature() {
    RuntimeException refused =
        assertThrows(RuntimeException.class, () -> new TestServer(() -> scanned()).close());
    String messages = messages(refused);
    assertTrue(messages.contains(TrackerSettings.PASSWORD), messages);
    assertTrue(messages.contains("register TrackerFeature"), messages);
  }

  @Test
  void jerseyApplicationWithoutTheFeature_butWithAPasswordSetting_getsTheTracker() {
    try (TestServer server =
        new TestServer(
            () ->
                new ResourceConfig(Resource.class)
                    .property(TrackerSettings.PASSWORD, TestConfigs.PASSWORD))) {
      RawHttp.Response written = server.get("/write");
      assertEquals(1, written.setCookies().size(), "one Set-Cookie: " + written.setCookies());
      String cookie =
          CookieSettings.DEFAULT_NAME + "=" + written.cookieValue(CookieSettings.DEFAULT_NAME);
      assertEquals("blue", server.get("/read", "Cookie: " + cookie).body());
    }
  }

  private static String messages(Throwable thrown) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
