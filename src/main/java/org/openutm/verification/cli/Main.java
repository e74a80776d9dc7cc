package org.openutm.verification.cli;

import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.VertxApplication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openutm.verification.ServiceVerticle;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.ServiceException;

/**
 * {@code java -jar openutm-verification.jar [serve] [--config PATH] [--port N] [--host H] [vert.x launcher options]}.
 * {@code serve} starts the service through Vert.x's {@link VertxApplication} launcher.
 */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    String command = rest.isEmpty() || rest.get(0).startsWith("-") ? "serve" : rest.remove(0);
    switch (command) {
      case "serve" -> {
        int code = serve(rest);
        if (code != 0) {
          System.exit(code);
        }
      }
      case "run", "validate" -> System.exit(scenarios(command, rest));
      case "emulator" -> emulator(rest);
      case "operations" -> System.out.print(OperationsDoc.markdown(org.openutm.verification.operation.OperationCatalog.standard()));
      case "help", "--help", "-h" -> usage(0);
      default -> {
        System.err.println("unknown command '" + command + "'");
        usage(2);
      }
    }
  }

  private static JsonObject cluster(JsonObject overrides) {
    if (!(overrides.getValue("cluster") instanceof JsonObject)) {
      overrides.put("cluster", new JsonObject());
    }
    return overrides.getJsonObject("cluster");
  }

  static int serve(List<String> args) {
    JsonObject deployment = new JsonObject();
    JsonObject overrides = new JsonObject();
    List<String> launcher = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--config" -> deployment.put("config_path", value(args, ++i, a));
        case "--port" -> overrides.put("http", overrides.getJsonObject("http", new JsonObject())
            .put("port", Integer.parseInt(value(args, ++i, a))));
        case "--host" -> overrides.put("http", overrides.getJsonObject("http", new JsonObject())
            .put("host", value(args, ++i, a)));
        case "--speed" -> overrides.put("clock", new JsonObject().put("speed", speed(value(args, ++i, a))));
        case "--cluster" -> cluster(overrides).put("enabled", true);
        case "--cluster-name" -> cluster(overrides).put("name", value(args, ++i, a));
        case "--cluster-port" -> cluster(overrides).put("port", Integer.parseInt(value(args, ++i, a)));
        case "--cluster-members" -> cluster(overrides).put("members",
            new io.vertx.core.json.JsonArray(List.of(value(args, ++i, a).split("\\s*,\\s*"))));
        default -> launcher.add(a);
      }
    }
    if (!overrides.isEmpty()) {
      deployment.put("config", overrides);
    }
    AppConfig config;
    try {
      config = ConfigLoader.load(deployment.getString("config_path"), System.getenv(), overrides);
    } catch (ServiceException e) {
      System.err.println("serve: " + e.getMessage());
      return 2;
    }
    if (org.openutm.verification.cluster.ClusterSetup.enabled(config)) {
      return ClusterServe.run(config, deployment);
    }
    List<String> all = new ArrayList<>(List.of(ServiceVerticle.class.getName(), "-conf", deployment.encode()));
    all.addAll(launcher);
    // Vert.x's HTTP and event-bus metrics into the Prometheus registry of GET /metrics
    return new VertxApplication(all.toArray(String[]::new), new io.vertx.launcher.application.VertxApplicationHooks() {
      @Override
      public io.vertx.core.VertxBuilder createVertxBuilder(io.vertx.core.VertxOptions options) {
        return io.vertx.core.Vertx.builder().with(options.setMetricsOptions(
            org.openutm.verification.core.Metrics.vertxOptions()));
      }
    }).launch();
  }

  /** A --speed value: a number (the config check names a bad one); text that is no number is kept to be named. */
  static Object speed(String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return value;
    }
  }

  /** run / validate: [--config PATH] [--suite NAME]... [--speed N] [--debug] [FILE|ID]... */
  static int scenarios(String command, List<String> args) {
    String configPath = null;
    List<String> suites = new ArrayList<>();
    List<String> items = new ArrayList<>();
    String level = "WARN";
    String reportDir = null;
    String formats = null;
    Object speed = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--config" -> configPath = value(args, ++i, a);
        case "--suite" -> suites.add(value(args, ++i, a));
        case "--debug" -> level = "DEBUG";
        case "--report-dir" -> reportDir = value(args, ++i, a);
        case "--formats" -> formats = value(args, ++i, a);
        case "--speed" -> speed = speed(value(args, ++i, a));
        default -> {
          if (a.startsWith("--")) {
            System.err.println("unknown option " + a);
            usage(2);
          }
          items.add(a);
        }
      }
    }
    JsonObject overrides = new JsonObject().put("logging", new JsonObject().put("level", level));
    JsonObject reporting = new JsonObject();
    if (reportDir != null) {
      reporting.put("output_dir", reportDir);
    }
    if (formats != null) {
      reporting.put("formats", new io.vertx.core.json.JsonArray(List.of(formats.split("\\s*,\\s*"))));
    }
    if (!reporting.isEmpty()) {
      overrides.put("reporting", reporting);
    }
    if (speed != null) {
      overrides.put("clock", new JsonObject().put("speed", speed));
    }
    try {
      AppConfig config = ConfigLoader.load(configPath, System.getenv(), overrides);
      JsonObject deployment = new JsonObject().put("config", overrides);
      if (configPath != null) {
        deployment.put("config_path", configPath);
      }
      return command.equals("validate") ? ValidateCommand.run(items, config, System.out)
          : RunCommand.run(items, suites, config, deployment, System.out);
    } catch (ServiceException e) {
      System.err.println(command + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println(command + ": " + e.getMessage());
      return 2;
    }
  }

  /** emulator [--port N] [--host H] [--mode fastapi|django] [--no-auth] [--amqp-url URL]: a standalone Flight Blender stand-in. */
  static void emulator(List<String> args) {
    JsonObject cfg = new JsonObject().put("port", 8000);
    JsonObject amqp = new JsonObject();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--port" -> cfg.put("port", Integer.parseInt(value(args, ++i, a)));
        case "--host" -> cfg.put("host", value(args, ++i, a));
        case "--mode" -> cfg.put("mode", value(args, ++i, a));
        case "--no-auth" -> cfg.put("auth", false);
        case "--amqp-url" -> amqp.put("url", value(args, ++i, a));
        default -> {
          System.err.println("unknown option " + a);
          usage(2);
        }
      }
    }
    String env = System.getenv("AMQP_URL");
    if (!amqp.containsKey("url") && env != null && !env.isBlank()) {
      amqp.put("url", env);
    }
    io.vertx.core.Vertx.vertx().deployVerticle(new org.openutm.verification.emulator.EmulatorVerticle(cfg, amqp))
        .onFailure(t -> {
          System.err.println("emulator: " + t.getMessage());
          System.exit(1);
        });
  }

  static String value(List<String> args, int i, String flag) {
    if (i >= args.size()) {
      System.err.println(flag + " needs a value");
      usage(2);
    }
    return args.get(i);
  }

  static void usage(int code) {
    System.out.println("""
        usage: java -jar target/openutm-verification.jar <command> [options]
          serve [--config PATH] [--host H] [--port N] [--speed N]
                                                         start the service (default command)
                [--cluster [--cluster-name N] [--cluster-port P] [--cluster-members 127.0.0.1:5701-5703,...]]
                                                         join a Hazelcast cluster of instances (conf/cluster.xml)
          run [--config PATH] [--suite NAME]... [--report-dir DIR] [--formats json,junit,log] [--speed N] [--debug]
              [FILE|ID]...                               run scenarios in-process; exit code = failed scenarios
                                                         (--speed N: the simulated clock, embedded emulator only)
          validate [--config PATH] FILE|ID...            print every problem; exit 1 if any
          emulator [--port 8000] [--host H] [--mode fastapi|django] [--no-auth] [--amqp-url URL]
                                                         a standalone Flight Blender emulator
          operations                                     the operation catalogue as Markdown
          help                                           this text
        environment: OPENUTM_CONFIG_PATH, FLIGHT_BLENDER_URL, AMQP_URL, LOG_LEVEL, HTTP_HOST, HTTP_PORT""");
    System.exit(code);
  }
}
