package org.openutm.verification.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.operation.Args;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.WorkerPools;
import org.openutm.verification.support.TestService;

/**
 * Issue 3 benchmark: a 10,000-step scenario of "Generate UUID" steps, each referencing the previous one (its
 * condition reads the previous step's status), run in-process over the bus, against calling the operation directly
 * in a loop. Run: {@code ./mvnw -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.bench.ScenarioBench}
 */
public final class ScenarioBench {
  public static void main(String[] args) {
    BenchWatchdog.main(() -> bench(args));
  }

  static void bench(String[] args) throws Exception {
    BenchWatchdog.arm(10);
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    StringBuilder yaml = new StringBuilder("name: bench\nsteps:\n  - id: s0\n    step: Generate UUID\n");
    for (int i = 1; i < steps; i++) {
      yaml.append("  - id: s").append(i).append("\n    step: Generate UUID\n    if: steps.s").append(i - 1)
          .append(".status == 'success'\n");
    }
    String threading = args.length > 2 ? args[2] : "worker";
    // each run's report is written on a worker thread after the run: the bench waits for it before the next round
    // (else it competes with that round for the 2 cores) and prints how long it took
    java.nio.file.Path reports = java.nio.file.Files.createTempDirectory("bench-reports");
    // -Dbench.spin=N: the worker pools' polling time of the measured service (workers.spin_micros; default 50)
    WorkerPools.spinMicros(Long.getLong("bench.spin", WorkerPools.DEFAULT_SPIN_MICROS));
    double measured;
    try (TestService svc = TestService.start(new JsonObject().put("logging", new JsonObject().put("level", "WARN"))
        .put("workers", new JsonObject().put("threading", threading))
        .put("reporting", new JsonObject().put("output_dir", reports.toString())
            .put("formats", new io.vertx.core.json.JsonArray().add("json").add("html").add("junit").add("log"))))) {
      System.out.println("workers.threading: " + threading + ", workers.spin_micros: " + WorkerPools.spinMicros());
      double direct = direct(svc.vertx, steps);
      System.out.printf("== %d-step scenario of Generate UUID, each step's condition reading the previous one%n", steps);
      System.out.printf("direct calls of the operation: %,.0f calls/s%n", direct);
      double floor = Floors.handOffs(svc.vertx, "event-loop".equals(threading) ? io.vertx.core.ThreadingModel.EVENT_LOOP
          : io.vertx.core.ThreadingModel.WORKER);
      System.out.printf("bus round trips event loop -> %s verticle -> event loop, nothing done on either side: "
          + "%,.0f/s (best 1 s of 5): the hand-off floor of a step%n", threading, floor);
      double bestCheck = Double.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        long c0 = System.nanoTime();
        svc.http.post("/api/scenarios/validate", yaml.toString(), "Content-Type", "application/yaml");
        bestCheck = Math.min(bestCheck, (System.nanoTime() - c0) / 1e9);
      }
      System.out.printf("load + validate alone (POST /api/scenarios/validate, best of 5): %.2f s%n", bestCheck);
      double withReport = 0;
      double withoutReport = 0;
      double cpuPerStepSum = 0;
      for (int r = 0; r < rounds; r++) {
        String session = svc.http.post("/api/sessions", null).json().getString("session_id");
        long t0 = System.nanoTime();
        JsonObject result = run(svc, session, yaml.toString(), true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        while (reportsWritten(reports) < r + 1) {
          Thread.sleep(20);
        }
        double runAlone = result.getDouble("wall_duration");
        java.nio.file.Path folder = newest(reports);
        System.out.printf("round %d: %,d steps in %.2f s = %,.0f steps/s (goal >= 30,000); ratio to direct %.3f;"
            + " the run alone (after load + validate) %.2f s = %,.0f steps/s; its report (json, html, junit, log)"
            + " whole %.2f s after the run; report.json %.1f MB, report.html %.1f MB, journal.jsonl %.1f MB%n", r + 1,
            steps, seconds, steps / seconds, steps / seconds / direct, runAlone, steps / runAlone,
            (System.nanoTime() - t1) / 1e9, mb(folder.resolve("report.json")), mb(folder.resolve("report.html")),
            mb(folder.resolve("journal.jsonl")));
        // the same run without a report (no journal): what the journal costs the engine, measured in this round
        long cpu0 = Stats.processCpuNanos();
        var threads0 = Stats.threadCpuNanos();
        long alloc0 = Stats.allocatedBytes();
        JsonObject bare = run(svc, session, yaml.toString(), false);
        double kbPerStep = (Stats.allocatedBytes() - alloc0) / 1e3 / steps;
        double cpuPerStep = (Stats.processCpuNanos() - cpu0) / 1e3 / steps;
        String perThread = Stats.perItem(threads0, Stats.threadCpuNanos(), steps);
        System.out.printf("round %d without a report (ended at %.1f s of the JVM's uptime): the run alone %.2f s = "
            + "%,.0f steps/s; with the journal / without: %.3f; process CPU per step (load + validate + run) %.1f us "
            + "(%s); allocated per step %.1f KB%n", r + 1, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
            bare.getDouble("wall_duration"), steps / bare.getDouble("wall_duration"),
            bare.getDouble("wall_duration") / runAlone, cpuPerStep, perThread, kbPerStep);
        if (r >= rounds / 2) {
          cpuPerStepSum += cpuPerStep;
          withReport += steps / runAlone;
          withoutReport += steps / bare.getDouble("wall_duration");
        }
        svc.http.delete("/api/sessions/" + session);
      }
      System.out.printf("second half of the rounds: %,.0f steps/s with the journal, %,.0f without: ratio %.3f%n",
          withReport / (rounds - rounds / 2), withoutReport / (rounds - rounds / 2), withReport / withoutReport);
      // CPU time varies far less than wall time with the machine's scheduling: the figure to compare changes by
      System.out.printf("second half of the rounds: process CPU per step without a report %.1f us%n",
          cpuPerStepSum / (rounds - rounds / 2));
      System.out.printf("second half of the rounds without a report / the hand-off floor: %.2f%n",
          withoutReport / (rounds - rounds / 2) / floor);
      measured = withoutReport / (rounds - rounds / 2);
      engineAlone(svc, yaml.toString(), steps, rounds, measured);
    }
    parkingBaseline(yaml.toString(), steps, rounds, measured);
  }

  /**
   * The same runs without a report on a second service whose worker pools park at once ({@code workers.spin_micros:
   * 0}, Vert.x's own pool): the baseline of the polling pools (docs/performance.md part 14), measured in this run.
   */
  private static void parkingBaseline(String yaml, int steps, int rounds, double polling) throws Exception {
    long spin = WorkerPools.spinMicros();
    WorkerPools.spinMicros(0);
    try (TestService svc = TestService.start(new JsonObject().put("logging", new JsonObject().put("level", "WARN")))) {
      double sum = 0;
      double cpuSum = 0;
      for (int r = 0; r < rounds; r++) {
        String session = svc.http.post("/api/sessions", null).json().getString("session_id");
        long cpu0 = Stats.processCpuNanos();
        JsonObject bare = run(svc, session, yaml, false);
        if (r >= rounds / 2) {
          sum += steps / bare.getDouble("wall_duration");
          cpuSum += (Stats.processCpuNanos() - cpu0) / 1e3 / steps;
        }
        svc.http.delete("/api/sessions/" + session);
      }
      double parking = sum / (rounds - rounds / 2);
      System.out.printf("workers.spin_micros 0 (Vert.x's own worker pool: threads park at once), second half of %d "
          + "rounds without a report: %,.0f steps/s, process CPU per step %.1f us; spin_micros %d / 0: %.2f%n", rounds,
          parking, cpuSum / (rounds - rounds / 2), spin, polling / parking);
    } finally {
      WorkerPools.spinMicros(spin);
    }
  }

  /**
   * The same scenario on the engine alone (no bus, no worker verticle: {@code EngineAlone}), as many rounds: what a
   * step costs the engine itself, and so what the design card's hop to the worker verticle adds to a step.
   */
  private static void engineAlone(TestService svc, String yaml, int steps, int rounds, double serviceStepsPerSecond)
      throws Exception {
    var catalog = org.openutm.verification.operation.OperationCatalog.standard();
    var def = org.openutm.verification.scenario.Scenarios.checkRequest(new JsonObject().put("yaml", yaml), catalog,
        steps + 1).orThrow();
    double sum = 0;
    double cpuSum = 0;
    String perThread = "";
    for (int r = 0; r < rounds; r++) {
      long cpu0 = Stats.processCpuNanos();
      var threads0 = Stats.threadCpuNanos();
      JsonObject summary = org.openutm.verification.engine.EngineAlone.run(svc.vertx, def, catalog, svc.config,
          "alone-" + r);
      double cpuPerStep = (Stats.processCpuNanos() - cpu0) / 1e3 / steps;
      perThread = Stats.perItem(threads0, Stats.threadCpuNanos(), steps);
      if (!"success".equals(summary.getString("status"))) {
        throw new IllegalStateException("the engine-alone run failed: " + summary.getString("error"));
      }
      if (r >= rounds / 2) {
        sum += steps / summary.getDouble("wall_duration");
        cpuSum += cpuPerStep;
      }
    }
    double alone = sum / (rounds - rounds / 2);
    System.out.printf("engine alone (no bus; each operation run on the run's own context), second half of %d rounds: "
        + "%,.0f steps/s, process CPU per step %.1f us (last round: %s); the service's run without a report / the "
        + "engine alone: %.2f%n", rounds, alone, cpuSum / (rounds - rounds / 2), perThread,
        serviceStepsPerSecond / alone);
  }

  private static JsonObject run(TestService svc, String session, String yaml, boolean report) {
    JsonObject result = TestService.await(svc.vertx.eventBus().<JsonObject>request(Addresses.session(session),
        new JsonObject().put("action", "run").put("wait", true).put("report", report).put("yaml", yaml),
        new DeliveryOptions().setSendTimeout(600_000))).body();
    if (!"success".equals(result.getString("status"))) {
      throw new IllegalStateException("run failed: " + result.getString("error"));
    }
    return result;
  }

  private static double mb(java.nio.file.Path p) throws java.io.IOException {
    return java.nio.file.Files.exists(p) ? java.nio.file.Files.size(p) / 1e6 : 0;
  }

  private static java.nio.file.Path newest(java.nio.file.Path root) throws java.io.IOException {
    try (var dirs = java.nio.file.Files.list(root)) {
      return dirs.max(java.util.Comparator.comparing(java.nio.file.Path::getFileName)).orElseThrow();
    }
  }

  /** Report folders complete so far (report.log is written last). */
  static long reportsWritten(java.nio.file.Path root) throws java.io.IOException {
    try (var dirs = java.nio.file.Files.list(root)) {
      return dirs.filter(d -> java.nio.file.Files.exists(d.resolve("report.log"))).count();
    }
  }

  /** The baseline: the operation's own code, called in a loop on a Vert.x context. */
  static double direct(Vertx vertx, int n) throws Exception {
    OperationDef op = OperationCatalog.standard().find("Generate UUID");
    var cfg = ConfigLoader.load(null, Map.of(), null);
    Args args = new Args(new JsonObject());
    double best = 0;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      Future<?> last = null;
      for (int i = 0; i < n; i++) {
        last = op.run().run(new OperationContext(vertx, cfg, "s", "id", "e"), args);
      }
      TestService.await(last);
      best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
    }
    return best;
  }
}
