package io.trackercookie;

import io.trackercookie.internal.engine.EngineFactory;
import io.trackercookie.internal.engine.TrackerEngine;
import io.trackercookie.internal.jaxrs.FeatureRegistration;
import io.trackercookie.internal.jaxrs.SettingSources;
import io.trackercookie.settings.SettingNames;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.Objects;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

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
 * then environment variables (by this library's name and by MicroProfile's), then MicroProfile
 * Config where it is on the class path; a missing or short password stops start-up with a message
 * naming the setting. An application that registers its providers by scanning gets this feature
 * without registering it, configured the same way.
 */
public final class TrackerFeature implements Feature {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final @Nullable TrackerConfig config; // null: read from the settings in configure
  private volatile @Nullable TrackerEngine engine; // the last configure's; null before it

  /** Configured from properties and the environment when the application starts. */
  public TrackerFeature() {
    this.config = null;
  }

  /** Configured with {@code config}; the settings are not read. */
  public TrackerFeature(TrackerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Registers the tracker's filters and injection with the application; called by the JAX-RS
   * runtime. With the no-arg constructor, reads the settings first.
   *
   * @return true: the feature is always enabled
   * @throws IllegalStateException as {@link TrackerSettings#read} throws, when the settings are
   *     read here; or if the Redis revocation store cannot be loaded
   * @throws IllegalArgumentException as {@link TrackerSettings#read} throws, when the settings are
   *     read here
   */
  @Override
  public boolean configure(FeatureContext context) {
    TrackerConfig effective = config != null ? config : fromEnvironment(context.getConfiguration());
    TrackerEngine created = EngineFactory.create(effective);
    FeatureRegistration.register(context, created);
    engine = created;
    return true;
  }

  /**
   * The configuration in force: the one given to the constructor, or, with the no-arg constructor,
   * the one read when the application started (for a test kit of the running application, {@code
   * TrackerTestKit.of(feature)}).
   *
   * @throws IllegalStateException if the no-arg feature has not been configured yet
   */
  public TrackerConfig config() {
    if (config != null) {
      return config;
    }
    TrackerEngine current = engine;
    if (current == null) {
      throw new IllegalStateException("The application has not configured this TrackerFeature yet");
    }
    return current.config();
  }

  /**
   * The application's {@link Revocations}, for log-out-everywhere from outside a request (an admin
   * action); inside one, {@code @Context Revocations} gives the same.
   *
   * @throws IllegalStateException if the application has not started yet or revocation is off
   */
  public Revocations revocations() {
    TrackerEngine current = engine;
    if (current == null) {
      throw new IllegalStateException("The application has not configured this TrackerFeature yet");
    }
    Revocations revocations = current.revocations();
    if (revocations == null) {
      throw new IllegalStateException(
          "Revocation is off: set "
              + SettingNames.describe(SettingNames.REVOCATION_STORE)
              + " or TrackerConfig.Builder.revocation");
    }
    return revocations;
  }

  private static TrackerConfig fromEnvironment(Configuration configuration) {
    return settingsBuilder(SettingSources.of(configuration)).build();
  }

  /** {@link TrackerSettings#builder()}: the sources outside an application, warned about alike. */
  static TrackerConfig.Builder settingsBuilder() {
    return settingsBuilder(SettingSources.withoutApplication());
  }

  private static TrackerConfig.Builder settingsBuilder(SettingSources sources) {
    for (String warning :
        TrackerSettings.unknownNameWarnings(sources.propertyNames(), sources.environmentNames())) {
      LOG.warning(warning);
    }
    return TrackerSettings.builder(sources::value);
  }
}
