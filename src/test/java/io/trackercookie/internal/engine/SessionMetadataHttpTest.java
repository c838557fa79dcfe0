package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library writing its own session metadata through {@link RequestTracker#writeMetadata}: it
 * makes a cookie of a fresh tracker, rides along with the application's next write and reads back
 * with {@link RequestTracker#metadata}.
 */
class SessionMetadataHttpTest {

  private static final String NAME = "persistent-information";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;

  /** What a library feature (the CSRF token, a sign-in) does with the metadata. */
  @Path("/metadata")
  public static class MetadataResource {
    @GET
    @Path("write")
    public String write(@Context ContainerRequestContext request, @QueryParam("nonce") String n) {
      RequestTracker tracker = (RequestTracker) Tracker.from(request);
      tracker.writeMetadata(tracker.metadata().withCsrfNonce(n));
      return String.valueOf(tracker.isEmpty());
    }

    @GET
    @Path("read")
    public String read(@Context ContainerRequestContext request) {
      return ((RequestTracker) Tracker.from(request)).metadata().csrfNonce().orElse("none");
    }

    @GET
    @Path("put")
    public String put(@Context Tracker tracker) {
      tracker.put("a", 1);
      return "ok";
    }
  }

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            () ->
                new ResourceConfig(MetadataResource.class)
                    .register(new TrackerFeature(TestConfigs.builder().build())));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode content(String value) throws Exception {
    JsonNode node = JSON.readTree(TestConfigs.unseal(value));
    return node.isTextual() ? JSON.readTree(node.textValue()) : node;
  }

  @Test
  void metadataWrittenToAFreshTracker_makesACookie_thatTheApplicationSeesAsEmpty()
      throws Exception {
    RawHttp.Response written = server.get("/metadata/write?nonce=n1");
    assertEquals("true", written.body());
    String value = written.cookieValue(NAME);
    assertNotNull(value);
    assertEquals("{\"$tracker\":{\"csrf\":\"n1\"}}", content(value).toString());
    assertEquals("n1", server.get("/metadata/read", "Cookie: " + NAME + "=" + value).body());
  }

  @Test
  void theSameMetadataWrittenAgain_sendsNoSetCookie() {
    String value = server.get("/metadata/write?nonce=n1").cookieValue(NAME);
    RawHttp.Response again =
        server.get("/metadata/write?nonce=n1", "Cookie: " + NAME + "=" + value);
    assertNull(again.cookieValue(NAME));
  }

  @Test
  void theApplicationsNextWrite_keepsIt() throws Exception {
    String value = server.get("/metadata/write?nonce=n2").cookieValue(NAME);
    String after = server.get("/metadata/put", "Cookie: " + NAME + "=" + value).cookieValue(NAME);
    assertEquals("{\"$tracker\":{\"csrf\":\"n2\"},\"a\":1}", content(after).toString());
    assertEquals("n2", server.get("/metadata/read", "Cookie: " + NAME + "=" + after).body());
  }
}
