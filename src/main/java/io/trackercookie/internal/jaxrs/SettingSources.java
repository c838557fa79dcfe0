package io.trackercookie.internal.jaxrs;

import io.trackercookie.settings.SettingNames;
import jakarta.ws.rs.core.Configuration;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where {@code new TrackerFeature()} reads its settings, first found wins: the application's JAX-RS
 * properties, system properties, environment variables (by this library's rule, {@code
 * TRACKER_COOKIE_MAX_AGE}, then by MicroProfile's, {@code TRACKER_COOKIE_MAXAGE}), then
 * MicroProfile Config where it is on the class path (its files, a runtime's own configuration).
 * docs/configuration.md states the same order.
 */
public final class SettingSources {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  /** MicroProfile Config's glue: a class only it has, and the source made from it. */
  static final String[] MICROPROFILE_GLUE = {
    "org.eclipse.microprofile.config.ConfigProvider",
    "io.trackercookie.microprofile.MicroProfileSettingSource"
  };

  private final Configuration configuration;
  private final SettingSource microProfile; // null without MicroProfile Config

  private SettingSources(Configuration configuration, SettingSource microProfile) {
    this.configuration = configuration;
    this.microProfile = microProfile;
  }

  /** The sources of the application with this JAX-RS configuration. */
  public static SettingSources of(Configuration configuration) {
    return new SettingSources(configuration, microProfile());
  }

  /** The sources outside any JAX-RS application: system properties, environment, MicroProfile. */
  public static SettingSources withoutApplication() {
    return new SettingSources(null, microProfile());
  }

  /** The setting's value from the first source that sets it, or null. */
  public String value(String name) {
    Object property = configuration == null ? null : configuration.getProperty(name);
    if (property != null) {
      return property.toString();
    }
    String system = System.getProperty(name);
    if (system != null) {
      return system;
    }
    String environment = System.getenv(SettingNames.environmentName(name));
    if (environment != null) {
      return environment;
    }
    environment = System.getenv(SettingNames.microProfileEnvironmentName(name));
    if (environment != null) {
      return environment;
    }
    return microProfile != null ? microProfile.value(name) : null;
  }

  /** The property names of every source but the environment, for the misspelling warnings. */
  public Set<String> propertyNames() {
    Set<String> names = new TreeSet<>();
    if (configuration != null) {
      names.addAll(configuration.getPropertyNames());
    }
    names.addAll(System.getProperties().stringPropertyNames());
    if (microProfile != null) {
      for (String name : microProfile.names()) {
        names.add(name);
      }
    }
    return names;
  }

  /** The environment's variable names, for the misspelling warnings. */
  public Set<String> environmentNames() {
    return System.getenv().keySet();
  }

  /** Whether some source names a password, so that a tracker can be configured from them. */
  public boolean namePassword() {
    return value(SettingNames.PASSWORD) != null
        || value(SettingNames.PASSWORD_FILE) != null
        || value(SettingNames.PASSWORD_DIR) != null;
  }

  private static SettingSource microProfile() {
    ClassLoader loader = SettingSources.class.getClassLoader();
    try {
      Class.forName(MICROPROFILE_GLUE[0], false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null; // no MicroProfile Config
    }
    try {
      return (SettingSource)
          Class.forName(MICROPROFILE_GLUE[1], true, loader).getMethod("current").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(
          Level.WARNING,
          MICROPROFILE_GLUE[0] + " is present but " + MICROPROFILE_GLUE[1] + " failed",
          e);
      return null;
    }
  }
}
