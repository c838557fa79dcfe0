package io.trackercookie;

import io.trackercookie.internal.EngineFactory;
import io.trackercookie.internal.TrackerSupport;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Adds the tracker cookie to a Jakarta REST application.
 *
 * <pre>{@code
 * ResourceConfig app = new ResourceConfig(MyResource.class)
 *     .register(new TrackerFeature(TrackerConfig.builder()
 *         .password(System.getenv("TRACKER_PASSWORD")).build()));
 * }</pre>
 *
 * <p>With the no-arg constructor (e.g. discovered on a Jakarta EE server) the options are read by
 * {@link TrackerSettings#read} from the application's JAX-RS properties, then system properties,
 * then environment variables; a missing or short password stops start-up with a message naming the
 * setting.
 */
public final class TrackerFeature implements Feature {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final TrackerConfig config;

  /** Configured from properties and the environment when the application starts. */
  public TrackerFeature() {
    this.config = null;
  }

  public TrackerFeature(TrackerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public boolean configure(FeatureContext context) {
    TrackerConfig effective = config != null ? config : fromEnvironment(context.getConfiguration());
    TrackerSupport.register(context, EngineFactory.create(effective));
    return true;
  }

  private static TrackerConfig fromEnvironment(Configuration configuration) {
    Set<String> properties = new HashSet<>(configuration.getPropertyNames());
    properties.addAll(System.getProperties().stringPropertyNames());
    for (String warning :
        TrackerSettings.unknownNameWarnings(properties, System.getenv().keySet())) {
      LOG.warning(warning);
    }
    return TrackerSettings.read(
        name -> {
          Object property = configuration.getProperty(name);
          if (property != null) {
            return property.toString();
          }
          String system = System.getProperty(name);
          return system != null ? system : System.getenv(TrackerSettings.environmentName(name));
        });
  }
}
