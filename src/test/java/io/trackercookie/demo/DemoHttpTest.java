package io.trackercookie.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoHttpTest {

  private static final String NAME = "persistent-information";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = demo(Map.of("TRACKER_PASSWORD", TestConfigs.PASSWORD));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static TestServer demo(Map<String, String> environment) {
    DemoSettings settings = DemoSettings.read(environment);
    return new TestServer(() -> DemoApp.create(settings));
  }

  @Test
  void anyPath_recordsItAndShowsIt_trackerAnswersJsonUnchanged_rootClears() {
    RawHttp.Response hello = server.get("/hello/world");
    assertEquals(200, hello.status());
    assertTrue(
        hello
            .body()
            .contains("<code id=\"after\">{&quot;path&quot;:&quot;/hello/world&quot;}</code>"),
        hello.body());
    String value = hello.cookieValue(NAME);
    String line = hello.setCookies().get(0);
    assertFalse(line.contains("Secure"), "plain http on loopback in the demo: " + line);

    RawHttp.Response tracker = server.get("/tracker", "Cookie: " + NAME + "=" + value);
    assertEquals("{\"path\":\"/hello/world\"}", tracker.body());
    assertTrue(tracker.setCookies().isEmpty(), "GET /tracker changes nothing");

    RawHttp.Response root = server.get("/", "Cookie: " + NAME + "=" + value);
    assertTrue(
        root.body()
            .contains("<code id=\"before\">{&quot;path&quot;:&quot;/hello/world&quot;}</code>"),
        root.body());
    assertTrue(root.body().contains("<code id=\"after\">{}</code>"), root.body());
    assertEquals("", root.cookieValue(NAME), "the cookie is deleted");
    assertEquals("{}", server.get("/tracker").body());
  }

  /** The value of one sample line of the Prometheus text, e.g. a counter with its labels. */
  private static double sample(String metrics, String series) {
    for (String line : metrics.split("\n", -1)) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    throw new AssertionError("no " + series + " in\n" + metrics);
  }

  @Test
  void aTamperedCookie_isOneMoreRejectionInMetrics_andNamedInDiagnostics() {
    String badMac = "tracker_cookies_rejected_total{reason=\"BAD_MAC\"}";
    RawHttp.Response first = server.get("/metrics");
    assertEquals(200, first.status());
    String type = first.header("Content-Type").get(0);
    assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
    double before = sample(first.body(), badMac);

    String value = server.get("/hello").cookieValue(NAME);
    String tampered = value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A");
    RawHttp.Response refused = server.get("/tracker", "Cookie: " + NAME + "=" + tampered);
    assertEquals("{}", refused.body());
    assertEquals(List.of("rejected=BAD_MAC"), refused.header("Tracker-Diagnostics"));

    String after = server.get("/metrics").body();
    assertEquals(before + 1, sample(after, badMac), after);
    assertTrue(sample(after, "tracker_cookies_sealed_total") >= 1, after);
    assertFalse(after.contains(tampered.substring(10, 40)), "no cookie value in the metrics");
  }

  @Test
  void pathsAreEscapedInThePage() {
    RawHttp.Response response = server.get("/%3Cscript%3E");
    assertEquals(200, response.status());
    assertTrue(response.body().contains("/&lt;script&gt;"), response.body());
    assertFalse(response.body().contains("<script>"));
  }

  @Test
  void faviconRequests_doNotOverwriteThePath() {
    RawHttp.Response response = server.get("/favicon.ico");
    assertEquals(404, response.status());
    assertTrue(response.setCookies().isEmpty());
  }

  @Test
  void port_defaultsTo8080_andRejectsNonsense() {
    assertEquals(8080, DemoServer.port(null));
    assertEquals(9090, DemoServer.port("9090"));
    assertThrows(IllegalArgumentException.class, () -> DemoServer.port("http"));
  }

  @Test
  void passwordDirVariable_givesTheDemoItsKeys_byFileName(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("k1"), TestConfigs.PASSWORD + "\n");
    try (TestServer fromFiles = demo(Map.of("TRACKER_PASSWORD_DIR", dir.toString()))) {
      String value = fromFiles.get("/hello").cookieValue(NAME);
      assertEquals("k1", io.trackercookie.iron.SealParts.parse(value).passwordId());
    }
  }

  @Test
  void trackerVariables_shapeTheDemosCookie_nameIdTtlAndChunking() {
    try (TestServer custom =
        demo(
            Map.of(
                "TRACKER_PASSWORD", TestConfigs.PASSWORD,
                "TRACKER_PASSWORD_ID", "k2",
                "TRACKER_TTL", "PT1H",
                "TRACKER_COOKIE_NAME", "demo-visit",
                "TRACKER_PAYLOAD_FORMAT", "plain_json",
                "TRACKER_MAX_CHUNKS", "3"))) {
      RawHttp.Response hello = custom.get("/hello");
      String seal = hello.cookieValue("demo-visit");
      assertNotNull(seal, "the cookie carries TRACKER_COOKIE_NAME: " + hello.setCookies());
      String[] parts = seal.split("\\*", -1);
      assertEquals("k2", parts[1], "TRACKER_PASSWORD_ID is written into the seal");
      assertFalse(parts[5].isEmpty(), "TRACKER_TTL gives the seal an expiration");
      assertEquals(
          "{\"path\":\"/hello\"}",
          custom.get("/tracker", "Cookie: demo-visit=" + seal).body(),
          "PLAIN_JSON reads back");
    }
  }

  @Test
  void twoDemos_rotateThePassword_theNewOneReadsAndReseals_theOldCookie() {
    try (TestServer old = demo(Map.of("TRACKER_PASSWORD", TestConfigs.PASSWORD));
        TestServer rotated =
            demo(
                Map.of(
                    "TRACKER_PASSWORD",
                    TestConfigs.OTHER_PASSWORD,
                    "TRACKER_PASSWORD_ID",
                    "k2",
                    "TRACKER_ACCEPTED_PASSWORD_IDS",
                    "default",
                    "TRACKER_PASSWORD_DEFAULT",
                    TestConfigs.PASSWORD))) {
      String oldSeal = old.get("/from-the-old-demo").cookieValue(NAME);
      RawHttp.Response read = rotated.get("/tracker", "Cookie: " + NAME + "=" + oldSeal);
      assertEquals("{\"path\":\"/from-the-old-demo\"}", read.body());
      String resealed = read.cookieValue(NAME);
      assertNotNull(resealed, "a cookie opened with an accepted password is resealed");
      assertTrue(resealed.startsWith("Fe26.2*k2*"), resealed);
    }
  }

  @Test
  void startUpMessages_nameWhatWasRead_andWarnAboutMisspellings_neverShowingASecret() {
    DemoSettings settings =
        DemoSettings.read(
            Map.of(
                "TRACKER_PASSWORD", TestConfigs.PASSWORD,
                "TRACKER_TTL", "3600",
                "TRACKER_COOKIE_SAMESIDE", "Strict",
                "PORT", "9000"));
    String text = String.join("\n", settings.messages());
    assertTrue(text.contains("TRACKER_PASSWORD, TRACKER_TTL"), text);
    assertTrue(text.contains("did you mean TRACKER_COOKIE_SAME_SITE?"), text);
    assertEquals(java.time.Duration.ofHours(1), settings.config().sealTtl());
    assertFalse(text.contains(TestConfigs.PASSWORD), "the password is never printed");
    assertFalse(text.contains("random password"), text);
  }

  @Test
  void withoutAPassword_theDemoUsesARandomOne_andSaysSo() {
    DemoSettings settings = DemoSettings.read(Map.of());
    assertTrue(settings.messages().get(0).startsWith("WARNING: TRACKER_PASSWORD is not set"));
    assertTrue(settings.config().insecureLoopbackForDevelopment());
  }

  @Test
  void theDevelopmentModeWarning_isGivenOnce() {
    List<String> logged = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("io.trackercookie");
    logger.addHandler(handler);
    List<String> printed;
    try {
      DemoSettings settings = DemoSettings.read(Map.of("TRACKER_PASSWORD", TestConfigs.PASSWORD));
      printed = settings.messages();
      try (TestServer started = new TestServer(() -> DemoApp.create(settings.config()))) {
        assertEquals(200, started.get("/tracker").status());
      }
    } finally {
      logger.removeHandler(handler);
    }
    List<String> warnings = new ArrayList<>();
    for (String line : concat(printed, logged)) {
      if (line.contains("Never") && line.contains("production")) {
        warnings.add(line);
      }
    }
    assertEquals(1, warnings.size(), "one development-mode warning: " + warnings);
  }

  @Test
  void theConfiguration_isPrintedOneSettingPerShortLine_andOnlyVariablesReadAreListed() {
    DemoSettings settings =
        DemoSettings.read(
            Map.of(
                "TRACKER_PASSWORD", TestConfigs.PASSWORD,
                "TRACKER_SLIDING_EXPIRY", "PT30M",
                "TRACKER_COOKIE_SAMESITE", "Strict",
                "TRACKER_NOT_A_SETTING", "x",
                "HOME", "/root"));
    List<String> lines = settings.messages();
    for (String line : lines) {
      assertTrue(line.length() <= 120, "one short line per setting: " + line);
      assertFalse(line.contains(TestConfigs.PASSWORD), "no secret: " + line);
    }
    String text = String.join("\n", lines);
    assertTrue(
        text.contains("read from the environment: TRACKER_PASSWORD, TRACKER_SLIDING_EXPIRY\n"),
        "the misspelled and unknown variables were not read: " + text);
    assertTrue(text.contains("seal lifetime: 30min after the last request (sliding)"), text);
    assertTrue(text.contains("cookie: persistent-information; Path=/; Max-Age 30d"), text);
    assertTrue(text.contains("sign-in: absolute lifetime 1h"), text);
    assertTrue(text.contains("cross-site protection: on"), text);
    assertFalse(text.contains("PT0S"), text);
  }

  @Test
  void theDemo_startsWithoutAJerseyWarning() {
    List<String> warnings = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
              warnings.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger jersey = Logger.getLogger("org.glassfish.jersey");
    jersey.addHandler(handler);
    try {
      DemoSettings settings = DemoSettings.read(Map.of("TRACKER_PASSWORD", TestConfigs.PASSWORD));
      try (TestServer started = new TestServer(() -> DemoApp.create(settings))) {
        assertEquals(200, started.get("/metrics").status());
      }
    } finally {
      jersey.removeHandler(handler);
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void theBanner_listsEveryEndpoint() {
    List<String> endpoints = new ArrayList<>(List.of("GET /metrics"));
    for (Class<?> resource : List.of(DemoApp.DemoResource.class, DemoSignInResource.class)) {
      for (java.lang.reflect.Method method : resource.getMethods()) {
        String verb =
            method.isAnnotationPresent(jakarta.ws.rs.GET.class)
                ? "GET"
                : method.isAnnotationPresent(jakarta.ws.rs.POST.class) ? "POST" : null;
        if (verb != null) {
          jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
          String template = path == null ? "" : path.value();
          endpoints.add(verb + " /" + (template.startsWith("{") ? "<path>" : template));
        }
      }
    }
    List<String> banner = new ArrayList<>();
    for (String line : DemoServer.ENDPOINTS) {
      String[] words = line.trim().split(" +");
      banner.add(words[0] + " " + words[1]);
    }
    assertEquals(new java.util.TreeSet<>(endpoints), new java.util.TreeSet<>(banner));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
