package io.trackercookie.demo;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trackercookie.TrackerConfig;
import io.trackercookie.micrometer.TrackerMetrics;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.model.Resource;

/**
 * The demo's metrics: the tracker's Micrometer meters in a Prometheus registry, answered at {@code
 * GET /metrics} in Prometheus' text format. A tampered cookie sent to the demo shows there as one
 * more {@code tracker_cookies_rejected_total{reason="BAD_MAC"}}. Micrometer's Prometheus registry
 * is the demo's own dependency, not the library's.
 */
public final class DemoMetrics {

  /** Prometheus' text exposition format. */
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final TrackerMetrics meters = TrackerMetrics.registeredWith(registry);

  /** Adds the meters to a config being built: the one line an application writes. */
  public TrackerConfig.Builder addTo(TrackerConfig.Builder config) {
    return config.listener(meters);
  }

  /**
   * {@code GET /metrics}, built as a Jersey resource model: the registry is this object's, and a
   * resource class would need injection to reach it.
   */
  Resource resource() {
    Resource.Builder metrics = Resource.builder("metrics");
    metrics.addMethod("GET").produces(TEXT_FORMAT).handledBy(new Scrape(registry));
    return metrics.build();
  }

  /**
   * Answers the scrape. A class, not a lambda: Jersey reads the handler's parameter type from its
   * class, and a lambda's erased one makes it warn at start-up.
   */
  private static final class Scrape implements Inflector<ContainerRequestContext, String> {
    private final PrometheusMeterRegistry registry;

    Scrape(PrometheusMeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public String apply(ContainerRequestContext request) {
      return registry.scrape();
    }
  }
}
