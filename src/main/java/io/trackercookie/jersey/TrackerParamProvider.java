package io.trackercookie.jersey;

import io.trackercookie.Revocations;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerValue;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.GenericType;
import java.util.function.Function;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;
import org.jspecify.annotations.Nullable;

/**
 * Supplies a resource method's {@code @Context Tracker} parameter straight from the request (and a
 * {@code @Context Revocations} one from the application's configuration): the Tracker the request
 * filter put there. The configuration is the one the application runs with, injected once: a
 * request's own may be the configuration as the application declared it, before the feature set its
 * properties (Helidon builds its requests that way). Without it Jersey resolves the parameter
 * through the request-scoped binding, and HK2 creates, stores and disposes a service on every
 * request, which JFR showed among the largest costs the feature adds to a request. Fields still go
 * through the binding (a singleton's field needs its proxy). Bound by the Jersey 3 and Jersey 4
 * glue alike: this SPI is the same in both.
 */
public final class TrackerParamProvider implements ValueParamProvider {
  private final Revocations revocations;

  /** Made by the injection manager, with the application's running configuration. */
  @Inject
  public TrackerParamProvider(Configuration configuration) {
    this.revocations = new TrackerBinder.RevocationsSupplier(configuration).get();
  }

  /**
   * How to read a {@code @Context Tracker} or {@code @Context Revocations} parameter, or a {@link
   * TrackerValue} one (the tracker read as the parameter's type, null when empty); null for any
   * other parameter, which Jersey's own providers then supply.
   */
  @Override
  public @Nullable Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
    if (parameter.isAnnotationPresent(TrackerValue.class)) {
      GenericType<?> type = new GenericType<>(parameter.getType());
      return request -> {
        Tracker tracker = Tracker.from(request);
        return tracker.isEmpty() ? null : tracker.as(type);
      };
    }
    if (parameter.getSource() != Parameter.Source.CONTEXT) {
      return null;
    }
    if (parameter.getRawType() == Tracker.class) {
      return Tracker::from;
    }
    if (parameter.getRawType() == Revocations.class) {
      return request -> revocations;
    }
    return null;
  }

  @Override
  public PriorityType getPriority() {
    // Ahead of Jersey's own @Context provider, which would go through the binding.
    return Priority.HIGH;
  }
}
