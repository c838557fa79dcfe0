package io.trackercookie.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoHttpTest {

  private static final String NAME = "persistent-information";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(() -> DemoApp.create(DemoApp.config(TestConfigs.PASSWORD)));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
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
  void aPasswordDirectory_givesTheDemoItsKeys_byFileName(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("k1"), TestConfigs.PASSWORD + "\n");
    try (TestServer fromFiles =
        new TestServer(() -> DemoApp.create(DemoApp.configFromPasswordDirectory(dir, null)))) {
      String value = fromFiles.get("/hello").cookieValue(NAME);
      assertEquals("k1", io.trackercookie.iron.SealParts.parse(value).passwordId());
    }
  }
}
