package io.trackercookie.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.PayloadFormat;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.iron.IronPasswords;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Java service (the JAX-RS feature on Grizzly) and a Node service (Express 5 with the npm
 * tracker-cookie 1.0.2 middleware) share the cookie name and password; over real HTTP, each reads
 * what the other wrote, in both payload formats. Skipped, not passed, without Node.
 */
class SharedCookieServiceInteropTest {

  private static final String PASSWORD = "8SvDEql1q3JU_lFf-dBnh1Q4AVrU3erVm-7lRooLJVY";
  private static final String COOKIE = NodeTrackerApp.DEFAULT_COOKIE_NAME;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final NodeScript<NodeTrackerApp> NODE = NodeScript.trackerApp(PASSWORD);
  private static HttpClient http;

  @BeforeAll
  static void startHttpClient() {
    http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  private static TestServer javaService(PayloadFormat format) {
    TrackerConfig config = TrackerConfig.builder().password(PASSWORD).payloadFormat(format).build();
    return new TestServer(() -> TestConfigs.app(config));
  }

  private static HttpResponse<String> nodeGet(String pathAndQuery, String cookieValue)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(NODE.get().resolve(pathAndQuery)).timeout(TIMEOUT).GET();
    if (cookieValue != null) {
      request.header("Cookie", COOKIE + "=" + cookieValue);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String nodeCookie(HttpResponse<String> response) {
    for (String header : response.headers().allValues("set-cookie")) {
      if (header.startsWith(COOKIE + "=")) {
        int end = header.indexOf(';');
        return header.substring(COOKIE.length() + 1, end < 0 ? header.length() : end);
      }
    }
    throw new AssertionError("Node set no tracker cookie");
  }

  private static String nodeTracks(String json) throws Exception {
    HttpResponse<String> response =
        nodeGet("track?info=" + URLEncoder.encode(json, StandardCharsets.UTF_8), null);
    assertEquals(200, response.statusCode());
    return nodeCookie(response);
  }

  private static JsonNode nodeSees(String cookieValue) throws Exception {
    HttpResponse<String> response = nodeGet("echo", cookieValue);
    assertEquals(200, response.statusCode());
    return JSON.readTree(response.body()).get("tracker");
  }

  @Test
  void cookieWrittenByTheNodeService_isReadByTheJavaService_inEitherWriteFormat() throws Exception {
    String info =
        "{\"user\":\"alice\",\"visits\":[1,2,3],\"prefs\":{\"lang\":\"fr\",\"\u00e9\":true}}";
    String value = nodeTracks(info);
    for (PayloadFormat format :
        new PayloadFormat[] {PayloadFormat.TRACKER_COOKIE, PayloadFormat.PLAIN_JSON}) {
      try (TestServer java = javaService(format)) {
        RawHttp.Response response = java.get("/read", "Cookie: " + COOKIE + "=" + value);
        assertEquals(JSON.readTree(info), JSON.readTree(response.body()), format.name());
      }
    }
  }

  @Test
  void cookieWrittenByTheJavaService_isReadByTheNodeService_inBothFormats() throws Exception {
    for (PayloadFormat format :
        new PayloadFormat[] {PayloadFormat.TRACKER_COOKIE, PayloadFormat.PLAIN_JSON}) {
      try (TestServer java = javaService(format)) {
        String value = java.get("/put?k=user&v=b%C3%B6b").cookieValue(COOKIE);
        assertEquals(JSON.readTree("{\"user\":\"b\u00f6b\"}"), nodeSees(value), format.name());
      }
    }
  }

  @Test
  void visitorMovingBetweenServices_keepsOneTrackerThatBothChange() throws Exception {
    String fromNode = nodeTracks("{\"path\":\"/node\"}");
    try (TestServer java = javaService(PayloadFormat.TRACKER_COOKIE)) {
      RawHttp.Response changed =
          java.get("/put?k=java&v=yes", "Cookie: " + COOKIE + "=" + fromNode);
      String fromJava = changed.cookieValue(COOKIE);
      assertNotNull(fromJava);
      assertEquals(JSON.readTree("{\"path\":\"/node\",\"java\":\"yes\"}"), nodeSees(fromJava));
    }
  }

  @Test
  void javaServiceMidRotation_stillWritesWhatTheNodeServiceReads() throws Exception {
    // Step 2 of the fleet procedure: the shared password still seals (no id); a new one is
    // accepted.
    TrackerConfig config =
        TrackerConfig.builder()
            .passwords(
                IronPasswords.builder()
                    .current(IronPasswords.DEFAULT_ID, PASSWORD)
                    .accept("k2", TestConfigs.OTHER_PASSWORD)
                    .build())
            .build();
    try (TestServer java = new TestServer(() -> TestConfigs.app(config))) {
      String value = java.get("/put?k=user&v=dora").cookieValue(COOKIE);
      assertEquals(JSON.readTree("{\"user\":\"dora\"}"), nodeSees(value));
      String fromNode = nodeTracks("{\"user\":\"eve\"}");
      assertEquals(
          "{\"user\":\"eve\"}", java.get("/read", "Cookie: " + COOKIE + "=" + fromNode).body());
    }
  }
}
