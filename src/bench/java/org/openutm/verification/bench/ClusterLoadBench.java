package org.openutm.verification.bench;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * Issue 11: kill -9 one of three cluster nodes under load. Three service JVMs on loopback; N sessions created on each;
 * every session is driven through a random node in a loop (a step, a background step and its join, a 3-step scenario
 * run) while, half-way through, the first node is killed. Counts per owner: calls made, calls failed, and for the
 * dead node's sessions the 410 answers. Goal: 0 failures on sessions owned by the survivors.
 * Run: {@code ./mvnw -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.bench.ClusterLoadBench
 * -Dbench.args="20 40"} (sessions per node, seconds).
 */
public final class ClusterLoadBench {
  private ClusterLoadBench() {
  }

  /** exec:java runs this in Maven's own JVM, whose java.class.path is Maven's: the project's is the loader's. */
  static String classPath() {
    if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
      StringBuilder cp = new StringBuilder();
      for (java.net.URL url : loader.getURLs()) {
        try {
          cp.append(cp.isEmpty() ? "" : File.pathSeparator).append(Path.of(url.toURI()));
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return cp.toString();
    }
    return System.getProperty("java.class.path");
  }

  /** A call that failed through node 0 can only have been cut by the kill if it ended after the kill began. */
  static boolean wasDeadOrDying(AtomicBoolean dead, boolean deadAtStart) {
    return dead.get() && !deadAtStart;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Null when the step answered {@code status}, else a description of the answer. */
  static String expect(String what, String status, Http.Response r) {
    if (r.status() == 200 && status.equals(r.json().getString("status"))) {
      return null;
    }
    return what + ": " + r.status() + " " + r.body();
  }

  public static void main(String[] args) throws Exception {
    int perNode = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    String cluster = "openutm-bench-" + UUID.randomUUID().toString().substring(0, 8);
    int hz = 16_000 + (int) (Math.random() * 20_000);
    String cp = classPath();
    List<Process> nodes = new ArrayList<>();
    List<Http> http = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        int port = TestService.freePort();
        Path log = Path.of("target/cluster-bench/" + cluster + "-" + i + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m", "-Dvertx.disableDnsResolver=true", "-cp", cp, "org.openutm.verification.cli.Main", "serve", "--port", String.valueOf(port),
            "--cluster", "--cluster-name", cluster, "--cluster-port", String.valueOf(hz),
            "--cluster-members", "127.0.0.1:" + hz + "-" + (hz + 4)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LOG_LEVEL", "ERROR");
        pb.directory(new File("."));
        nodes.add(pb.start());
        http.add(new Http("http://127.0.0.1:" + port));
      }
      long ready = System.currentTimeMillis() + 120_000;
      while (true) {
        if (System.currentTimeMillis() > ready || nodes.stream().anyMatch(p -> !p.isAlive())) {
          throw new IllegalStateException("the three nodes did not form a cluster: see target/cluster-bench/" + cluster + "-*.log");
        }
        try {
          if (http.stream().allMatch(h -> h.get("/api/cluster").json().getJsonArray("nodes").size() == 3)) {
            break;
          }
        } catch (RuntimeException e) {
          // starting
        }
        Thread.sleep(500);
      }
      Map<String, Integer> owner = new ConcurrentHashMap<>();
      for (int n = 0; n < 3; n++) {
        for (int i = 0; i < perNode; i++) {
          owner.put(http.get(n).post("/api/sessions", null).json().getString("session_id"), n);
        }
      }
      AtomicBoolean dead = new AtomicBoolean();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger[] calls = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
      AtomicInteger[] failed = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
      AtomicInteger gone = new AtomicInteger();
      AtomicInteger entryLost = new AtomicInteger();
      AtomicInteger deadOther = new AtomicInteger();
      java.util.concurrent.atomic.AtomicLong firstGone = new java.util.concurrent.atomic.AtomicLong();
      Stats before = new Stats(); // step latency on the survivors' sessions while all three nodes live
      Stats after = new Stats(); // the same once node 0 is dead
      List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(owner.size());
      java.util.Random pick = new java.util.Random(7);
      for (var e : owner.entrySet()) {
        String s = e.getKey();
        int own = e.getValue();
        long seed = pick.nextLong();
        pool.submit(() -> {
          java.util.Random r = new java.util.Random(seed);
          while (!stop.get()) {
            int via = dead.get() ? 1 + r.nextInt(2) : r.nextInt(3);
            Http h = http.get(via);
            int[] joinVia = {via};
            long t0 = System.nanoTime();
            boolean wasDead = dead.get();
            int kind = r.nextInt(3);
            String failure; // null when the call did its job, else what went wrong
            try {
              failure = switch (kind) {
                case 0 -> expect("step", "success", h.post("/api/step", new JsonObject().put("step", "Generate UUID"),
                    "X-Session-Id", s));
                case 1 -> {
                  Http.Response started = h.post("/api/step", new JsonObject().put("step", "Wait X seconds").put("arguments",
                      new JsonObject().put("duration", "300ms")).put("run_in_background", true), "X-Session-Id", s);
                  String task = started.status() == 200 ? started.json().getString("task_id") : null;
                  if (task == null) {
                    yield "background: " + started.status() + " " + started.body();
                  }
                  joinVia[0] = dead.get() ? 1 + r.nextInt(2) : r.nextInt(3);
                  yield expect("join", "success", http.get(joinVia[0]).post("/api/tasks/" + task + "/join", null,
                      "X-Session-Id", s));
                }
                default -> {
                  Http.Response run = h.post("/run-scenario", "name: b\nsteps:\n  - id: a\n    step: Generate UUID\n"
                      + "  - step: Wait X seconds\n    arguments: {duration: 200ms}\n  - id: c\n    step: Generate UUID\n",
                      "Content-Type", "application/yaml", "X-Session-Id", s);
                  yield run.status() == 200 ? null : "run: " + run.status() + " " + run.body();
                }
              };
            } catch (RuntimeException ex) {
              failure = List.of("step", "background+join", "run").get(kind) + ": " + ex + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms";
            }
            boolean ok = failure == null;
            if (ok && own != 0 && via != 0) {
              (wasDead ? after : before).add(System.nanoTime() - t0);
            }
            calls[own].incrementAndGet();
            if (!ok && (via == 0 || joinVia[0] == 0) && wasDeadOrDying(dead, wasDead)) {
              entryLost.incrementAndGet(); // the HTTP entry node itself died under this call: not the session's failure
              // what it started goes on on the owner (a run answers 409 until it ends): let it finish, as a client
              // that lost its connection would look before retrying
              sleep(1_000);
            } else if (!ok) {
              failed[own].incrementAndGet();
              if (own == 0 && dead.get()) {
                if (failure.contains(": 410 ") && failure.contains("session lost")) {
                  gone.incrementAndGet();
                  firstGone.compareAndSet(0, System.currentTimeMillis());
                } else if (deadOther.getAndIncrement() < 3) {
                  firstFailures.add("dead node's session, not a 410: " + failure.substring(0, Math.min(200, failure.length())));
                }
              } else if (firstFailures.size() < 5) {
                firstFailures.add((dead.get() ? "after" : "before") + " the kill, session of node " + own + " via node "
                    + via + ": " + (failure.length() > 200 ? failure.substring(0, 200) : failure));
              }
            }
          }
          return null;
        });
      }
      Thread.sleep(seconds * 500L);
      long killStart = System.currentTimeMillis();
      dead.set(true); // from here on no call picks node 0 as its entry
      nodes.get(0).destroyForcibly().waitFor();
      long killedAt = System.currentTimeMillis();
      Thread.sleep(seconds * 500L);
      stop.set(true);
      pool.shutdown();
      pool.awaitTermination(60, TimeUnit.SECONDS);
      System.out.printf("== %d sessions per node, %d s, node 0 killed -9 half-way (%d s before the end)%n", perNode, seconds,
          (System.currentTimeMillis() - killedAt) / 1000);
      for (int n = 0; n < 3; n++) {
        System.out.printf("== sessions of node %d: %d calls, %d failed%s%n", n, calls[n].get(), failed[n].get(),
            n == 0 ? " (after the kill: " + gone.get() + " answered 410 'session lost', the first " + (firstGone.get() - killStart)
                + " ms after the kill; " + deadOther.get() + " otherwise)" : "");
      }
      System.out.printf("== survivors' sessions, call latency (step, background+join, 3-step run): p50 %s -> %s, p99 %s -> %s"
          + " before -> after the kill; p99 ratio %.2f%n", Stats.ms(before.percentile(50)), Stats.ms(after.percentile(50)),
          Stats.ms(before.percentile(99)), Stats.ms(after.percentile(99)), after.percentile(99) / before.percentile(99));
      System.out.println("== failures on survivors' sessions: " + (failed[1].get() + failed[2].get()) + "\n   "
          + String.join("\n   ", firstFailures) + "\n  "
          + "; calls cut by the death of their HTTP entry node: " + entryLost.get());
    } finally {
      nodes.forEach(Process::destroyForcibly);
    }
  }
}
