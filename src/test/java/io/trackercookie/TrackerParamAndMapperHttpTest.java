package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

class TrackerParamAndMapperHttpTest {

  private static final String NAME = "persistent-information";

  /** An application ObjectMapper that writes snake_case: visible in the sealed JSON. */
  @Provider
  public static final class SnakeCaseMapper implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper =
        new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return mapper;
    }
  }

  private static ResourceConfig app(boolean snakeCase) {
    ResourceConfig app =
        TestConfigs.app(TestConfigs.builder().build()).register(TrackerParamResource.class);
    return snakeCase ? app.register(SnakeCaseMapper.class) : app;
  }

  @Test
  void cookieParam_givesTheTrackedDataAsATypedParameter() throws Exception {
    try (TestServer server = new TestServer(() -> app(false))) {
      String value = server.get("/visit/set?path=/p&count=2").cookieValue(NAME);
      RawHttp.Response response = server.get("/param/visit", "Cookie: " + NAME + "=" + value);
      assertEquals(200, response.status());
      assertEquals("{\"lastPath\":\"/p\",\"count\":2}", response.body());
      assertEquals(
          "{\"lastPath\":\"/p\",\"count\":2}",
          server.get("/param/map", "Cookie: " + NAME + "=" + value).body());
    }
  }

  @Test
  void cookieParam_isNullWhenTheCookieIsAbsentOrInvalid_neverAnError() throws Exception {
    try (TestServer server = new TestServer(() -> app(false))) {
      assertEquals("null", server.get("/param/visit").body());
      RawHttp.Response invalid = server.get("/param/visit", "Cookie: " + NAME + "=garbage");
      assertEquals(200, invalid.status());
      assertEquals("null", invalid.body());
      String other = server.get("/put?k=count&v=not-a-number").cookieValue(NAME);
      RawHttp.Response unconvertible = server.get("/param/visit", "Cookie: " + NAME + "=" + other);
      assertEquals(200, unconvertible.status());
      assertEquals("null", unconvertible.body(), "a value of the wrong type does not convert");
    }
  }

  @Test
  void cookieParam_readsTheRawHeaderByTheTrackersRules_firstValidWins() throws Exception {
    try (TestServer server = new TestServer(() -> app(false))) {
      String value = server.get("/visit/set?path=/first&count=1").cookieValue(NAME);
      String second = server.get("/visit/set?path=/second&count=2").cookieValue(NAME);
      assertEquals(
          "{\"lastPath\":\"/first\",\"count\":1}",
          server
              .get("/param/visit", "Cookie: " + NAME + "=" + value + "; " + NAME + "=" + second)
              .body());
    }
  }

  @Test
  void cookieParam_withAVersionAttributeThatBreaksStrictParsers_isStillNoError() throws Exception {
    try (TestServer server = new TestServer(() -> app(false))) {
      String value = server.get("/visit/set?path=/v&count=1").cookieValue(NAME);
      RawHttp.Response response =
          server.get("/param/visit", "Cookie: $Version=x; " + NAME + "=" + value);
      assertEquals(200, response.status());
      assertEquals("{\"lastPath\":\"/v\",\"count\":1}", response.body());
    }
  }

  @Test
  void applicationsObjectMapper_isUsedForTypedWritesAndReads() throws Exception {
    try (TestServer server = new TestServer(() -> app(true))) {
      String value = server.get("/visit/put-typed").cookieValue(NAME);
      // Written through the application's mapper: snake_case keys in the cookie.
      assertEquals(
          "\"{\\\"visit\\\":{\\\"last_path\\\":\\\"/typed\\\",\\\"count\\\":7}}\"",
          TestConfigs.unseal(value));
      // Read back through it too: the default mapper would fail on last_path (and answer 500).
      assertEquals(
          "{\"lastPath\":\"/typed\",\"count\":7}",
          server.get("/visit/typed", "Cookie: " + NAME + "=" + value).body());
      String set = server.get("/visit/set?path=/s&count=1").cookieValue(NAME);
      assertEquals("\"{\\\"last_path\\\":\\\"/s\\\",\\\"count\\\":1}\"", TestConfigs.unseal(set));
      assertEquals(
          "{\"lastPath\":\"/s\",\"count\":1}",
          server.get("/param/visit", "Cookie: " + NAME + "=" + set).body());
    }
  }
}
