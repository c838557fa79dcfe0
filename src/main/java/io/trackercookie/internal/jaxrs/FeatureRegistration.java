package io.trackercookie.internal.jaxrs;

import io.trackercookie.internal.engine.TrackerEngine;
import io.trackercookie.keys.PasswordWatcher;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.ref.WeakReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What {@code TrackerFeature.configure} does with the engine: registers the filter pair and the
 * ParamConverterProvider, the problem mappers the application does not replace, the cross-site
 * filter when that protection is on, the SecurityContext filter when sign-in is on (and publishes
 * the engine for {@code ContainerCallers}), the injection glue of each runtime found on the class
 * path (by name, so no runtime is needed to load this class), the revocation property and its glue,
 * and starts the password files' watcher. Logs the start-up warnings.
 */
public final class FeatureRegistration {

  private static final Logger LOG = Logger.getLogger("io.trackercookie");

  /**
   * Injection glue per runtime: a class only that runtime has, and the glue registered when it is
   * present. Every match is registered (Jersey 3 and 4 never both match).
   */
  static final String[][] GLUE = {
    // Jersey 3.x: its own binder API.
    {
      "org.glassfish.jersey.internal.inject.AbstractBinder", "io.trackercookie.jersey.TrackerBinder"
    },
    // Jersey 4: that API moved; HK2's own binder still works.
    {"org.glassfish.jersey.inject.hk2.AbstractBinder", "io.trackercookie.hk2.TrackerHk2Binder"},
    {"org.jboss.resteasy.spi.ContextInjector", "io.trackercookie.resteasy.TrackerContextInjector"},
    {"org.apache.cxf.jaxrs.ext.ContextProvider", "io.trackercookie.cxf.TrackerContextProvider"},
  };

  /**
   * CXF's view of a signed-in request's SecurityContext, for its {@code @RolesAllowed} checks;
   * registered only with sign-in on.
   */
  static final String[] CXF_SECURITY_GLUE = {
    "org.apache.cxf.security.SecurityContext", "io.trackercookie.cxf.SignedInCxfSecurityFilter"
  };

  /** Jersey's shutdown hook, which closes the revocation store (Jersey 3 and 4 alike). */
  static final String[] REVOCATION_GLUE = {
    "org.glassfish.jersey.server.spi.ContainerLifecycleListener",
    "io.trackercookie.jersey.RevocationsLifecycle"
  };

  /**
   * CXF's {@code @Context Revocations}, given the application's Revocations: CXF's {@code @Context
   * Configuration} does not carry the property a feature sets.
   */
  static final String[] CXF_REVOCATIONS_GLUE = {
    "org.apache.cxf.jaxrs.ext.ContextProvider", "io.trackercookie.cxf.RevocationsContextProvider"
  };

  /**
   * CDI's {@code @Inject Tracker}: where CDI's API is present, the filter that hands each request's
   * Tracker to the request-scoped producer, made by {@code forApplication}, which says itself why
   * it makes none.
   */
  static final String[] CDI_GLUE = {
    "jakarta.enterprise.inject.spi.CDI", "io.trackercookie.cdi.CdiRequestBridge"
  };

  /** The configuration property holding the engine that the feature configured. */
  public static final String ENGINE_PROPERTY = "io.trackercookie.internal.TrackerEngine";

  /**
   * The engine configured last in this class loader: for the scanned converter on runtimes whose
   * providers are not given the application's configuration. Weak, so it never outlives the
   * application.
   */
  private static volatile WeakReference<TrackerEngine> latest = new WeakReference<>(null);

  private FeatureRegistration() {}

  /** The engine configured for the application whose configuration this is, or null. */
  static TrackerEngine engineOf(Configuration configuration) {
    try {
      if (configuration != null
          && configuration.getProperty(ENGINE_PROPERTY) instanceof TrackerEngine engine) {
        return engine;
      }
    } catch (RuntimeException e) {
      // Quarkus injects a Configuration that works only inside a request; outside it throws.
    }
    return null;
  }

  /**
   * The engine configured for the application whose configuration this is, else the one configured
   * last in this class loader, else null.
   */
  static TrackerEngine configuredEngine(Configuration configuration) {
    TrackerEngine engine = engineOf(configuration);
    return engine != null ? engine : latest.get();
  }

  /**
   * Registers the filter pair and the ParamConverterProvider, and, for each runtime found on the
   * class path (Jersey 3 or 4, RESTEasy, CXF), the glue that makes {@code @Context Tracker}
   * injectable.
   */
  public static void register(FeatureContext context, TrackerEngine engine) {
    if (engine.config().insecureLoopbackForDevelopment()) {
      LOG.warning(
          "Tracker cookie: insecureLoopbackForDevelopment is on; Secure is"
              + " omitted for plain-http requests to loopback hosts. Never use this in production.");
    }
    StartupChecks.log(engine.config());
    context.register(new TrackerRequestFilter(engine));
    context.register(new TrackerResponseFilter(engine));
    // Which engine this application configured: the scanned providers read it, and a scanned
    // feature that finds it does nothing.
    context.property(ENGINE_PROPERTY, engine);
    latest = new WeakReference<>(engine);
    if (!context.getConfiguration().isRegistered(ScannedParamConverterProvider.class)) {
      context.register(new TrackerParamConverterProvider(engine));
    }
    context.register(new RecentSignInFeature(engine.config().signIn().isPresent()));
    engine
        .config()
        .signIn()
        .ifPresent(
            signIn -> {
              context.register(new SignedInSecurityContextFilter(signIn));
              // For a container's own authentication, which runs before JAX-RS.
              ContainerCallers.publish(engine, signIn);
              registerGlue(context, CXF_SECURITY_GLUE);
            });
    ProblemMappers.register(context);
    if (engine.config().crossSite().enabled()) {
      context.register(new CrossSiteFilter(engine));
    }
    registerGlue(context);
    if (!present(GLUE[0][0]) && !present(GLUE[1][0])) {
      // Only Jersey's glue supplies @TrackerValue parameters; elsewhere one stops the start.
      context.register(new TrackerValueCheck());
    }
    registerCdiBridge(context, engine.revocations());
    if (engine.revocations() != null) {
      // Revocations.from(Configuration) and @Context Revocations read it from here.
      context.property(io.trackercookie.Revocations.PROPERTY, engine.revocations());
      registerGlue(context, REVOCATION_GLUE);
      registerCxfRevocations(context, engine.revocations());
    }
    engine.passwordWatcher().ifPresent(watcher -> watch(context, watcher));
  }

  /** Jersey's lifecycle listener, which stops the password files' watcher on shutdown. */
  static final String[] SHUTDOWN_GLUE = {
    "org.glassfish.jersey.server.spi.ContainerLifecycleListener",
    "io.trackercookie.jersey.TrackerShutdown"
  };

  /**
   * Starts watching the password files and, on Jersey, stops on shutdown. Elsewhere the watcher (a
   * daemon thread holding the engine weakly) ends once the application is gone.
   */
  private static void watch(FeatureContext context, PasswordWatcher watcher) {
    ClassLoader loader = FeatureRegistration.class.getClassLoader();
    try {
      Class.forName(SHUTDOWN_GLUE[0], false, loader);
      context.register(
          Class.forName(SHUTDOWN_GLUE[1], true, loader)
              .getDeclaredConstructor(AutoCloseable.class)
              .newInstance(watcher));
    } catch (ClassNotFoundException | LinkageError e) {
      // not Jersey
    } catch (ReflectiveOperationException e) {
      LOG.log(Level.WARNING, "The password files' watcher cannot stop on shutdown", e);
    }
    watcher.start();
  }

  private static void registerCdiBridge(
      FeatureContext context, io.trackercookie.Revocations revocations) {
    ClassLoader loader = FeatureRegistration.class.getClassLoader();
    try {
      Class.forName(CDI_GLUE[0], false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return; // no CDI
    }
    try {
      Object bridge =
          Class.forName(CDI_GLUE[1], true, loader)
              .getMethod("forApplication", io.trackercookie.Revocations.class)
              .invoke(null, revocations);
      if (bridge != null) {
        context.register(bridge);
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.WARNING, CDI_GLUE[0] + " is present but " + CDI_GLUE[1] + " failed", e);
    }
  }

  private static void registerCxfRevocations(
      FeatureContext context, io.trackercookie.Revocations revocations) {
    ClassLoader loader = FeatureRegistration.class.getClassLoader();
    try {
      Class.forName(CXF_REVOCATIONS_GLUE[0], false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return; // not CXF
    }
    try {
      context.register(
          Class.forName(CXF_REVOCATIONS_GLUE[1], true, loader)
              .getDeclaredConstructor(io.trackercookie.Revocations.class)
              .newInstance(revocations));
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(
          Level.WARNING,
          CXF_REVOCATIONS_GLUE[0] + " is present but " + CXF_REVOCATIONS_GLUE[1] + " failed",
          e);
    }
  }

  /** Whether a class is on the class path, not loaded. */
  private static boolean present(String className) {
    try {
      Class.forName(className, false, FeatureRegistration.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void registerGlue(FeatureContext context) {
    for (String[] glue : GLUE) {
      registerGlue(context, glue);
    }
  }

  private static void registerGlue(FeatureContext context, String[] glue) {
    ClassLoader loader = FeatureRegistration.class.getClassLoader();
    try {
      Class.forName(glue[0], false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return; // not this runtime
    }
    try {
      context.register(Class.forName(glue[1], true, loader).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.WARNING, glue[0] + " is present but " + glue[1] + " failed", e);
    }
  }
}
