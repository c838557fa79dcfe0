package io.trackercookie.internal;

import jakarta.ws.rs.core.FeatureContext;
import java.util.logging.Level;

/** Registers the tracker's providers; what {@code TrackerFeature.configure} does. */
public final class TrackerSupport {

  private static final String JERSEY_BINDER_BASE = "org.glassfish.jersey.internal.inject.AbstractBinder";
  private static final String JERSEY_GLUE = "io.trackercookie.jersey.TrackerBinder";

  private TrackerSupport() {}

  /**
   * Registers the filter pair and the ParamConverterProvider, and, when Jersey is on the class
   * path, the glue that makes {@code @Context Tracker} injectable.
   */
  public static void register(FeatureContext context, TrackerRuntime runtime) {
    if (runtime.config().insecureLoopbackForDevelopment()) {
      TrackerRuntime.LOG.warning("Tracker cookie: insecureLoopbackForDevelopment is on; Secure is"
          + " omitted for plain-http requests to loopback hosts. Never use this in production.");
    }
    context.register(new TrackerRequestFilter(runtime));
    context.register(new TrackerResponseFilter(runtime));
    context.register(new TrackerParamConverterProvider(runtime));
    registerJerseyGlue(context);
  }

  private static void registerJerseyGlue(FeatureContext context) {
    ClassLoader loader = TrackerSupport.class.getClassLoader();
    try {
      Class.forName(JERSEY_BINDER_BASE, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return; // another runtime: the Tracker is reachable through the request property
    }
    try {
      context.register(Class.forName(JERSEY_GLUE, true, loader).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError e) {
      TrackerRuntime.LOG.log(Level.WARNING, "Jersey is present but @Context Tracker could not be enabled", e);
    }
  }
}
