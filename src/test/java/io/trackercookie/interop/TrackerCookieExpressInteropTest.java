package io.trackercookie.interop;

import static io.trackercookie.interop.IronNodeInteropTest.compact;
import static io.trackercookie.interop.IronNodeInteropTest.parse;
import static io.trackercookie.interop.JsonValues.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trackercookie.iron.IronCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cookies travel between a real Express 5 app using the npm tracker-cookie 1.0.2 middleware and
 * this codec, over HTTP on 127.0.0.1. Skipped, not passed, when Node or the npm packages are
 * missing.
 */
class TrackerCookieExpressInteropTest {

  private static final String PASSWORD = "express-interop-password-0123456789-abc";
  private static final String COOKIE = NodeTrackerApp.DEFAULT_COOKIE_NAME;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @RegisterExtension static final NodeScript<NodeTrackerApp> APP = NodeScript.trackerApp(PASSWORD);
  private static HttpClient http;

  @BeforeAll
  static void startHttpClient() {
    http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Test
  void cookieSetByExpressTrackerCookie_opensInJava_asAJsonStringHoldingTheInfo() throws Exception {
    IronCodec codec = IronCodec.create(PASSWORD);
    for (ObjectNode info : infos(11)) {
      HttpResponse<String> response =
          get("track?info=" + URLEncoder.encode(compact(info), StandardCharsets.UTF_8), null);
      assertEquals(200, response.statusCode());
      String value =
          setCookieValue(response).orElseThrow(() -> new AssertionError("no tracker cookie set"));
      assertFalse(value.contains("%"), "Express writes the seal's characters unencoded");

      JsonNode outer = parse(codec.unseal(value));
      assertTrue(outer.isTextual(), "tracker-cookie seals JSON.stringify(info): a JSON string");
      assertSameJson(info, parse(outer.asText()), "info from the Express cookie");
    }
  }

  @Test
  void cookieSealedInJavaTheTrackerCookieWay_isTheTrackerInExpress() throws Exception {
    IronCodec codec = IronCodec.create(PASSWORD);
    for (ObjectNode info : infos(12)) {
      String sealed = codec.seal(compact(TextNode.valueOf(compact(info))));
      HttpResponse<String> response = get("echo", COOKIE + "=" + sealed);
      assertEquals(200, response.statusCode());
      assertSameJson(info, parse(response.body()).get("tracker"), "req.tracker in Express");
    }
  }

  @Test
  void cookieSealedWithAnotherPassword_isAnEmptyTrackerInExpress() throws Exception {
    String sealed =
        IronCodec.create("another-password-entirely-0123456789-xyz")
            .seal(compact(TextNode.valueOf("{\"a\":1}")));
    HttpResponse<String> response = get("echo", COOKIE + "=" + sealed);
    assertEquals(200, response.statusCode());
    assertEquals(parse("{\"tracker\":{}}"), parse(response.body()));
  }

  @Test
  void clear_expiresTheTrackerCookie() throws Exception {
    HttpResponse<String> response = get("clear", null);
    assertEquals(200, response.statusCode());
    String header =
        response.headers().allValues("set-cookie").stream()
            .filter(h -> h.startsWith(COOKIE + "="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Set-Cookie for the tracker"));
    assertTrue(header.startsWith(COOKIE + "=;"), "empty value");
    assertTrue(header.contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"), "expired");
  }

  private static List<ObjectNode> infos(long seed) {
    JsonValues values = new JsonValues(seed);
    // Kept under 1.5 KB of JSON so the URL-encoded query stays well inside Node's header limit.
    return List.of(values.object(200), values.object(400), values.object(600), values.object(300));
  }

  private static HttpResponse<String> get(String pathAndQuery, String cookieHeader)
      throws IOException, InterruptedException {
    URI uri = APP.get().resolve(pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
    if (cookieHeader != null) {
      request.header("Cookie", cookieHeader);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Optional<String> setCookieValue(HttpResponse<String> response) {
    for (String header : response.headers().allValues("set-cookie")) {
      if (header.startsWith(COOKIE + "=")) {
        int end = header.indexOf(';');
        return Optional.of(header.substring(COOKIE.length() + 1, end < 0 ? header.length() : end));
      }
    }
    return Optional.empty();
  }
}
