package org.openutm.verification.support;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.openutm.verification.ServiceVerticle;

/** The real service, deployed in a fresh Vert.x on a free loopback port, with config overrides. */
public final class TestService implements AutoCloseable {
  public final Vertx vertx;
  public final int port;
  public final Http http;
  /** The service's effective config (a generated token, the emulator's address). */
  public final org.openutm.verification.config.AppConfig config;

  /** Services open on the simulated clock: when the last one closes, the process clock goes back to speed 1. */
  private static final java.util.concurrent.atomic.AtomicInteger FAST_OPEN = new java.util.concurrent.atomic.AtomicInteger();

  private final ServiceVerticle service;

  private TestService(Vertx vertx, ServiceVerticle service, int port, org.openutm.verification.config.AppConfig config) {
    this.vertx = vertx;
    this.service = service;
    this.port = port;
    this.config = config;
    this.http = new Http("http://127.0.0.1:" + port);
  }

  /** {@code overrides} with the simulated clock at {@link ScenarioHarness#FAST}. */
  public static TestService startFast(JsonObject overrides) {
    return start(ScenarioHarness.fast(overrides.copy()));
  }

  boolean fast() {
    return config.section("clock").getDouble("speed", 1.0) > 1;
  }

  public static TestService start() {
    return start(new JsonObject());
  }

  /** Parallel tests can race for a port that was free a moment ago: a bind failure retries on another one. */
  public static TestService start(JsonObject overrides) {
    return start(overrides, null);
  }

  /** As above with the config file at {@code configPath} (a copy the test may change) instead of conf/config.yaml. */
  public static TestService start(JsonObject overrides, String configPath) {
    // counted before it starts: a parallel test's last fast service closing must not put the clock back meanwhile
    boolean fast = overrides.getJsonObject("clock", new JsonObject()).getDouble("speed", 1.0) > 1;
    if (fast) {
      FAST_OPEN.incrementAndGet();
    }
    try {
      return startCounted(overrides, configPath);
    } catch (RuntimeException e) {
      if (fast) {
        FAST_OPEN.decrementAndGet();
      }
      throw e;
    }
  }

  private static TestService startCounted(JsonObject overrides, String configPath) {
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      JsonObject cfg = new JsonObject().put("http", new JsonObject().put("port", port).put("instances", 1))
          .put("logging", new JsonObject().put("level", "WARN"))
          .put("reporting", new JsonObject().put("output_dir", "target/test-reports").put("keep", 500))
          .mergeIn(overrides, true);
      cfg.getJsonObject("http").put("port", port);
      Vertx vertx = Vertx.builder().with(new io.vertx.core.VertxOptions()
          .setMetricsOptions(org.openutm.verification.core.Metrics.vertxOptions())).build();
      try {
        ServiceVerticle service = new ServiceVerticle();
        await(vertx.deployVerticle(service,
            new DeploymentOptions().setConfig(new JsonObject().put("config", cfg).put("config_path", configPath))));
        return new TestService(vertx, service, port, service.appConfig());
      } catch (IllegalStateException e) {
        await(vertx.close());
        boolean bind = String.valueOf(e.getMessage()).contains("BindException")
            || String.valueOf(e.getMessage()).contains("Address already in use");
        if (!bind || attempt >= 5) {
          throw e;
        }
      }
    }
  }

  /** A copy of conf/config.yaml and conf/data under {@code dir}, for tests that change the config; its path. */
  public static java.nio.file.Path copyConfig(java.nio.file.Path dir) throws IOException {
    java.nio.file.Path conf = dir.resolve("conf");
    java.nio.file.Files.createDirectories(conf);
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("conf"))) {
      for (java.nio.file.Path p : files.toList()) {
        java.nio.file.Path target = conf.resolve(java.nio.file.Path.of("conf").relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return conf.resolve("config.yaml");
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // as the CLI and serve stop: HTTP and sessions first, while the workers still take their cancels
    await(service.drain());
    await(vertx.close());
    if (fast() && FAST_OPEN.decrementAndGet() == 0) {
      org.openutm.verification.clock.SimClock.configure(1);
    }
  }
}
