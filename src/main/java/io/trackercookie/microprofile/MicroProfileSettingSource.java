package io.trackercookie.microprofile;

import io.trackercookie.internal.jaxrs.SettingSource;
import java.util.ServiceConfigurationError;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jspecify.annotations.Nullable;

/**
 * The tracker's settings from MicroProfile Config: {@code microprofile-config.properties},
 * Quarkus's {@code application.properties}, Open Liberty's {@code server.xml} variables, Helidon's
 * configuration, and whatever else the runtime's Config holds. Loaded by name, only where the
 * MicroProfile Config API is on the class path.
 */
public final class MicroProfileSettingSource implements SettingSource {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final Config config;

  private MicroProfileSettingSource(Config config) {
    this.config = config;
  }

  /**
   * The application's Config as a source, or null when the API is there without an implementation
   * (logged at FINE: nothing configured there can be missed).
   */
  public static @Nullable SettingSource current() {
    try {
      return new MicroProfileSettingSource(ConfigProvider.getConfig());
    } catch (IllegalStateException | ServiceConfigurationError | LinkageError e) {
      LOG.log(Level.FINE, "MicroProfile Config's API is present but no Config is: not read");
      return null;
    }
  }

  @Override
  public @Nullable String value(String name) {
    return config.getOptionalValue(name, String.class).orElse(null);
  }

  @Override
  public Iterable<String> names() {
    return config.getPropertyNames();
  }
}
