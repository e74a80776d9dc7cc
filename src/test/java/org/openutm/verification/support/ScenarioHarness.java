package org.openutm.verification.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs scenarios end to end over the real HTTP API, each in its own service (with its own emulator) so runs can go in
 * parallel without one's "Cleanup Flight Declarations" touching another's declarations.
 */
public final class ScenarioHarness {
  /** The outcome of one scenario: its run summary and results. */
  public record Outcome(String id, JsonObject summary) {
    public String status() {
      return summary.getString("status");
    }

    public JsonArray results() {
      return summary.getJsonArray("results", new JsonArray());
    }

    public String describe() {
      StringBuilder sb = new StringBuilder(id + ": " + status() + "\n");
      for (Object o : results()) {
        JsonObject r = (JsonObject) o;
        sb.append("  ").append(r.getString("status")).append(" ").append(r.getString("id"))
            .append(r.getString("error_message") == null ? "" : " - " + r.getString("error_message")).append("\n");
        JsonArray logs = r.getJsonArray("logs", new JsonArray());
        if ("failure".equals(r.getString("status")) && logs.size() > 1) {
          sb.append("      last log: ").append(logs.getValue(logs.size() - 2)).append("\n");
        }
      }
      return sb.toString();
    }
  }

  /** The clock speed tests run scenarios at against the embedded emulator (docs/simulated-clock.md). */
  public static final double FAST = 20;

  private ScenarioHarness() {
  }

  /** Simulated seconds per wall second over these runs (their summed durations over their summed wall durations). */
  public static double achieved(Map<String, Outcome> outcomes) {
    double sim = 0;
    double wall = 0;
    for (Outcome o : outcomes.values()) {
      sim += o.summary().getDouble("duration", 0.0);
      wall += o.summary().getDouble("wall_duration", 0.0);
    }
    return wall == 0 ? 0 : sim / wall;
  }

  /** {@code config} with the simulated clock at {@link #FAST} (the clock is back at 1 once its services closed). */
  public static JsonObject fast(JsonObject config) {
    return config.put("clock", new JsonObject().put("speed", FAST));
  }

  /** Runs each YAML (by id) in a fresh service configured by {@code config}; answers when all ended. */
  public static Map<String, Outcome> runAll(Map<String, String> yamlById, java.util.function.Function<String, JsonObject> config,
      int timeoutSeconds) throws Exception {
    return runAll(yamlById, config, timeoutSeconds, 2);
  }

  /** As above with {@code parallelism} scenarios at a time (each in its own service). */
  public static Map<String, Outcome> runAll(Map<String, String> yamlById, java.util.function.Function<String, JsonObject> config,
      int timeoutSeconds, int parallelism) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, parallelism));
    try {
      Map<String, CompletableFuture<Outcome>> futures = new LinkedHashMap<>();
      for (var e : yamlById.entrySet()) {
        futures.put(e.getKey(), CompletableFuture.supplyAsync(() -> run(e.getKey(), e.getValue(),
            config.apply(e.getKey()), timeoutSeconds), pool));
      }
      long waves = (yamlById.size() + Math.max(1, parallelism) - 1) / Math.max(1, parallelism);
      Map<String, Outcome> out = new LinkedHashMap<>();
      for (var e : futures.entrySet()) {
        out.put(e.getKey(), e.getValue().get((timeoutSeconds + 60L) * waves, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static Outcome run(String id, String yaml, JsonObject config, int timeoutSeconds) {
    try (TestService svc = TestService.start(config)) {
      Http http = svc.http;
      Http.Response started = http.post("/run-scenario-async", yaml, "Content-Type", "application/yaml");
      if (started.status() != 200) {
        return new Outcome(id, new JsonObject().put("status", "invalid:" + started.body()));
      }
      String runId = started.json().getString("run_id");
      long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
      List<String> answered = new ArrayList<>();
      while (System.currentTimeMillis() < deadline) {
        // poll without the results (large runs carry megabytes of them); fetch them once at the end
        JsonObject summary = http.get("/api/runs/" + runId + "?results=false").json();
        if (!"running".equals(summary.getString("status"))) {
          // the results (megabytes for the capacity scenarios) only to describe a failure
          return new Outcome(id, "success".equals(summary.getString("status")) ? summary
              : http.get("/api/runs/" + runId).json());
        }
        // an operator confirming any "Wait for User Input" step
        Http.Response input = http.post("/api/sessions/default/input", new JsonObject().put("value", "ok"));
        if (input.status() == 200) {
          answered.add(input.body());
        }
        Thread.sleep(250);
      }
      http.post("/stop-scenario", null);
      return new Outcome(id, new JsonObject().put("status", "timed out after " + timeoutSeconds + " s"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
