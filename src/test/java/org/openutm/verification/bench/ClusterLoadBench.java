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

  public static void main(String[] args) throws Exception {
    int perNode = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    String cluster = "openutm-bench-" + UUID.randomUUID().toString().substring(0, 8);
    int hz = 16_000 + (int) (Math.random() * 20_000);
    String cp = System.getProperty("java.class.path");
    List<Process> nodes = new ArrayList<>();
    List<Http> http = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        int port = TestService.freePort();
        Path log = Path.of("target/cluster-bench/" + cluster + "-" + i + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m", "-cp", cp, "org.openutm.verification.cli.Main", "serve", "--port", String.valueOf(port),
            "--cluster", "--cluster-name", cluster, "--cluster-port", String.valueOf(hz),
            "--cluster-members", "127.0.0.1:" + hz + "-" + (hz + 4)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LOG_LEVEL", "ERROR");
        pb.directory(new File("."));
        nodes.add(pb.start());
        http.add(new Http("http://127.0.0.1:" + port));
      }
      long ready = System.currentTimeMillis() + 120_000;
      while (System.currentTimeMillis() < ready) {
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
            boolean ok;
            String what;
            try {
              switch (r.nextInt(3)) {
                case 0 -> {
                  what = "step";
                  ok = "success".equals(h.post("/api/step", new JsonObject().put("step", "Generate UUID"), "X-Session-Id", s)
                      .json().getString("status"));
                }
                case 1 -> {
                  what = "background+join";
                  String task = h.post("/api/step", new JsonObject().put("step", "Wait X seconds").put("arguments",
                      new JsonObject().put("duration", "300ms")).put("run_in_background", true), "X-Session-Id", s)
                      .json().getString("task_id");
                  ok = task != null && "success".equals(http.get(dead.get() ? 1 + r.nextInt(2) : r.nextInt(3))
                      .post("/api/tasks/" + task + "/join", null, "X-Session-Id", s).json().getString("status"));
                }
                default -> {
                  what = "run";
                  ok = h.post("/run-scenario", "name: b\nsteps:\n  - step: Generate UUID\n  - step: Wait X seconds\n"
                      + "    arguments: {duration: 200ms}\n  - step: Generate UUID\n", "Content-Type", "application/yaml",
                      "X-Session-Id", s).status() == 200;
                }
              }
            } catch (RuntimeException ex) {
              what = "call";
              ok = false;
            }
            calls[own].incrementAndGet();
            if (!ok && via == 0 && own != 0) {
              entryLost.incrementAndGet(); // the HTTP entry node itself died under this call: not the session's failure
            } else if (!ok) {
              failed[own].incrementAndGet();
              if (own == 0 && dead.get()) {
                gone.incrementAndGet();
              } else if (firstFailures.size() < 5) {
                firstFailures.add(what + " on a session of node " + own + " via node " + via);
              }
            }
          }
          return null;
        });
      }
      Thread.sleep(seconds * 500L);
      nodes.get(0).destroyForcibly().waitFor();
      long killedAt = System.currentTimeMillis();
      dead.set(true);
      Thread.sleep(seconds * 500L);
      stop.set(true);
      pool.shutdown();
      pool.awaitTermination(60, TimeUnit.SECONDS);
      System.out.printf("== %d sessions per node, %d s, node 0 killed -9 half-way (%d s before the end)%n", perNode, seconds,
          (System.currentTimeMillis() - killedAt) / 1000);
      for (int n = 0; n < 3; n++) {
        System.out.printf("== sessions of node %d: %d calls, %d failed%s%n", n, calls[n].get(), failed[n].get(),
            n == 0 ? " (after the kill: 410 'session lost' expected)" : "");
      }
      System.out.println("== failures on survivors' sessions: " + (failed[1].get() + failed[2].get()) + " " + firstFailures
          + "; calls cut by the death of their HTTP entry node: " + entryLost.get());
    } finally {
      nodes.forEach(Process::destroyForcibly);
    }
  }
}
