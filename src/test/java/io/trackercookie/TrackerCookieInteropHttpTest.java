package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackercookie.iron.IronCodec;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cookies written by npm tracker-cookie 1.0.2 (live capture in vectors/tracker-cookie.json) are
 * read here, and ours are read the way tracker-cookie reads them.
 */
class TrackerCookieInteropHttpTest {

  private static JsonNode vectors() throws Exception {
    try (InputStream in =
        TrackerCookieInteropHttpTest.class.getResourceAsStream("/vectors/tracker-cookie.json")) {
      return TrackerTestResource.JSON.readTree(in);
    }
  }

  /**
   * The vectors' password is the one the npm package sealed them with, a readable test string that
   * start-up would refuse as weak; these tests need that very password.
   */
  private static TrackerConfig vectorsConfig(String password) {
    return TrackerConfig.builder().password(password).allowWeakPassword(true).build();
  }

  @Test
  void cookiesWrittenByNodeTrackerCookie_readAsTheirObject_orEmptyForNonObjects() throws Exception {
    JsonNode vectors = vectors();
    String password = vectors.get("password").asText();
    TrackerConfig config = vectorsConfig(password);
    List<String> checked = new ArrayList<>();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      for (JsonNode exchange : vectors.get("exchanges")) {
        String id = exchange.get("id").asText();
        if (!id.startsWith("t-")
            || !exchange.get("app").asText().equals("default")
            || !exchange.hasNonNull("cookieValue")
            || exchange.get("cookieValue").asText().isEmpty()) {
          continue;
        }
        JsonNode tracked = exchange.get("tracked");
        String expected =
            tracked.isObject() ? TrackerTestResource.JSON.writeValueAsString(tracked) : "{}";
        RawHttp.Response response =
            server.get(
                "/read", "Cookie: persistent-information=" + exchange.get("cookieValue").asText());
        assertEquals(200, response.status(), id);
        assertEquals(expected, response.body(), id);
        checked.add(id);
      }
    }
    assertEquals(
        List.of(
            "t-track-0",
            "t-track-1",
            "t-track-2",
            "t-track-3",
            "t-track-4",
            "t-track-7",
            "t-track-8",
            "t-express4-track"),
        checked);
  }

  @Test
  void ourCookie_isWhatTrackerCookieUnsealsAndParses() throws Exception {
    String password = vectors().get("password").asText();
    TrackerConfig config = vectorsConfig(password);
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      String value =
          server.get("/put?k=path&v=/%C3%A9t%C3%A9").cookieValue("persistent-information");
      // tracker-cookie: JSON.parse(Iron.unseal(value)) gives a string, parsed again into the
      // object.
      String unsealed = IronCodec.create(password).unseal(value);
      String inner = TrackerTestResource.JSON.readValue(unsealed, String.class);
      assertEquals("{\"path\":\"/\u00e9t\u00e9\"}", inner);
    }
  }
}
