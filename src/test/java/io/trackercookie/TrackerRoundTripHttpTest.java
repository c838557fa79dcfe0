package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrackerRoundTripHttpTest {

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

  private static String cookie(String value) {
    return "Cookie: " + NAME + "=" + value;
  }

  @Test
  void setThenReadThenChangeThenClear_roundTripsThroughTheCookie() {
    RawHttp.Response set = server.get("/put?k=path&v=/first");
    assertEquals(200, set.status());
    String first = set.cookieValue(NAME);
    assertNotNull(first, "a put writes Set-Cookie");

    RawHttp.Response read = server.get("/read", cookie(first));
    assertEquals("{\"path\":\"/first\"}", read.body());
    assertTrue(read.setCookies().isEmpty(), "reading sends no Set-Cookie");

    RawHttp.Response change = server.get("/put?k=path&v=/second", cookie(first));
    String second = change.cookieValue(NAME);
    assertNotNull(second);
    assertNotEquals(first, second);
    assertEquals("{\"path\":\"/second\"}", server.get("/read", cookie(second)).body());

    RawHttp.Response clear = server.get("/clear", cookie(second));
    assertEquals(1, clear.setCookies().size());
    assertTrue(
        clear
            .setCookies()
            .get(0)
            .startsWith(NAME + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"),
        clear.setCookies().get(0));
    assertEquals("", clear.cookieValue(NAME));

    // The browser drops the cookie: the next request has none.
    RawHttp.Response gone = server.get("/read");
    assertEquals("{}", gone.body());
    assertTrue(gone.setCookies().isEmpty());
  }

  @Test
  void unchangedTracker_sendsNoSetCookie() {
    String value = server.get("/put?k=a&v=1").cookieValue(NAME);
    assertTrue(server.get("/nothing", cookie(value)).setCookies().isEmpty(), "untouched");
    assertTrue(server.get("/read", cookie(value)).setCookies().isEmpty(), "read only");
    assertTrue(
        server.get("/put?k=a&v=1", cookie(value)).setCookies().isEmpty(), "same content put again");
    assertTrue(server.get("/nothing").setCookies().isEmpty(), "no cookie, untouched");
    assertTrue(
        server.get("/clear").setCookies().isEmpty(), "clearing a tracker that had no cookie");
  }

  @Test
  void putOfTheSameContentTwice_sendsOneSetCookie() {
    RawHttp.Response response = server.get("/put-twice?v=/x");
    assertEquals(1, response.setCookies().size());
  }

  @Test
  void removeOfTheLastKey_deletesTheCookie() {
    String value = server.get("/put?k=only&v=1").cookieValue(NAME);
    RawHttp.Response removed = server.get("/remove?k=only", cookie(value));
    assertEquals("\"1\"", removed.body());
    assertEquals("", removed.cookieValue(NAME));
  }

  @Test
  void writtenCookie_isTrackerCookiesDoubleEncodedJson() {
    String value = server.get("/put?k=path&v=/p").cookieValue(NAME);
    assertEquals("\"{\\\"path\\\":\\\"/p\\\"}\"", TestConfigs.unseal(value));
  }

  @Test
  void plainJsonSeal_asHapiCookieWritesIt_isReadToo() {
    String value = TestConfigs.seal(TestConfigs.PASSWORD, "{\"path\":\"/plain\"}");
    assertEquals("{\"path\":\"/plain\"}", server.get("/read", cookie(value)).body());
  }

  @Test
  void trackerInjectedIntoAField_isTheRequestsTracker() {
    String value = server.get("/put?k=f&v=field").cookieValue(NAME);
    assertEquals("{\"f\":\"field\"}", server.get("/field", cookie(value)).body());
    assertEquals("{}", server.get("/field").body());
  }

  @Test
  void setOfARecord_replacesTheContent_andAsReadsItBack() {
    String first = server.get("/put?k=old&v=1").cookieValue(NAME);
    RawHttp.Response set = server.get("/visit/set?path=/r&count=3", cookie(first));
    assertEquals("{\"lastPath\":\"/r\",\"count\":3}", set.body());
    String value = set.cookieValue(NAME);
    assertEquals(
        "{\"lastPath\":\"/r\",\"count\":3}", server.get("/visit/as", cookie(value)).body());
  }

  @Test
  void typedAndGenericReads_convertThroughJackson() {
    String typed = server.get("/visit/put-typed").cookieValue(NAME);
    assertEquals(
        "{\"lastPath\":\"/typed\",\"count\":7}", server.get("/visit/typed", cookie(typed)).body());
    String list = server.get("/visits/put").cookieValue(NAME);
    assertEquals("\"/b\"", server.get("/visits/get", cookie(list)).body());
    assertEquals("null", server.get("/visits/get").body());
  }

  @Test
  void trackerIsARequestProperty_underTheDefaultName() {
    String value = server.get("/put?k=a&v=b").cookieValue(NAME);
    assertEquals(
        "{\"content\":{\"a\":\"b\"},\"isTracker\":true,\"sameAsInjected\":true}",
        sortedJson(server.get("/attribute?name=tracker", cookie(value)).body()));
  }

  @Test
  void threadsOfOneRequest_shareItsTrackerSafely() {
    RawHttp.Response response = server.get("/threads");
    assertEquals("100", response.body());
    assertEquals(100, TestConfigs.unseal(response.cookieValue(NAME)).split(",").length);
  }

  static String sortedJson(String json) {
    try {
      var node = TrackerTestResource.JSON.readTree(json);
      return TrackerTestResource.JSON.writeValueAsString(
          TrackerTestResource.JSON.treeToValue(node, java.util.TreeMap.class));
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }
}
