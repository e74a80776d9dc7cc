package org.openutm.verification.cli;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openutm.verification.ServiceVerticle;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.scenario.execute.SpeedCheck;

/**
 * {@code run [--suite NAME]... [FILE|ID]...}: runs scenarios in-process (no HTTP port), one live line per step,
 * elapsed time for long steps while they run, a summary; the exit code is the number of failed scenarios.
 */
final class RunCommand {
  private RunCommand() {
  }

  static int run(List<String> items, List<String> suites, AppConfig config, JsonObject deployment, PrintStream out)
      throws Exception {
    ScenarioSources sources = ScenarioSources.resolve(items, suites, config);
    if (sources.sources().isEmpty()) {
      out.println("run: name scenario files or ids, or --suite NAME");
      return 0;
    }
    SimClock.configure(config.section("clock").getDouble("speed", 1.0));
    if (SimClock.speed() > 1 && SpeedCheck.externalFlightBlender(config) != null) {
      out.println("run: " + SimClock.realTimeRefusal("flight_blender.url " + SpeedCheck.externalFlightBlender(config)
          + " is an external Flight Blender", "run at speed 1, or leave flight_blender.url empty to use the embedded "
          + "emulator"));
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject cfg = deployment.getJsonObject("config", new JsonObject()).copy()
          .put("http", new JsonObject().put("enabled", false));
      ServiceVerticle service = new ServiceVerticle();
      await(vertx.deployVerticle(service, new DeploymentOptions().setConfig(deployment.copy().put("config", cfg))));
      // the service's config: it knows the embedded emulator's address, which the report names
      AppConfig effective = service.appConfig();
      int failed = 0;
      java.util.List<JsonObject> summaries = new java.util.ArrayList<>();
      try {
        for (ScenarioSources.Source s : sources.sources()) {
          failed += runOne(vertx, s, out, summaries) ? 0 : 1;
        }
      } catch (SpeedRefused e) {
        out.println("run: " + e.getMessage());
        return 2;
      }
      out.printf("%n%d scenario(s), %d passed, %d failed%n", sources.sources().size(),
          sources.sources().size() - failed, failed);
      if (!summaries.isEmpty()) {
        var f = config.section("reporting").getJsonArray("formats", new io.vertx.core.json.JsonArray().add("json"));
        java.util.List<String> formats = new java.util.ArrayList<>(f.stream().map(String::valueOf).toList());
        if (!formats.contains("junit")) {
          formats.add("junit");
        }
        String id = org.openutm.verification.report.Reports.write(effective, summaries, formats);
        out.println("report: " + org.openutm.verification.report.Reports.root(config).resolve(id));
      }
      return failed;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static boolean runOne(Vertx vertx, ScenarioSources.Source s, PrintStream out, java.util.List<JsonObject> summaries)
      throws Exception {
    out.println("== " + s.label() + (s.suite() == null ? "" : " (suite " + s.suite() + ")")
        + (s.dataFiles() == null ? "" : " with " + s.dataFiles().encode()));
    String session = await(vertx.eventBus().<JsonObject>request(Addresses.SESSIONS,
        new JsonObject().put("action", "create"))).body().getString("session_id");
    Map<String, Long> running = new HashMap<>();
    Map<String, Number> expected = new HashMap<>();
    MessageConsumer<JsonObject> events = vertx.eventBus().consumer(Addresses.events(session), m -> {
      JsonObject e = m.body();
      if ("started".equals(e.getString("type"))) {
        running.put(e.getString("step_id"), SimClock.millis());
        if (e.getValue("expected_seconds") instanceof Number n) {
          expected.put(e.getString("step_id"), n);
        }
        return;
      }
      if (!"step".equals(e.getString("type"))) {
        return;
      }
      JsonObject r = e.getJsonObject("result");
      String id = r.getString("id");
      if ("running".equals(r.getString("status"))) {
        out.printf("  %-8s %s (background)%n", "RUNNING", id);
        return;
      }
      running.remove(id);
      String err = r.getString("error_message");
      out.printf("  %-8s %-50s %7.2f s%s%n", r.getString("status").toUpperCase(), id, r.getDouble("duration", 0.0),
          err == null ? "" : "  " + err);
    });
    await(events.completion());
    long ticker = SimClock.setWallPeriodic(vertx, 5_000, t -> running.forEach((id, start) -> {
      long elapsed = (SimClock.millis() - start) / 1000;
      Number exp = expected.get(id);
      out.printf("  ...      %s running: %d s%s%n", id, elapsed, exp == null ? "" : " / " + exp.longValue() + " s expected");
    }));
    try {
      JsonObject result = await(vertx.eventBus().<JsonObject>request(Addresses.session(session),
          new JsonObject().put("action", "run").put("wait", true).put("report", false).put("yaml", s.yaml())
              .put("data_files", s.dataFiles()),
          new DeliveryOptions().setSendTimeout(TimeUnit.DAYS.toMillis(1)))).body();
      out.printf("  => %s in %.2f s%s (%d steps%s)%n", result.getString("status").toUpperCase(),
          result.getDouble("duration"), SimClock.speed() == 1 ? ""
              : String.format(" simulated (%.2f s wall at speed %s)", result.getDouble("wall_duration", 0.0),
                  SimClock.speed()), result.getInteger("steps"),
          result.getString("error") == null ? "" : ", " + result.getString("error"));
      summaries.add(result.put("suite_name", s.suite()));
      return "success".equals(result.getString("status"));
    } catch (IllegalStateException e) {
      ServiceException se = ServiceException.from(e.getCause() == null ? e : e.getCause());
      if ("speed".equals(se.details().getString("field"))) {
        throw new SpeedRefused(se.getMessage());
      }
      out.println("  => INVALID: " + se.getMessage());
      summaries.add(new JsonObject().put("scenario", s.label()).put("status", "failure").put("error", se.getMessage())
          .put("results", new io.vertx.core.json.JsonArray()).put("suite_name", s.suite()));
      JsonObject details = se.details();
      if (details.getJsonArray("problems") != null) {
        details.getJsonArray("problems").forEach(p -> {
          JsonObject j = (JsonObject) p;
          out.println("     " + (j.getInteger("line") == null ? "" : j.getInteger("line") + ":" + j.getInteger("column")
              + ": ") + j.getString("message"));
        });
      }
      return false;
    } finally {
      SimClock.cancelWallTimer(vertx, ticker);
      events.unregister();
    }
  }

  /** A scenario this clock speed cannot run: the command stops with exit code 2 before running anything more. */
  private static final class SpeedRefused extends RuntimeException {
    SpeedRefused(String message) {
      super(message, null, false, false);
    }
  }

  static <T> T await(io.vertx.core.Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
  }
}
