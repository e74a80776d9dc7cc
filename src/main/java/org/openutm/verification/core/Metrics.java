package org.openutm.verification.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The service's Prometheus metrics, next to Vert.x's own HTTP, net, pool and JVM metrics (vertx-micrometer-metrics) in
 * one registry, scraped at GET /metrics: steps by operation and status with their durations, runs by status, open
 * sessions and running background tasks, and Flight Blender requests (latency by method and status, errors).
 */
public final class Metrics {
  private static PrometheusMeterRegistry own;

  private Metrics() {
  }

  /**
   * Vert.x metrics options that put its HTTP server and client, net and pool metrics in the Prometheus registry. Its
   * event-bus metrics are off: they look a meter up (and register a gauge) per message, several messages per step,
   * about a tenth of the session thread's time in a scenario run (JFR, docs/performance.md); the service's own
   * {@code openutm_steps_total} and {@code openutm_step_duration_seconds} count what those messages carry.
   */
  public static MetricsOptions vertxOptions() {
    return new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true))
        .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS);
  }

  /** Vert.x's registry when its metrics are on, else one of this process. */
  public static PrometheusMeterRegistry registry() {
    MeterRegistry vertx = BackendRegistries.getDefaultNow();
    if (vertx instanceof PrometheusMeterRegistry p) {
      return p;
    }
    return ownRegistry();
  }

  private static synchronized PrometheusMeterRegistry ownRegistry() {
    MeterRegistry vertx = BackendRegistries.getDefaultNow();
    if (vertx instanceof PrometheusMeterRegistry p) {
      return p;
    }
    if (own == null) {
      own = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }
    return own;
  }

  /** A step's counter and timer, looked up once per registry, operation and status (registering is not cheap). */
  private record StepMeters(MeterRegistry registry, Counter count, Timer duration) {
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, StepMeters> STEP_METERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  public static void step(String operation, String status, long nanos) {
    MeterRegistry r = registry();
    String key = operation + '\u0000' + status;
    StepMeters m = STEP_METERS.get(key);
    if (m == null || m.registry() != r) {
      m = new StepMeters(r, Counter.builder("openutm_steps").description("Steps executed, by operation and status")
          .tag("operation", operation).tag("status", status).register(r),
          Timer.builder("openutm_step_duration").description("Step duration, by operation").tag("operation", operation)
          .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofMinutes(10)).register(r));
      STEP_METERS.put(key, m);
    }
    m.count().increment();
    m.duration().record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  public static void run(String status) {
    Counter.builder("openutm_runs").description("Scenario runs ended, by status").tag("status", status)
        .register(registry()).increment();
  }

  public static void flightBlender(String method, Integer status, double millis) {
    MeterRegistry r = registry();
    String s = status == null ? "error" : String.valueOf(status);
    Timer.builder("openutm_flight_blender_request").description("Flight Blender requests, by method and status")
        .tag("method", method).tag("status", s).publishPercentileHistogram().register(r)
        .record(Duration.ofNanos((long) (millis * 1e6)));
    if (status == null || status >= 500) {
      Counter.builder("openutm_flight_blender_errors").description("Flight Blender requests that failed or got a 5xx")
          .register(r).increment();
    }
  }

  /** Gauges read on each scrape. */
  public static void gauge(String name, String description, Supplier<Number> value) {
    io.micrometer.core.instrument.Gauge.builder(name, value).description(description).strongReference(true)
        .register(registry());
  }
}
