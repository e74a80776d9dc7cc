package org.openutm.verification.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openutm.verification.ServiceVerticle;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.operation.WorkerPools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the service through Vert.x's launcher, or a Hazelcast cluster node with {@code --cluster}. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
    description = {"Start the service: the HTTP API and editor (http://127.0.0.1:8989 by default), the event-bus "
        + "bridges, and the embedded Flight Blender emulator when flight_blender.url is empty."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "PATH", description = Main.CONFIG_HELP)
  String config;

  @Option(names = "--host", paramLabel = "H", description = "bind address (default 127.0.0.1)")
  String host;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8989)")
  Integer port;

  @Option(names = "--speed", paramLabel = "N", description = "the simulated clock's speed (embedded emulator only)")
  String speed;

  @Option(names = "--debug", description = "debug logging")
  boolean debug;

  @Option(names = "--cluster", description = "join a Hazelcast cluster of instances (conf/cluster.xml)")
  boolean cluster;

  @Option(names = "--cluster-name", paramLabel = "NAME", description = "the cluster's name")
  String clusterName;

  @Option(names = "--cluster-port", paramLabel = "P", description = "this member's Hazelcast port")
  Integer clusterPort;

  @Option(names = "--cluster-members", paramLabel = "LIST", split = ",",
      description = "members to join, e.g. 127.0.0.1:5701-5703")
  List<String> clusterMembers;

  @Override
  public Integer call() {
    JsonObject overrides = overrides();
    JsonObject deployment = new JsonObject();
    if (config != null) {
      deployment.put("config_path", config);
    }
    if (!overrides.isEmpty()) {
      deployment.put("config", overrides);
    }
    AppConfig loaded;
    try {
      loaded = ConfigLoader.load(config, System.getenv(), overrides);
    } catch (ServiceException e) {
      System.err.println("serve: " + e.getMessage());
      return 2;
    }
    if (config == null && loaded.path() != null) {
      // the bundled default, or OPENUTM_CONFIG_PATH: the service loads the same file
      deployment.put("config_path", loaded.path().toString());
    }
    RunCommand.rebuildInterrupted(loaded, System.out);
    // the worker pools' polling time: read as the Vert.x instance is built, so set before (WorkerPools)
    WorkerPools.configure(loaded);
    if (org.openutm.verification.cluster.ClusterSetup.enabled(loaded)) {
      return ClusterServe.run(loaded, deployment);
    }
    ServiceVerticle service = new ServiceVerticle();
    String[] args = {ServiceVerticle.class.getName(), "-conf", deployment.encode()};
    int code = new VertxApplication(args, new VertxApplicationHooks() {
      @Override
      public io.vertx.core.VertxBuilder createVertxBuilder(io.vertx.core.VertxOptions options) {
        // Vert.x's HTTP and event-bus metrics into the Prometheus registry of GET /metrics
        return io.vertx.core.Vertx.builder().with(options.setMetricsOptions(
            org.openutm.verification.core.Metrics.vertxOptions()));
      }

      @Override
      public java.util.function.Supplier<? extends io.vertx.core.Deployable> verticleSupplier() {
        return () -> service;
      }

      @Override
      public void beforeStoppingVertx(HookContext context) {
        try {
          service.drain().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          // the rest of the stop goes on
        }
      }
    }).launch();
    Main.serving = code == 0;
    return code;
  }

  private JsonObject overrides() {
    JsonObject o = new JsonObject();
    JsonObject http = new JsonObject();
    if (host != null) {
      http.put("host", host);
    }
    if (port != null) {
      http.put("port", port);
    }
    if (!http.isEmpty()) {
      o.put("http", http);
    }
    if (speed != null) {
      o.put("clock", new JsonObject().put("speed", Main.speed(speed)));
    }
    if (debug) {
      o.put("logging", new JsonObject().put("level", "DEBUG"));
    }
    JsonObject c = new JsonObject();
    if (cluster) {
      c.put("enabled", true);
    }
    if (clusterName != null) {
      c.put("name", clusterName);
    }
    if (clusterPort != null) {
      c.put("port", clusterPort);
    }
    if (clusterMembers != null) {
      c.put("members", new JsonArray(List.copyOf(clusterMembers)));
    }
    if (!c.isEmpty()) {
      o.put("cluster", c);
    }
    return o;
  }
}
