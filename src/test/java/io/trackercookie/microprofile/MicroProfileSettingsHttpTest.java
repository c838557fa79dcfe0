package io.trackercookie.microprofile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerFeature;
import io.trackercookie.TrackerSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MicroProfile Config as a source of the no-arg feature's settings, read after the JAX-RS
 * properties: a runtime's Config (here a map behind MicroProfile's own resolver API) sets the
 * password and the cookie's Max-Age.
 */
class MicroProfileSettingsHttpTest {

  @Path("/")
  public static final class Resource {
    @GET
    public String write(@Context Tracker tracker) {
      tracker.put("color", "blue");
      return "written";
    }
  }

  @AfterEach
  void forgetTheConfig() {
    ConfigProviderResolver.setInstance(null);
  }

  @Test
  void microProfileConfig_setsThePasswordAndMaxAge_ofTheNoArgFeature() {
    ConfigProviderResolver.setInstance(
        new MapResolver(
            Map.of(
                TrackerSettings.PASSWORD,
                TestConfigs.PASSWORD,
                TrackerSettings.COOKIE_MAX_AGE,
                "PT2H")));
    try (TestServer server =
        new TestServer(() -> new ResourceConfig(Resource.class).register(TrackerFeature.class))) {
      RawHttp.Response written = server.get("/");
      assertEquals(200, written.status());
      assertEquals(1, written.setCookies().size(), "one Set-Cookie: " + written.setCookies());
      assertTrue(written.setCookies().get(0).contains("Max-Age=7200"), written.setCookies().get(0));
    }
  }

  @Test
  void aJaxRsProperty_winsOverMicroProfileConfig() {
    ConfigProviderResolver.setInstance(
        new MapResolver(
            Map.of(
                TrackerSettings.PASSWORD,
                TestConfigs.PASSWORD,
                TrackerSettings.COOKIE_NAME,
                "from-microprofile")));
    try (TestServer server =
        new TestServer(
            () ->
                new ResourceConfig(Resource.class)
                    .register(TrackerFeature.class)
                    .property(TrackerSettings.COOKIE_NAME, "from-property"))) {
      List<String> cookies = server.get("/").setCookies();
      assertEquals(1, cookies.size(), "one Set-Cookie: " + cookies);
      assertTrue(cookies.get(0).startsWith("from-property="), cookies.get(0));
    }
  }

  @Test
  void withoutAConfigImplementation_theSourceIsAbsent() {
    assertNull(MicroProfileSettingSource.current());
  }

  /** MicroProfile's resolver SPI over a map: the least a runtime's Config does. */
  private static final class MapResolver extends ConfigProviderResolver {
    private final Config config;

    MapResolver(Map<String, String> values) {
      this.config = new MapConfig(values);
    }

    @Override
    public Config getConfig() {
      return config;
    }

    @Override
    public Config getConfig(ClassLoader loader) {
      return config;
    }

    @Override
    public ConfigBuilder getBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void releaseConfig(Config config) {}
  }

  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new IllegalArgumentException(type.getName());
    }
  }
}
