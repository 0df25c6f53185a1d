package io.coffer.cas.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * The server's Prometheus metrics: a timer {@code http_server_requests} per method, route template
 * and status (its count is the request count), and gauges that other parts of the CAS register
 * (ledger size, attestation counters).
 *
 * <p>Labels take only route templates and status codes, never request paths or identities, so the
 * number of series is bounded.
 */
public final class ServerMetrics {

  private final PrometheusMeterRegistry registry;

  private ServerMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics in a new registry. */
  public static ServerMetrics create() {
    return new ServerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Metrics in an existing registry, shared with other meters of the process. */
  public static ServerMetrics of(PrometheusMeterRegistry registry) {
    return new ServerMetrics(Objects.requireNonNull(registry, "registry"));
  }

  /** The registry, to register other meters (counters of attestations, ...). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /**
   * Registers a gauge, such as {@code coffer.ledger.size}; {@code value} is read at each scrape and
   * must be cheap and never throw.
   */
  public void gauge(String name, String description, DoubleSupplier value) {
    Objects.requireNonNull(value, "value");
    Gauge.builder(name, value::getAsDouble).description(description).register(registry);
  }

  /** Records one request. */
  void request(String method, String route, int status, Duration took) {
    Timer.builder("http.server.requests")
        .description("HTTP requests by method, route template and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(took);
  }

  /** The Prometheus text exposition. */
  String scrape() {
    return registry.scrape();
  }
}
