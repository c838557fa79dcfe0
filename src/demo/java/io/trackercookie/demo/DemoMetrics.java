package io.trackercookie.demo;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.trackercookie.TrackerConfig;
import io.trackercookie.micrometer.TrackerMetrics;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

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

  /** The {@code GET /metrics} resource, to register with the application. */
  Resource resource() {
    return new Resource(registry);
  }

  /** {@code GET /metrics}: every meter of the registry, in Prometheus' text format. */
  @Path("metrics")
  public static final class Resource {
    private final PrometheusMeterRegistry registry;

    Resource(PrometheusMeterRegistry registry) {
      this.registry = registry;
    }

    @GET
    @Produces(TEXT_FORMAT)
    public String scrape() {
      return registry.scrape();
    }
  }
}
