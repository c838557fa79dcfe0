package io.trackercookie.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerParamResource;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * The reserved key {@code $tracker}, home of the library's session metadata: hidden from every
 * read, refused to every write, kept across the application's writes and the library's reseals,
 * dropped by clear. The cookies here are sealed as another writer (Node, an earlier response) would
 * seal them.
 */
class ReservedKeyHttpTest {

  private static final String NAME = "persistent-information";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String METADATA = "{\"csrf\":\"n0nce-of-this-session\",\"later\":[1,2]}";
  private static final String WITH_METADATA =
      "{\"$tracker\":" + METADATA + ",\"visits\":3,\"lastPath\":\"/p\"}";

  /** Every read of the Tracker, and the reserved key's writes, each answering what it saw. */
  @Path("/reserved")
  @Produces(MediaType.APPLICATION_JSON)
  public static class Reads {
    @GET
    @Path("read")
    public Map<String, Object> read(@Context Tracker tracker) {
      Map<String, Object> seen = new LinkedHashMap<>();
      seen.put("asMap", tracker.asMap());
      seen.put("get", String.valueOf(tracker.get(Tracker.RESERVED_KEY)));
      seen.put("getTyped", String.valueOf(tracker.get(Tracker.RESERVED_KEY, JsonNode.class)));
      seen.put("contains", tracker.containsKey(Tracker.RESERVED_KEY));
      seen.put("as", tracker.as(Map.class));
      seen.put("asTree", tracker.as(JsonNode.class).toString());
      seen.put("empty", tracker.isEmpty());
      seen.put("toString", tracker.toString());
      return seen;
    }

    @GET
    @Path("put")
    public String put(@Context Tracker tracker, @QueryParam("k") String key) {
      tracker.put(key, "v");
      return "ok";
    }

    @GET
    @Path("replace")
    public String replace(@Context Tracker tracker) {
      tracker.replaceWith(Map.of("replaced", true));
      return "ok";
    }

    @GET
    @Path("replace-reserved")
    public String replaceReserved(@Context Tracker tracker) {
      try {
        tracker.replaceWith(Map.of(Tracker.RESERVED_KEY, Map.of("csrf", "forged")));
        return "accepted";
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }

    @GET
    @Path("put-reserved")
    public String putReserved(@Context Tracker tracker) {
      try {
        tracker.put(Tracker.RESERVED_KEY, Map.of("csrf", "forged"));
        return "accepted";
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }

    @GET
    @Path("remove-reserved")
    public String removeReserved(@Context Tracker tracker) {
      return String.valueOf(tracker.remove(Tracker.RESERVED_KEY));
    }

    @GET
    @Path("remove-all")
    public String removeAll(@Context Tracker tracker) {
      tracker.remove("visits");
      tracker.remove("lastPath");
      return String.valueOf(tracker.isEmpty());
    }

    @GET
    @Path("clear")
    public String clear(@Context Tracker tracker) {
      tracker.clear();
      return "ok";
    }
  }

  private static TestServer server(TrackerConfig config) {
    return new TestServer(
        () ->
            new ResourceConfig(Reads.class, TrackerParamResource.class)
                .register(new TrackerFeature(config)));
  }

  private static String cookie(String value) {
    return "Cookie: " + NAME + "=" + value;
  }

  /** The JSON object a seal holds, whichever layout wrote it. */
  private static JsonNode content(String password, String value) throws Exception {
    JsonNode node = JSON.readTree(IronCodec.create(password).unseal(value));
    return node.isTextual() ? JSON.readTree(node.textValue()) : node;
  }

  @Test
  void everyRead_leavesTheReservedKeyOut() throws Exception {
    try (TestServer server = server(TestConfigs.builder().build())) {
      String value = TestConfigs.seal(TestConfigs.PASSWORD, WITH_METADATA);
      JsonNode seen = JSON.readTree(server.get("/reserved/read", cookie(value)).body());
      String visible = "{\"visits\":3,\"lastPath\":\"/p\"}";
      assertEquals(visible, seen.get("asMap").toString());
      assertEquals("null", seen.get("get").textValue());
      assertEquals("null", seen.get("getTyped").textValue());
      assertEquals(false, seen.get("contains").booleanValue());
      assertEquals(visible, seen.get("as").toString());
      assertEquals(visible, seen.get("asTree").textValue());
      assertEquals(false, seen.get("empty").booleanValue());
      assertEquals("Tracker[visits, lastPath]", seen.get("toString").textValue());
      assertEquals(visible, server.get("/param/map", cookie(value)).body());
    }
  }

  @Test
  void aTrackerHoldingOnlyMetadata_readsAsEmpty() throws Exception {
    try (TestServer server = server(TestConfigs.builder().build())) {
      String value = TestConfigs.seal(TestConfigs.PASSWORD, "{\"$tracker\":" + METADATA + "}");
      JsonNode seen = JSON.readTree(server.get("/reserved/read", cookie(value)).body());
      assertEquals("{}", seen.get("asMap").toString());
      assertEquals(true, seen.get("empty").booleanValue());
    }
  }

  @Test
  void putAndReplaceWith_refuseTheReservedKey_andRemoveDoesNotReachIt() throws Exception {
    try (TestServer server = server(TestConfigs.builder().build())) {
      String value = TestConfigs.seal(TestConfigs.PASSWORD, WITH_METADATA);
      RawHttp.Response put = server.get("/reserved/put-reserved", cookie(value));
      assertEquals("The tracker keeps its own data under the key $tracker", put.body());
      assertNull(put.cookieValue(NAME));
      RawHttp.Response replace = server.get("/reserved/replace-reserved", cookie(value));
      assertEquals("The tracker keeps its own data under the key $tracker", replace.body());
      assertNull(replace.cookieValue(NAME));
      RawHttp.Response remove = server.get("/reserved/remove-reserved", cookie(value));
      assertEquals("null", remove.body());
      assertNull(remove.cookieValue(NAME), "nothing the application can see changed");
    }
  }

  @Test
  void theApplicationsWrites_keepTheMetadata() throws Exception {
    try (TestServer server = server(TestConfigs.builder().build())) {
      String value = TestConfigs.seal(TestConfigs.PASSWORD, WITH_METADATA);

      String afterPut = server.get("/reserved/put?k=theme", cookie(value)).cookieValue(NAME);
      assertNotNull(afterPut);
      JsonNode put = content(TestConfigs.PASSWORD, afterPut);
      assertEquals(METADATA, put.get(Tracker.RESERVED_KEY).toString());
      assertEquals("v", put.get("theme").textValue());

      String afterReplace = server.get("/reserved/replace", cookie(value)).cookieValue(NAME);
      JsonNode replaced = content(TestConfigs.PASSWORD, afterReplace);
      assertEquals(METADATA, replaced.get(Tracker.RESERVED_KEY).toString());
      assertEquals(true, replaced.get("replaced").booleanValue());
      assertNull(replaced.get("visits"));

      // With no key of the application's left, the session's metadata is still a cookie to keep.
      RawHttp.Response removed = server.get("/reserved/remove-all", cookie(value));
      assertEquals("true", removed.body());
      JsonNode onlyMetadata = content(TestConfigs.PASSWORD, removed.cookieValue(NAME));
      assertEquals("{\"$tracker\":" + METADATA + "}", onlyMetadata.toString());
    }
  }

  @Test
  void clear_dropsTheMetadataWithTheRest() {
    try (TestServer server = server(TestConfigs.builder().build())) {
      String value = TestConfigs.seal(TestConfigs.PASSWORD, WITH_METADATA);
      RawHttp.Response cleared = server.get("/reserved/clear", cookie(value));
      assertEquals("", cleared.cookieValue(NAME), "the cookie is deleted");
      assertTrue(cleared.setCookies().get(0).contains("Max-Age=0"), cleared.setCookies().get(0));
    }
  }

  @Test
  void aResealUnderTheNewPassword_keepsTheMetadata() throws Exception {
    TrackerConfig rotated =
        TestConfigs.builder()
            .passwords(
                IronPasswords.builder()
                    .current("k2", TestConfigs.OTHER_PASSWORD)
                    .accept("k1", TestConfigs.PASSWORD)
                    .build())
            .build();
    String underOld =
        IronCodec.create(
                IronPasswords.builder().current("k1", TestConfigs.PASSWORD).build(),
                IronOptions.defaults())
            .seal(WITH_METADATA);
    try (TestServer server = server(rotated)) {
      RawHttp.Response read = server.get("/reserved/read", cookie(underOld));
      String resealed = read.cookieValue(NAME);
      assertNotNull(resealed, "a seal of the old password is sealed again");
      JsonNode node =
          JSON.readTree(
              IronCodec.create(
                      IronPasswords.builder().current("k2", TestConfigs.OTHER_PASSWORD).build(),
                      IronOptions.defaults())
                  .unseal(resealed));
      JsonNode content = node.isTextual() ? JSON.readTree(node.textValue()) : node;
      assertEquals(METADATA, content.get(Tracker.RESERVED_KEY).toString());
    }
  }
}
