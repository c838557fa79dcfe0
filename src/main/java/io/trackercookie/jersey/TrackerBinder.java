package io.trackercookie.jersey;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Configuration;
import java.util.function.Supplier;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * Jersey glue: makes {@code @Context Tracker} (and {@code @Inject Tracker}) work in resource
 * methods and fields. Registered by {@code TrackerFeature} only when Jersey is on the class path. A
 * proxy stands in for the Tracker in singletons, resolving to the current request's one.
 */
public final class TrackerBinder extends AbstractBinder {

  @Override
  protected void configure() {
    // One stateless supplier for the application (its Provider resolves the current request), so
    // HK2 does not create and inject a new one on every request.
    bindFactory(RequestTrackerSupplier.class, Singleton.class)
        .to(Tracker.class)
        .proxy(true)
        .proxyForSameScope(false)
        .in(RequestScoped.class);
    // A resource method's @Context Tracker parameter is read straight off the request. Through
    // the binding above, HK2 would create, store and dispose a request-scoped service per
    // request, which JFR showed among the largest costs the feature adds to a request.
    bind(TrackerParamProvider.class).to(ValueParamProvider.class).in(Singleton.class);
    // @Context Revocations in fields too (parameters go through TrackerParamProvider): one per
    // application, read from the property the feature set.
    bindFactory(RevocationsSupplier.class, Singleton.class)
        .to(Revocations.class)
        .in(Singleton.class);
  }

  /** Reads the application's Revocations from its configuration. */
  public static final class RevocationsSupplier implements Supplier<Revocations> {
    private final Configuration configuration;

    /** Made by HK2, with the application's configuration. */
    @Inject
    public RevocationsSupplier(Configuration configuration) {
      this.configuration = configuration;
    }

    /** With revocation off, one whose use fails with the reason, so injection never fails. */
    @Override
    public Revocations get() {
      try {
        return Revocations.from(configuration);
      } catch (IllegalStateException off) {
        return new Revocations() {
          @Override
          public void revokeAllFor(String subject) {
            throw off;
          }

          @Override
          public void revokeOthersFor(Tracker current) {
            throw off;
          }
        };
      }
    }
  }

  /** Reads the Tracker the request filter put on the request. */
  public static final class RequestTrackerSupplier implements Supplier<Tracker> {
    private final Provider<ContainerRequestContext> request;

    /** Made by HK2, with a provider of the request being served. */
    @Inject
    public RequestTrackerSupplier(Provider<ContainerRequestContext> request) {
      this.request = request;
    }

    @Override
    public Tracker get() {
      return Tracker.from(request.get());
    }
  }
}
