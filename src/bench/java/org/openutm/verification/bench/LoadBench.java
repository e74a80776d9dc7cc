package org.openutm.verification.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * Issue 11 load and fault benchmark. (1) N concurrent sessions (default 200) each run an F1-like scenario with short
 * durations (its own declaration box, so none conflict) against the embedded emulator, after a baseline of one session
 * alone: step results lost or duplicated, quick-step latency p50/p99 against the baseline, heap before, after the load
 * and after session expiry. (2) Faults: 20 sessions each against a Flight Blender that is stopped, answers 500, hangs,
 * or takes 2 s per request: every run ends, failing steps carry a message, the always() teardown runs, and a run
 * against the emulator afterwards succeeds (recovery).
 * Run: {@code ./mvnw -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.bench.LoadBench -Dbench.args=200}
 */
public final class LoadBench {
  static final List<String> QUICK = List.of("setup", "activate", "end", "teardown");

  private LoadBench() {
  }

  public static void main(String[] args) throws Exception {
    int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path data = Files.createTempDirectory("load-bench");
    try (TestService svc = TestService.start(new JsonObject().put("logging", new JsonObject().put("level", "ERROR"))
        .put("session", new JsonObject().put("ttl_seconds", 5).put("sweep_seconds", 1).put("max_sessions", 5_000))
        .put("flight_blender", new JsonObject().put("timeout_seconds", 3)))) {
      Http http = svc.http;
      Runtime rt = Runtime.getRuntime();
      long heap0 = heapMb(rt);
      Result base = load(http, data, 1, null);
      Result load = load(http, data, sessions, null);
      long heapLoaded = heapMb(rt);
      Thread.sleep(8_000); // sessions expire (ttl 5 s, sweep 1 s)
      long heapExpired = heapMb(rt);
      System.out.printf("== %d concurrent F1-like runs: %d succeeded, %d lost and %d duplicated step results, wall %.1f s%n",
          sessions, load.succeeded, load.lost, load.duplicated, load.wallSeconds);
      System.out.printf("== quick-step latency: p50 %.1f ms, p99 %.1f ms; baseline (1 session) p50 %.1f ms, p99 %.1f ms; "
          + "p99 ratio %.2f%n", load.p(50), load.p(99), base.p(50), base.p(99), load.p(99) / Math.max(0.1, base.p(99)));
      System.out.printf("== heap: %d MB before, %d MB loaded, %d MB after expiry%n", heap0, heapLoaded, heapExpired);
      faults(http, data);
    }
  }

  static long heapMb(Runtime rt) throws InterruptedException {
    System.gc();
    Thread.sleep(300);
    return (rt.totalMemory() - rt.freeMemory()) / 1_048_576;
  }

  static String scenario(Path data, int i) throws Exception {
    double x = 7.0 + (i % 40) * 0.02;
    double y = 46.0 + (i / 40) * 0.02;
    Path box = data.resolve("box_" + i + ".json");
    Path line = data.resolve("line_" + i + ".json");
    Files.writeString(box, new JsonObject().put("minx", x).put("miny", y).put("maxx", x + 0.01).put("maxy", y + 0.01).encode());
    Files.writeString(line, new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(
        new JsonObject().put("type", "Feature").put("properties", new JsonObject()).put("geometry", new JsonObject()
            .put("type", "LineString").put("coordinates", new JsonArray().add(new JsonArray().add(x + 0.002).add(y + 0.002))
                .add(new JsonArray().add(x + 0.008).add(y + 0.008)))))).encode());
    return "name: load_" + i + "\nsteps:\n"
        + "  - id: setup\n    step: Setup Flight Declaration\n    arguments: {flight_declaration_path: '" + box
        + "', trajectory_path: '" + line + "', telemetry_duration: 3}\n"
        + "  - id: wait_start\n    step: Wait X seconds\n    arguments: {duration: 2}\n"
        + "  - id: activate\n    step: Update Operation State\n    arguments: {state: ACTIVATED}\n"
        + "  - id: telemetry\n    step: Submit Telemetry\n    arguments: {duration: 3}\n"
        + "  - id: end\n    step: Update Operation State\n    arguments: {state: ENDED}\n"
        + "  - id: teardown\n    step: Teardown Flight Declaration\n    if: always()\n";
  }

  static final class Result {
    int succeeded;
    int lost;
    int duplicated;
    double wallSeconds;
    final List<Double> quickMillis = Collections.synchronizedList(new ArrayList<>());
    final List<JsonObject> runs = Collections.synchronizedList(new ArrayList<>());

    double p(int pct) {
      List<Double> s = new ArrayList<>(quickMillis);
      Collections.sort(s);
      return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * pct / 100.0) - 1));
    }
  }

  /** n sessions, each its own scenario run (optionally with Flight Blender at {@code fbUrl}), all at once. */
  static Result load(Http http, Path data, int n, String fbUrl) throws Exception {
    Result r = new Result();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 64));
    long t0 = System.nanoTime();
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      all.add(pool.submit(() -> {
        String s = http.post("/api/sessions", null).json().getString("session_id");
        if (fbUrl != null) {
          http.post("/session/reset", new JsonObject().put("config", new JsonObject().put("flight_blender",
              new JsonObject().put("url", fbUrl))), "X-Session-Id", s);
        }
        String runId = http.post("/run-scenario-async", scenario(data, k), "Content-Type", "application/yaml",
            "X-Session-Id", s).json().getString("run_id");
        JsonObject summary;
        do {
          Thread.sleep(500);
          summary = http.get("/api/runs/" + runId + "?results=false").json();
        } while ("running".equals(summary.getString("status")));
        JsonObject full = http.get("/api/runs/" + runId).json();
        r.runs.add(full);
        Set<String> ids = new HashSet<>();
        int dup = 0;
        for (Object o : full.getJsonArray("results", new JsonArray())) {
          JsonObject step = (JsonObject) o;
          if (!ids.add(step.getString("id"))) {
            dup++;
          }
          if (QUICK.contains(step.getString("id")) && "success".equals(step.getString("status"))) {
            r.quickMillis.add(step.getDouble("duration", 0.0) * 1000);
          }
        }
        synchronized (r) {
          r.duplicated += dup;
          r.lost += Math.max(0, 6 - ids.size());
          if ("success".equals(full.getString("status"))) {
            r.succeeded++;
          }
        }
        return null;
      }));
    }
    for (Future<?> f : all) {
      f.get();
    }
    r.wallSeconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    return r;
  }

  /** A Flight Blender stand-in that fails in one way. */
  static void faults(Http http, Path data) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      for (String mode : List.of("stopped", "500", "hang", "slow")) {
        HttpServer peer = TestService.await(vertx.createHttpServer().requestHandler(req -> {
          switch (mode) {
            case "500" -> req.response().setStatusCode(500).end("{\"message\":\"boom\"}");
            case "slow" -> vertx.setTimer(2_000, t -> req.response().setStatusCode(500).end("{\"message\":\"slow\"}"));
            default -> { } // hang: never answers
          }
        }).listen(0, "127.0.0.1"));
        String url = "http://127.0.0.1:" + peer.actualPort();
        if (mode.equals("stopped")) {
          TestService.await(peer.close());
        }
        long t0 = System.nanoTime();
        Result r = load(http, data, 20, url);
        double wall = (System.nanoTime() - t0) / 1e9;
        int teardowns = 0;
        int explained = 0;
        int failedSteps = 0;
        for (JsonObject run : r.runs) {
          for (Object o : run.getJsonArray("results", new JsonArray())) {
            JsonObject step = (JsonObject) o;
            if ("teardown".equals(step.getString("id")) && !"skipped".equals(step.getString("status"))) {
              teardowns++;
            }
            if ("failure".equals(step.getString("status"))) {
              failedSteps++;
              if (step.getString("error_message") != null && !step.getString("error_message").isBlank()) {
                explained++;
              }
            }
          }
        }
        System.out.printf("== fault %-7s: 20 runs ended in %.1f s, %d succeeded, %d failed steps (%d with a message), "
            + "teardown ran in %d of 20%n", mode, wall, r.succeeded, failedSteps, explained, teardowns);
        if (!mode.equals("stopped")) {
          TestService.await(peer.close());
        }
      }
      Result recovered = load(http, data, 20, null);
      System.out.printf("== recovery: %d of 20 runs against the emulator succeeded afterwards%n", recovered.succeeded);
    } finally {
      TestService.await(vertx.close());
    }
  }
}
