package io.trackercookie.jersey;

import io.trackercookie.TrackerFeature;
import io.trackercookie.internal.jaxrs.FeatureRegistration;
import io.trackercookie.internal.jaxrs.SettingSources;
import jakarta.ws.rs.core.FeatureContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Sets up the tracker for a Jersey application that did not register {@link TrackerFeature} but
 * names a password in its settings (an application that finds its classes by package scanning), and
 * otherwise makes a forgotten feature say so. Jersey runs this for every application (it is listed
 * in {@code META-INF/services}); when the application has not registered the feature and its
 * settings name no password, it binds {@code @Context Tracker} anyway, to a lookup that finds no
 * Tracker on the request and throws {@code IllegalStateException}: "No Tracker on this request:
 * register io.trackercookie.TrackerFeature with the application". Without it, Jersey answers such
 * an injection with an HK2 "Could not find a suitable constructor" error that does not name the
 * feature. When the feature is registered, this does nothing; the binding is the feature's.
 *
 * <p>Jersey 3 and Jersey 4 alike: the binding is made with the binder API of the Jersey present,
 * loaded by name.
 */
public final class TrackerAutoDiscoverable implements ForcedAutoDiscoverable {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  /** For each Jersey, a class only it has and its binder of the {@code @Context Tracker} lookup. */
  private static final String[][] BINDERS = {
    {
      "org.glassfish.jersey.internal.inject.AbstractBinder", "io.trackercookie.jersey.TrackerBinder"
    },
    {"org.glassfish.jersey.inject.hk2.AbstractBinder", "io.trackercookie.hk2.TrackerHk2Binder"},
  };

  @Override
  public void configure(FeatureContext context) {
    if (context.getConfiguration().isRegistered(TrackerFeature.class)
        || context.getConfiguration().getProperty(FeatureRegistration.ENGINE_PROPERTY) != null) {
      return;
    }
    if (SettingSources.of(context.getConfiguration()).namePassword()) {
      // An application found by package scanning, with the tracker in its settings: set it up.
      new TrackerFeature().configure(context);
      return;
    }
    ClassLoader loader = TrackerAutoDiscoverable.class.getClassLoader();
    for (String[] binder : BINDERS) {
      try {
        Class.forName(binder[0], false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // not this Jersey
      }
      try {
        context.register(
            Class.forName(binder[1], true, loader).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException | LinkageError e) {
        LOG.log(Level.FINE, "Could not bind @Context Tracker to its missing-feature message", e);
      }
      return;
    }
  }
}
