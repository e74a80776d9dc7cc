package org.openutm.verification.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openutm.verification.emulator.EmulatorVerticle;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * Three service nodes as separate JVMs on loopback forming a Hazelcast cluster (a unique cluster name per run), all
 * pointed at one emulator: sessions created on one node are used and joined through the others, a scenario's
 * background steps are joined through another node, kill -9 of the owner gives 410 "session lost" on the survivors
 * while their own sessions keep working, the node restarts and rejoins, and a graceful stop removes its sessions.
 */
class ClusterTest {
  final List<Process> processes = new ArrayList<>();
  final String cluster = "openutm-test-" + UUID.randomUUID().toString().substring(0, 8);
  final int hzBase = 16_000 + (int) (Math.random() * 20_000);
  Vertx emulatorVertx;

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroyForcibly);
    if (emulatorVertx != null) {
      TestService.await(emulatorVertx.close());
    }
  }

  Process node(String name, int httpPort, String flightBlender) throws Exception {
    Path log = Path.of("target/cluster-test/" + cluster + "-" + name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dvertx.disableDnsResolver=true", "-cp", System.getProperty("java.class.path"),
        "org.openutm.verification.cli.Main", "serve", "--port", String.valueOf(httpPort), "--cluster",
        "--cluster-name", cluster, "--cluster-port", String.valueOf(hzBase),
        "--cluster-members", "127.0.0.1:" + hzBase + "-" + (hzBase + 4))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("FLIGHT_BLENDER_URL", flightBlender);
    pb.environment().put("LOG_LEVEL", "WARN");
    pb.directory(new File("."));
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  void eventually(long millis, String what, Supplier<Boolean> check) throws Exception {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      for (Process p : processes) {
        if (!p.isAlive() && p.exitValue() != 137 && p.exitValue() != 143 && p.exitValue() != 0) {
          throw new AssertionError("a node exited with " + p.exitValue() + " (logs in target/cluster-test/" + cluster + "-*.log)");
        }
      }
      try {
        if (check.get()) {
          return;
        }
      } catch (RuntimeException e) {
        // not yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not within " + millis + " ms: " + what);
  }

  static int nodes(Http h) {
    return h.get("/api/cluster").json().getJsonArray("nodes").size();
  }

  static JsonObject step(Http h, String session, JsonObject body) {
    Http.Response r = h.post("/api/step", body, "X-Session-Id", session);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  void sessionsRouteToTheirOwnerAndSurviveOtherNodes() throws Exception {
    emulatorVertx = Vertx.vertx();
    EmulatorVerticle emulator = new EmulatorVerticle(new JsonObject().put("port", 0));
    TestService.await(emulatorVertx.deployVerticle(emulator));
    String fb = "http://127.0.0.1:" + emulator.port();
    int[] ports = {TestService.freePort(), TestService.freePort(), TestService.freePort()};
    Process a = node("a", ports[0], fb);
    node("b", ports[1], fb);
    Process c = node("c", ports[2], fb);
    Http ha = new Http("http://127.0.0.1:" + ports[0]);
    Http hb = new Http("http://127.0.0.1:" + ports[1]);
    Http hc = new Http("http://127.0.0.1:" + ports[2]);
    eventually(90_000, "three nodes see each other", () -> nodes(ha) == 3 && nodes(hb) == 3 && nodes(hc) == 3);
    JsonObject ready = hb.get("/health/ready").json();
    assertEquals("UP", ready.getString("status"), ready.encode());
    assertTrue(ready.encode().contains("\"id\":\"hazelcast\""), "vertx-hazelcast's ClusterHealthCheck: " + ready.encode());

    // a session made on A, used through B and C
    String s1 = ha.post("/api/sessions", null).json().getString("session_id");
    JsonObject uuid = step(hb, s1, new JsonObject().put("step", "Generate UUID").put("id", "made_via_b"));
    assertEquals("success", uuid.getString("status"), uuid.encode());
    JsonObject bg = step(hb, s1, new JsonObject().put("step", "Wait X seconds").put("arguments",
        new JsonObject().put("duration", 1)).put("run_in_background", true).put("id", "bg"));
    assertEquals("running", bg.getString("status"), bg.encode());
    Http.Response joined = hc.post("/api/tasks/" + bg.getString("task_id") + "/join", null, "X-Session-Id", s1);
    assertEquals(200, joined.status(), joined.body());
    assertEquals("success", joined.json().getString("status"));
    JsonArray results = hc.get("/api/sessions/" + s1 + "/results").json().getJsonArray("results");
    assertTrue(results.encode().contains("made_via_b"), results.encode());
    // a Flight Blender step from C reaches the shared target
    JsonObject fbStep = step(hc, s1, new JsonObject().put("step", "Cleanup Flight Declarations"));
    assertEquals("success", fbStep.getString("status"), fbStep.encode());

    // a scenario with background steps, run on A's session through B, joined on A
    String yaml = "name: cluster_bg\nsteps:\n  - id: slow\n    step: Wait X seconds\n    arguments: {duration: 1}\n"
        + "    background: true\n  - id: quick\n    step: Generate UUID\n  - id: after\n    step: Generate UUID\n"
        + "    needs: [slow]\n";
    Http.Response run = hb.post("/run-scenario", yaml, "Content-Type", "application/yaml", "X-Session-Id", s1);
    assertEquals(200, run.status(), run.body());
    assertTrue(run.body().contains("\"after\"") && !run.body().contains("\"failure\""), run.body());

    // a session on B; then A dies
    String s2 = hb.post("/api/sessions", null).json().getString("session_id");
    JsonObject listed = hc.get("/api/cluster").json();
    assertEquals(2, listed.getJsonArray("nodes").stream().mapToInt(n -> ((JsonObject) n).getInteger("sessions")).sum(),
        listed.encode());
    // steps of B's session in flight while A dies: they run on B's own workers, so none dies with A (when the bus
    // spread them over every node's workers, about a third of them went to A and failed or hung)
    List<String> inFlight = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      inFlight.add(step(hb, s2, new JsonObject().put("step", "Wait X seconds").put("arguments",
          new JsonObject().put("duration", 2)).put("run_in_background", true).put("id", "w" + i)).getString("task_id"));
    }
    // a join through B waiting on a task of A's session: answered 410 when Hazelcast reports A gone, not at its end
    String longTask = step(hb, s1, new JsonObject().put("step", "Wait X seconds").put("arguments",
        new JsonObject().put("duration", 60)).put("run_in_background", true).put("id", "long")).getString("task_id");
    var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() ->
        hb.post("/api/tasks/" + longTask + "/join", null, "X-Session-Id", s1));
    Thread.sleep(300);
    a.destroyForcibly().waitFor();
    long killed = System.currentTimeMillis();
    Http.Response lostJoin = waiting.get(45, java.util.concurrent.TimeUnit.SECONDS);
    long joinAnswered = System.currentTimeMillis() - killed;
    assertEquals(410, lostJoin.status(), lostJoin.body());
    assertTrue(joinAnswered < 20_000, "the waiting join answered " + joinAnswered + " ms after the kill (its task had 60 s)");
    System.out.println("[cluster] waiting join answered 410 after " + joinAnswered + " ms");
    for (String task : inFlight) {
      Http.Response j = hb.post("/api/tasks/" + task + "/join", null, "X-Session-Id", s2);
      assertEquals("success", j.json().getString("status"), "a step of a survivor's session: " + j.body());
    }
    eventually(30_000, "410 for A's session from B", () -> {
      Http.Response r = hb.post("/api/step", new JsonObject().put("step", "Generate UUID"), "X-Session-Id", s1);
      return r.status() == 410 && r.json().getString("message").contains("session lost: node");
    });
    long detected = System.currentTimeMillis() - killed;
    assertEquals(410, hc.get("/api/sessions/" + s1 + "/results").status());
    assertEquals("success", step(hc, s2, new JsonObject().put("step", "Generate UUID")).getString("status"),
        "sessions on survivors keep working");
    assertEquals(2, nodes(hb));
    System.out.println("[cluster] owner failure detected after " + detected + " ms");

    // A comes back and rejoins
    a = node("a2", ports[0], fb);
    eventually(90_000, "A rejoins", () -> nodes(hb) == 3 && nodes(ha) == 3);
    String s3 = ha.post("/api/sessions", null).json().getString("session_id");
    assertEquals("success", step(hc, s3, new JsonObject().put("step", "Generate UUID")).getString("status"));

    // C stops gracefully: its sessions leave the directory (404, not 410)
    String s4 = hc.post("/api/sessions", null).json().getString("session_id");
    c.destroy();
    c.waitFor();
    eventually(30_000, "C left", () -> nodes(hb) == 2);
    Http.Response gone = hb.post("/api/step", new JsonObject().put("step", "Generate UUID"), "X-Session-Id", s4);
    assertEquals(404, gone.status(), gone.body());
  }
}
