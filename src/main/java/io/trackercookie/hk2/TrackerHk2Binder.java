package io.trackercookie.hk2;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import io.trackercookie.jersey.TrackerBinder;
import io.trackercookie.jersey.TrackerParamProvider;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Configuration;
import org.glassfish.hk2.api.Factory;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * Jersey 4 glue: makes {@code @Context Tracker} (and {@code @Inject Tracker}), and {@code @Context
 * Revocations} in methods and fields, work where Jersey's own binder API of 3.x is gone. Jersey 4
 * still runs on HK2 and accepts HK2's own binders, so the binding is made with HK2's API, which did
 * not change. Registered by {@code TrackerFeature} only when Jersey 4's HK2 integration is on the
 * class path.
 */
public final class TrackerHk2Binder extends AbstractBinder {

  @Override
  protected void configure() {
    // A proxy stands in for the Tracker in singletons, resolving to the current request's one.
    bindFactory(RequestTrackerFactory.class)
        .to(Tracker.class)
        .proxy(true)
        .proxyForSameScope(false)
        .in(RequestScoped.class);
    // Method parameters straight from the request: nothing created per request for them.
    bind(TrackerParamProvider.class).to(ValueParamProvider.class).in(Singleton.class);
    // @Context Revocations in fields (parameters go through TrackerParamProvider): one per
    // application, as the Jersey 3 glue binds it.
    bindFactory(RevocationsFactory.class, Singleton.class)
        .to(Revocations.class)
        .in(Singleton.class);
  }

  /** The application's Revocations, read as the Jersey 3 glue reads them. */
  public static final class RevocationsFactory implements Factory<Revocations> {
    private final Configuration configuration;

    /** Made by HK2, with the application's configuration. */
    @Inject
    public RevocationsFactory(Configuration configuration) {
      this.configuration = configuration;
    }

    @Override
    public Revocations provide() {
      // TrackerBinder's supplier is a class of its own: loading it needs no Jersey 3 binder API.
      return new TrackerBinder.RevocationsSupplier(configuration).get();
    }

    @Override
    public void dispose(Revocations revocations) {
      // The feature's lifecycle listener closes the store.
    }
  }

  /** Reads the Tracker the request filter put on the request. */
  public static final class RequestTrackerFactory implements Factory<Tracker> {
    private final Provider<ContainerRequestContext> request;

    /** Made by HK2, with a provider of the request being served. */
    @Inject
    public RequestTrackerFactory(Provider<ContainerRequestContext> request) {
      this.request = request;
    }

    @Override
    public Tracker provide() {
      return Tracker.from(request.get());
    }

    @Override
    public void dispose(Tracker tracker) {
      // Nothing to release: the response filter writes the cookie.
    }
  }
}
