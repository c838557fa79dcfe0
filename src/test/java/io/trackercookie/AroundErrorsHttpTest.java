package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the tracker does around errors and unusual requests, as docs/design.md describes it: a
 * change is sealed whenever the application's response is written (a 4xx, a mapped exception, an
 * async resume), and dropped when no response of the application's is (an unmapped exception). Also
 * what HEAD and OPTIONS do, when a bad legacy cookie goes, what forged copies of the cookie do, and
 * a number JSON cannot carry.
 */
class AroundErrorsHttpTest {

  private static final String NAME = "persistent-information";
  private static final String LEGACY_SECRET = "a-legacy-cookie-sessions-secret";
  private static final List<RejectionReason> REASONS = new CopyOnWriteArrayList<>();
  private static TestServer server;

  /** An application error with a mapper of its own. */
  static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Maps {@link Conflict} to 409. */
  public static final class ConflictMapper implements ExceptionMapper<Conflict> {
    @Override
    public Response toResponse(Conflict e) {
      return Response.status(409).entity("conflict").build();
    }
  }

  /** Each endpoint changes the tracker, then ends in its own way. */
  @Path("/")
  public static class ErrorsResource {
    @GET
    @Path("mapped")
    public String mapped(@Context Tracker tracker) {
      tracker.put("step", "mapped");
      throw new Conflict();
    }

    @GET
    @Path("client-error")
    public Response clientError(@Context Tracker tracker) {
      tracker.put("step", "400");
      return Response.status(400).entity("bad request").build();
    }

    @GET
    @Path("forbidden")
    public String forbidden(@Context Tracker tracker) {
      tracker.put("step", "403");
      throw new jakarta.ws.rs.WebApplicationException(403);
    }

    @GET
    @Path("unmapped")
    public String unmapped(@Context Tracker tracker) {
      tracker.put("step", "unmapped");
      throw new IllegalStateException("a bug in the application");
    }

    @GET
    @Path("async")
    public void async(@Context Tracker tracker, @Suspended AsyncResponse response) {
      Thread worker =
          new Thread(
              () -> {
                tracker.put("step", "async");
                response.resume("resumed");
              });
      worker.start();
    }

    @GET
    @Path("put")
    public String put(@Context Tracker tracker) {
      tracker.put("step", "put");
      return "ok";
    }

    @GET
    @Path("read")
    public String read(@Context Tracker tracker) {
      return tracker.asMap().toString();
    }

    @GET
    @Path("infinity")
    public String infinity(@Context Tracker tracker) {
      for (Object value :
          new Object[] {
            Double.POSITIVE_INFINITY, Double.NaN, new java.math.BigDecimal("1e400"),
          }) {
        try {
          tracker.put("n", value);
          return "stored " + value;
        } catch (IllegalArgumentException expected) {
          // refused, as it must be
        }
      }
      return "refused " + tracker.containsKey("n");
    }
  }

  @BeforeAll
  static void start() {
    TrackerConfig config =
        TestConfigs.builder()
            .legacySecret(LEGACY_SECRET)
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieRejected(RejectionReason reason) {
                    REASONS.add(reason);
                  }
                })
            .build();
    server =
        new TestServer(
            () ->
                new ResourceConfig(ErrorsResource.class, ConflictMapper.class)
                    .register(new TrackerFeature(config)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    REASONS.clear();
  }

  private static String stepIn(RawHttp.Response response) {
    String value = response.cookieValue(NAME);
    assertNotNull(value, "the change is sealed: " + response.setCookies());
    return TestConfigs.unseal(value);
  }

  @Test
  void aChangeThenAMappedException_isSealedIntoTheMappedResponse() {
    RawHttp.Response response = server.get("/mapped");
    assertEquals(409, response.status());
    assertTrue(stepIn(response).contains("mapped"));
  }

  @Test
  void aChangeThenA4xxResponse_isSealed() {
    RawHttp.Response response = server.get("/client-error");
    assertEquals(400, response.status());
    assertTrue(stepIn(response).contains("400"));
  }

  @Test
  void aChangeThenAWebApplicationException_isSealedIntoItsResponse() {
    RawHttp.Response response = server.get("/forbidden");
    assertEquals(403, response.status());
    assertTrue(stepIn(response).contains("403"));
  }

  @Test
  void aChangeThenAnUnmappedException_isDropped_withThe500() {
    RawHttp.Response response = server.get("/unmapped");
    assertEquals(500, response.status());
    assertTrue(response.setCookies().isEmpty(), response.setCookies().toString());
  }

  @Test
  void aChangeFromAnAsyncResponseThread_isSealedWhenItResumes() {
    RawHttp.Response response = server.get("/async");
    assertEquals(200, response.status());
    assertEquals("resumed", response.body());
    assertTrue(stepIn(response).contains("async"));
  }

  @Test
  void head_behavesAsGet_andOptionsSendsNoCookie() {
    RawHttp.Response head = RawHttp.request(server.base(), "HEAD", "/put");
    assertEquals(200, head.status());
    assertTrue(stepIn(head).contains("put"), "HEAD runs the GET method");
    RawHttp.Response options = RawHttp.request(server.base(), "OPTIONS", "/put");
    assertEquals(200, options.status());
    assertTrue(options.setCookies().isEmpty(), options.setCookies().toString());
  }

  @Test
  void aBadLegacyCookie_isDeletedOnlyWhenTheTrackerIsWritten() {
    String bad = "Cookie: _node=" + "0".repeat(40) + "1700000000000" + "ab".repeat(16);
    RawHttp.Response read = server.get("/read", bad);
    assertEquals("{}", read.body());
    assertTrue(read.setCookies().isEmpty(), "a read writes nothing");
    assertFalse(REASONS.isEmpty(), "the refusal is reported");
    RawHttp.Response write = server.get("/put", bad);
    assertTrue(
        write.setCookies().stream().anyMatch(line -> line.startsWith("_node=; Max-Age=0")),
        write.setCookies().toString());
  }

  @Test
  void eightForgedCopiesAheadOfTheRealCookie_readAsEmpty_sevenDoNot() {
    String real = server.get("/put").cookieValue(NAME);
    String forged = TestConfigs.seal(TestConfigs.OTHER_PASSWORD, "\"{}\"");
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pairs.add(NAME + "=" + forged);
    }
    pairs.add(NAME + "=" + real);
    assertEquals(
        "{}",
        server.get("/read", "Cookie: " + String.join("; ", pairs)).body(),
        "a sibling subdomain can toss eight cookies ahead of the real one");
    pairs.remove(0);
    assertEquals("{step=put}", server.get("/read", "Cookie: " + String.join("; ", pairs)).body());
  }

  @Test
  void aSealHoldingANumberPastTheRangeOfADouble_readsAsEmpty_asInvalidJson() {
    for (String text : new String[] {"{\"n\":1e999999}", "\"{\\\"n\\\":-1e400}\""}) {
      REASONS.clear();
      String cookie = TestConfigs.seal(TestConfigs.PASSWORD, text);
      RawHttp.Response read = server.get("/read", "Cookie: " + NAME + "=" + cookie);
      assertEquals("{}", read.body(), text);
      assertEquals(List.of(RejectionReason.INVALID_JSON), REASONS, text);
      assertNull(read.cookieValue(NAME), "never rewritten as another value");
    }
    String fine = TestConfigs.seal(TestConfigs.PASSWORD, "{\"n\":1e308}");
    assertEquals("{n=1.0E308}", server.get("/read", "Cookie: " + NAME + "=" + fine).body());
  }

  @Test
  void puttingNaNOrInfinity_isRefused_andTheTrackerKeepsNoSuchValue() {
    RawHttp.Response response = server.get("/infinity");
    assertEquals(200, response.status());
    assertEquals("refused false", response.body());
    assertTrue(response.setCookies().isEmpty());
  }
}
