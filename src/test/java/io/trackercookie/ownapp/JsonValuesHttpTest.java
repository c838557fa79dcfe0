package io.trackercookie.ownapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trackercookie.JsonOptions;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.UnknownTrackerKeyException;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * java.time values and records go into the tracker and come back typed with no mapper of the
 * application's; typed reads ignore unknown keys whatever mapper is used, unless reads are strict.
 */
class JsonValuesHttpTest {

  private static final String NAME = "persistent-information";

  /** An application's mapper as many are: java.time on, unknown properties refused. */
  @Provider
  public static final class StrictAppMapper implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return mapper;
    }
  }

  private static ResourceConfig app(TrackerConfig config) {
    return new ResourceConfig(OwnAppResource.class).register(new TrackerFeature(config));
  }

  private static String cookie(RawHttp.Response response) {
    String value = response.cookieValue(NAME);
    assertTrue(value != null, "a cookie was set: " + response.setCookies());
    return "Cookie: " + NAME + "=" + value;
  }

  @Test
  void instantLocalDateDurationAndRecord_areWrittenAsIsoText_andReadBackTyped() {
    try (TestServer server = new TestServer(() -> app(TestConfigs.builder().build()))) {
      RawHttp.Response put = server.get("/time/put");
      assertEquals(200, put.status(), put.body());
      String json = TestConfigs.unseal(put.cookieValue(NAME));
      // As Node's JSON.stringify writes a Date: three fraction digits, Z.
      assertTrue(json.contains("2026-12-07T19:00:00.000Z"), json);
      assertTrue(json.contains("2026-12-07T19:00:00.123456Z"), "finer values keep digits: " + json);
      assertTrue(json.contains("2026-12-07\\\""), json);
      assertTrue(json.contains("PT30M"), json);
      assertEquals("equal", server.get("/time/get", cookie(put)).body());
    }
  }

  @Test
  void anApplicationMapperThatRefusesUnknownProperties_stillReadsForgivingly() {
    try (TestServer server =
        new TestServer(() -> app(TestConfigs.builder().build()).register(StrictAppMapper.class))) {
      String cookie = cookie(server.get("/visit/set?extra=theme"));
      RawHttp.Response read = server.get("/visit/as", cookie);
      assertEquals(200, read.status(), read.body());
      assertEquals("Visit[lastPath=/p, count=2]", read.body());
      RawHttp.Response time = server.get("/time/get", cookie(server.get("/time/put")));
      assertEquals("equal", time.body(), "the application's mapper writes and reads java.time");
    }
  }

  @Test
  void anObjectMapperGivenInTheConfig_isUsed_aheadOfTheApplicationsResolver() {
    ObjectMapper snake =
        new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    TrackerConfig config =
        TestConfigs.builder().json(JsonOptions.builder().objectMapper(snake).build()).build();
    try (TestServer server = new TestServer(() -> app(config).register(StrictAppMapper.class))) {
      RawHttp.Response put = server.get("/visit/set?extra=theme");
      RawHttp.Response read = server.get("/visit/as", cookie(put));
      // The snake-case mapper reads last_path: the key lastPath is unknown to it, and ignored
      // although that mapper refuses unknown properties (Jackson's default); the resolver, had it
      // been used, would have read it.
      assertEquals(200, read.status(), read.body());
      assertEquals("Visit[lastPath=null, count=2]", read.body());
      // The given mapper has no java.time module: an Instant is refused by it, as configured.
      RawHttp.Response time = server.get("/time/put");
      assertEquals(500, time.status(), "the given mapper is used as it is");
    }
  }

  @Test
  void strictReads_refuseAnUnknownKey_withA400ProblemNamingNeitherTypeNorValue() {
    TrackerConfig config =
        TestConfigs.builder().json(JsonOptions.builder().strictReads(true).build()).build();
    try (TestServer server = new TestServer(() -> app(config))) {
      String exact = cookie(server.get("/visit/set"));
      assertEquals("Visit[lastPath=/p, count=2]", server.get("/visit/as", exact).body());
      String extra = cookie(server.get("/visit/set?extra=theme"));
      RawHttp.Response refused = server.get("/visit/as", extra);
      assertEquals(400, refused.status());
      assertEquals("application/problem+json", refused.header("Content-Type").get(0).split(";")[0]);
      assertTrue(refused.body().contains(UnknownTrackerKeyException.PROBLEM_TYPE), refused.body());
      assertFalse(refused.body().contains("Visit"), refused.body());
      assertFalse(refused.body().contains("other part"), refused.body());
      assertEquals(
          "The tracked key at $.theme is not a property of"
              + " io.trackercookie.ownapp.OwnAppResource$Visit (strict reads refuse unknown keys)",
          server.get("/visit/as-or-message", extra).body());
    }
  }
}
