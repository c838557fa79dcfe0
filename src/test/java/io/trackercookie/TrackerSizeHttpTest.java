package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrackerSizeHttpTest {

  private static final String NAME = "persistent-information";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(() -> TestConfigs.app(TestConfigs.builder().build()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void putPastTheLimit_failsWithSizeLimitAndLargestKeys_neverTheValue() {
    RawHttp.Response response = server.get("/big?n=5000");
    assertEquals(413, response.status(), "the application's ExceptionMapper handled it");
    String message = response.body();
    assertTrue(
        message.matches(
            "The tracker cookie would be \\d+ bytes, over the limit of 4096 bytes;"
                + " the largest keys are \\[huge, small\\]\\."),
        message);
    assertFalse(message.contains("xxxx"), "no value in the message");
    // The put that did fit ("small") is kept; the one that did not is not half-written.
    assertEquals("\"{\\\"small\\\":\\\"s\\\"}\"", TestConfigs.unseal(response.cookieValue(NAME)));
  }

  @Test
  void failedPut_leavesTheTrackerAsItWas() {
    String value = server.get("/put?k=keep&v=me").cookieValue(NAME);
    RawHttp.Response response = server.get("/big?n=5000", "Cookie: " + NAME + "=" + value);
    assertEquals(413, response.status());
    // "small" was added before the failing put and is sealed; "huge" is not.
    String sealed = response.cookieValue(NAME);
    assertEquals(
        "{\"keep\":\"me\",\"small\":\"s\"}",
        server.get("/read", "Cookie: " + NAME + "=" + sealed).body());
  }

  @Test
  void limit_isExact_theLargestTrackerThatFitsIsWrittenAndIsWithinOneCipherBlockOfTheLimit()
      throws Exception {
    RawHttp.Response response = server.get("/fill");
    assertEquals(200, response.status());
    String line = response.setCookies().get(0);
    // One more character would pass 4096; AES-CBC grows in 16-byte blocks (22 base64url chars).
    assertTrue(line.length() <= 4096, "length " + line.length());
    assertTrue(line.length() > 4096 - 22, "length " + line.length());
    Map<?, ?> body = TrackerTestResource.JSON.readValue(response.body(), Map.class);
    assertTrue(((String) body.get("message")).contains("[fill]"), body.toString());
  }

  @Test
  void limit_countsALoneSurrogateAsTheThreeBytesItIsSealedAs_soTheFullestTrackerIsStillWritten()
      throws Exception {
    // Counted as one byte ('?', as the JDK encodes it), such a tracker passed the check at put
    // and failed the response's own guard: a 500 instead of a cookie.
    RawHttp.Response response = server.get("/fill-lone-surrogates");
    assertEquals(200, response.status(), response.body());
    String line = response.setCookies().get(0);
    assertTrue(line.length() <= 4096, "length " + line.length());
    assertTrue(line.length() > 4096 - 22 - 4, "length " + line.length());
    int fits =
        ((Number) TrackerTestResource.JSON.readValue(response.body(), Map.class).get("fits"))
            .intValue();
    String read = server.get("/read", "Cookie: " + NAME + "=" + response.cookieValue(NAME)).body();
    assertEquals("{\"fill\":\"" + "\uFFFD".repeat(fits) + "\"}", read);
  }
}
