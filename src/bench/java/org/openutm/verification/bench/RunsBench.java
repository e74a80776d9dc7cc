package org.openutm.verification.bench;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.support.TestService;

/**
 * Issue 22: many consecutive scenario runs in one process, each in a new session (created, run with its report,
 * deleted), as a CI job or a long-lived server sees them. Prints heap after GC, live threads and open files after a
 * warm-up and at each quarter, and their ratios to the warm-up figures (goal: heap within 10%, no growth).
 * Run: {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.bench.RunsBench
 * -Dbench.args="1000"}
 */
public final class RunsBench {
  static final String SCENARIO = """
      name: runs-bench
      steps:
        - id: first
          step: Generate UUID
        - id: n
          step: Generate Random Number
          arguments: {min: 1, max: 9}
        - id: bg
          step: Wait X seconds
          background: true
          arguments: {duration: 0.02}
        - id: each
          step: Generate UUID
          loop: {count: 5}
        - id: later
          step: Wait X seconds
          needs: [bg]
          arguments: {duration: "${{ steps.n.result }}ms"}
        - id: checked
          step: Generate UUID
          if: ${{ steps.first.status == 'success' && steps.later.status == 'success' }}
        - id: grouped
          step: pair
        - id: tail
          step: Generate UUID
          if: always()
      groups:
        pair:
          steps:
            - step: Generate UUID
            - step: Generate Random Number
              arguments: {min: 0, max: 1}
      """;

  public static void main(String[] args) {
    BenchWatchdog.main(() -> bench(args));
  }

  static void bench(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmup = Math.min(50, Math.max(1, runs / 10));
    BenchWatchdog.arm(Math.max(5, runs / 20));
    Path reports = Files.createTempDirectory("runs-bench-reports");
    try (TestService svc = TestService.start(new JsonObject().put("logging", new JsonObject().put("level", "WARN"))
        .put("reporting", new JsonObject().put("output_dir", reports.toString()).put("keep", 20)
            .put("formats", new JsonArray().add("json").add("html").add("junit"))))) {
      DeliveryOptions opts = new DeliveryOptions().setSendTimeout(60_000);
      Sample start = Sample.take();
      System.out.printf("== %d consecutive runs, each in a new session (create, run with report, delete)%n", runs);
      System.out.printf("before any run: %s%n", start);
      Sample base = null;
      int steps = 0;
      long t0 = System.nanoTime();
      for (int i = 1; i <= runs; i++) {
        String session = svc.http.post("/api/sessions", null).json().getString("session_id");
        JsonObject summary = TestService.await(svc.vertx.eventBus().<JsonObject>request(Addresses.session(session),
            new JsonObject().put("action", "run").put("wait", true).put("yaml", SCENARIO), opts)).body();
        if (!"success".equals(summary.getString("status"))) {
          throw new IllegalStateException("run " + i + " ended " + summary.encode());
        }
        steps = summary.getInteger("steps");
        // the report is written after the run: wait for it, so no run's writing overlaps the next sample
        TestService.await(svc.vertx.eventBus().<JsonObject>request(Addresses.session(session),
            new JsonObject().put("action", "run-report"), opts));
        svc.http.delete("/api/sessions/" + session);
        if (i == warmup) {
          base = Sample.take();
          System.out.printf("after %4d runs (warm-up, the baseline): %s%n", i, base);
        } else if (base != null && i % Math.max(1, runs / 4) == 0) {
          Sample now = Sample.take();
          System.out.printf("after %4d runs: %s; heap ratio %.3f, threads %+d, open files %+d%n", i, now,
              now.heap / (double) base.heap, now.threads - base.threads, now.files - base.files);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%d runs in %.1f s (%.1f runs/s, %d step records each)%n", runs, seconds, runs / seconds,
          steps);
    }
  }

  record Sample(long heap, int threads, long files) {
    static Sample take() throws InterruptedException {
      for (int i = 0; i < 4; i++) {
        System.gc();
        Thread.sleep(250);
      }
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      long files = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean u
          ? u.getOpenFileDescriptorCount() : -1;
      return new Sample(heap, threads, files);
    }

    @Override
    public String toString() {
      return String.format("heap after GC %,d KB, %d threads, %d open files", heap / 1024, threads, files);
    }
  }
}
