package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

class TrackerFeatureConfigTest {

  private static ResourceConfig propertyApp(Map<String, Object> properties) {
    return new ResourceConfig(TrackerTestResource.class)
        .register(TrackerFeature.class)
        .addProperties(properties);
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String startupFailure(Map<String, Object> properties) {
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> new ApplicationHandler(propertyApp(properties)));
    return rootCause(e).getMessage();
  }

  @Test
  void noArgFeature_readsItsOptionsFromTheApplicationsProperties() throws Exception {
    Map<String, Object> properties =
        Map.of(
            TrackerSettings.PASSWORD, TestConfigs.PASSWORD,
            TrackerSettings.COOKIE_NAME, "trk",
            TrackerSettings.COOKIE_MAX_AGE, "3600",
            TrackerSettings.COOKIE_SAME_SITE, "strict",
            TrackerSettings.COOKIE_HTTP_ONLY, "false",
            TrackerSettings.REQUEST_ATTRIBUTE, "visitor",
            TrackerSettings.PAYLOAD_FORMAT, "plain_json");
    try (TestServer server = new TestServer(() -> propertyApp(properties))) {
      RawHttp.Response response = server.get("/put?k=a&v=b");
      String line = response.setCookies().get(0);
      assertTrue(line.startsWith("trk=Fe26.2*"), line);
      assertTrue(
          line.contains("; Max-Age=3600;") && line.endsWith("; Path=/; Secure; SameSite=Strict"),
          line);
      assertEquals(
          "{\"a\":\"b\"}", TestConfigs.unseal(response.cookieValue("trk")), "plain JSON payload");
      String attribute =
          server
              .get("/attribute?name=visitor", "Cookie: trk=" + response.cookieValue("trk"))
              .body();
      assertTrue(attribute.contains("\"isTracker\":true"), attribute);
    }
  }

  @Test
  void noArgFeature_warnsOnceAtStartUp_aboutAMisspelledSetting_andStillServes() throws Exception {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.trackercookie");
    java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            if (record.getLevel() == java.util.logging.Level.WARNING) {
              warnings.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    Map<String, Object> properties =
        Map.of(TrackerSettings.PASSWORD, TestConfigs.PASSWORD, "tracker.cookie.samesite", "Strict");
    try (TestServer server = new TestServer(() -> propertyApp(properties))) {
      String line = server.get("/put?k=a&v=b").setCookies().get(0);
      assertTrue(line.endsWith("SameSite=Lax"), "the misspelled setting is ignored: " + line);
    } finally {
      logger.removeHandler(capture);
    }
    assertEquals(
        1,
        warnings.stream().filter(w -> w.contains("tracker.cookie.samesite")).count(),
        warnings.toString());
    assertTrue(
        warnings.stream().anyMatch(w -> w.endsWith("did you mean tracker.cookie.sameSite?")),
        warnings.toString());
  }

  @Test
  void noArgFeature_fallsBackToSystemProperties() throws Exception {
    System.setProperty(TrackerSettings.COOKIE_NAME, "from-system");
    try (TestServer server =
        new TestServer(() -> propertyApp(Map.of(TrackerSettings.PASSWORD, TestConfigs.PASSWORD)))) {
      assertTrue(server.get("/put?k=a&v=b").setCookies().get(0).startsWith("from-system="));
    } finally {
      System.clearProperty(TrackerSettings.COOKIE_NAME);
    }
  }

  @Test
  void missingPassword_stopsStartUp_namingTheSettingAndItsEnvironmentVariable() {
    // The environment may hold TRACKER_PASSWORD; the lookup is tested directly for that case.
    IllegalStateException direct =
        assertThrows(IllegalStateException.class, () -> TrackerConfig.fromSettings(name -> null));
    assertTrue(
        direct.getMessage().contains("tracker.password")
            && direct.getMessage().contains("TRACKER_PASSWORD"),
        direct.getMessage());
    if (System.getenv("TRACKER_PASSWORD") == null) {
      String message = startupFailure(Map.of());
      assertTrue(
          message.contains("tracker.password") && message.contains("TRACKER_PASSWORD"), message);
    }
    IllegalStateException built =
        assertThrows(IllegalStateException.class, () -> TrackerConfig.builder().build());
    assertTrue(built.getMessage().contains("TRACKER_PASSWORD"), built.getMessage());
  }

  @Test
  void shortPassword_stopsStartUp_namingTheSetting_withoutTheValue() {
    String message = startupFailure(Map.of(TrackerSettings.PASSWORD, "short-secret-value"));
    assertTrue(message.contains("tracker.password") && message.contains("at least 32"), message);
    assertFalse(message.contains("short-secret-value"), message);
  }

  @Test
  void invalidSetting_stopsStartUp_namingTheSetting() {
    String message =
        startupFailure(
            Map.of(
                TrackerSettings.PASSWORD,
                TestConfigs.PASSWORD,
                TrackerSettings.COOKIE_SAME_SITE,
                "sideways"));
    assertTrue(
        message.contains("tracker.cookie.sameSite") && message.contains("TRACKER_COOKIE_SAME_SITE"),
        message);
    assertFalse(
        message.toLowerCase(java.util.Locale.ROOT).contains("sideways"),
        "the value is not repeated: " + message);
  }

  @Test
  void environmentNames_areDerivedFromSettingNames() {
    assertEquals("TRACKER_PASSWORD", TrackerSettings.environmentName(TrackerSettings.PASSWORD));
    assertEquals(
        "TRACKER_COOKIE_MAX_AGE", TrackerSettings.environmentName(TrackerSettings.COOKIE_MAX_AGE));
    assertEquals(
        "TRACKER_INSECURE_LOOPBACK_FOR_DEVELOPMENT",
        TrackerSettings.environmentName(TrackerSettings.INSECURE_LOOPBACK));
  }

  @Test
  void settings_parseDurationsBooleansAndEnums() {
    TrackerConfig config =
        TestConfigs.fromSettings(
            TrackerSettings.COOKIE_MAX_AGE,
            "P7D",
            TrackerSettings.TTL,
            "PT1H",
            TrackerSettings.COOKIE_SECURE,
            "true",
            TrackerSettings.COOKIE_PARTITIONED,
            "true",
            TrackerSettings.COOKIE_SAME_SITE,
            "None");
    assertEquals(Duration.ofDays(7), config.cookie().maxAge());
    assertEquals(Duration.ofHours(1), config.sealTtl());
    assertTrue(config.cookie().partitioned());
    assertEquals(CookieSettings.SameSite.NONE, config.cookie().sameSite());
    assertThrows(
        IllegalArgumentException.class,
        () -> TestConfigs.fromSettings(TrackerSettings.COOKIE_SECURE, "yes"));
  }

  @Test
  void configToString_neverShowsThePassword() {
    TrackerConfig config = TestConfigs.builder().build();
    assertFalse(config.toString().contains(TestConfigs.PASSWORD), config.toString());
  }
}
