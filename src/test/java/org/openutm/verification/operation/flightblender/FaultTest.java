package org.openutm.verification.operation.flightblender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openutm.verification.emulator.EmulatorVerticle;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * The Flight Blender target misbehaving: answering 500, hanging, refusing connections, or stopping mid-run. Steps fail
 * with a message naming the request within their timeout, teardowns with if: always() still run, nothing hangs, and
 * the exchanges are captured with the Authorization header redacted.
 */
class FaultTest {
  static final String SCENARIO = """
      name: faults
      steps:
        - id: setup
          step: Setup Flight Declaration
        - id: skipped_after
          step: Update Operation State
          arguments: {state: ACTIVATED}
        - id: teardown
          step: Teardown Flight Declaration
          arguments: {flight_declaration_id: "00000000-0000-0000-0000-000000000000"}
          if: always()
      """;

  static Map<String, JsonObject> run(String url) {
    return run(url, 1);
  }

  /** {@code timeoutSeconds}: 1 where the test is about the timeout, more where a slow CI machine must not fire it. */
  static Map<String, JsonObject> run(String url, int timeoutSeconds) {
    try (TestService svc = TestService.start(new JsonObject().put("flight_blender",
        new JsonObject().put("url", url).put("timeout_seconds", timeoutSeconds)))) {
      Http.Response r = svc.http.post("/run-scenario", SCENARIO, "Content-Type", "application/yaml");
      assertEquals(200, r.status(), r.body());
      Map<String, JsonObject> byId = new HashMap<>();
      ((JsonArray) r.value()).forEach(o -> byId.put(((JsonObject) o).getString("id"), (JsonObject) o));
      return byId;
    }
  }

  static HttpServer peer(Vertx vertx, String mode) {
    return TestService.await(vertx.createHttpServer().requestHandler(req -> {
      if (mode.equals("500")) {
        req.response().setStatusCode(500).end("{\"detail\":\"database unavailable\"}");
      }
      // "hang": never answers
    }).listen(0, "127.0.0.1"));
  }

  @Test
  void answering500() {
    Vertx vertx = Vertx.vertx();
    try {
      // the peer answers at once: a 1 s timeout fired here once on a loaded 2-core CI machine
      var r = run("http://127.0.0.1:" + peer(vertx, "500").actualPort(), 10);
      assertEquals("failure", r.get("setup").getString("status"));
      assertTrue(r.get("setup").getString("error_message").contains("/set_flight_declaration -> 500"),
          r.get("setup").encode());
      assertEquals("skipped", r.get("skipped_after").getString("status"));
      assertEquals("failure", r.get("teardown").getString("status"), "the teardown ran (and failed: 500)");
      JsonObject exchange = r.get("setup").getJsonArray("http_exchanges").getJsonObject(0);
      assertEquals(500, exchange.getInteger("status"));
      assertEquals("POST", exchange.getString("method"));
      assertEquals("Bearer [redacted]", exchange.getJsonObject("request_headers").getString("Authorization"));
      assertFalse(r.get("setup").encode().contains("eyJ"), "no token in the step result");
    } finally {
      TestService.await(vertx.close());
    }
  }

  @Test
  void hangingTargetTimesOutPerRequest() {
    Vertx vertx = Vertx.vertx();
    try {
      long t0 = System.currentTimeMillis();
      var r = run("http://127.0.0.1:" + peer(vertx, "hang").actualPort());
      assertTrue(System.currentTimeMillis() - t0 < 15_000, "no hang");
      assertTrue(r.get("setup").getString("error_message").contains("no answer within 1.0 s"), r.get("setup").encode());
      assertEquals("failure", r.get("teardown").getString("status"));
      assertTrue(r.get("teardown").getString("error_message").contains("no answer within"));
    } finally {
      TestService.await(vertx.close());
    }
  }

  @Test
  void refusedConnection() {
    var r = run("http://127.0.0.1:" + TestService.freePort(), 10);
    assertTrue(r.get("setup").getString("error_message").contains("failed"), r.get("setup").encode());
    assertEquals("failure", r.get("teardown").getString("status"));
  }

  @Test
  void emulatorStoppedMidRun() throws Exception {
    Vertx vertx = Vertx.vertx();
    EmulatorVerticle emu = new EmulatorVerticle(new JsonObject());
    String deployment = TestService.await(vertx.deployVerticle(emu));
    try (TestService svc = TestService.start(new JsonObject().put("flight_blender",
        new JsonObject().put("url", "http://127.0.0.1:" + emu.port()).put("timeout_seconds", 1)))) {
      String yaml = """
          name: stopped
          steps:
            - id: setup
              step: Setup Flight Declaration
              arguments: {telemetry_duration: 30}
            - step: Update Operation State
              arguments: {state: ACTIVATED}
            - id: telemetry
              step: Submit Telemetry
              arguments: {duration: 30}
            - id: teardown
              step: Teardown Flight Declaration
              if: always()
          """;
      String runId = svc.http.post("/run-scenario-async", yaml, "Content-Type", "application/yaml").json()
          .getString("run_id");
      Thread.sleep(4_000);
      TestService.await(vertx.undeploy(deployment));
      JsonObject summary = null;
      for (int i = 0; i < 80; i++) {
        summary = svc.http.get("/api/runs/" + runId).json();
        if (!"running".equals(summary.getString("status"))) {
          break;
        }
        Thread.sleep(250);
      }
      assertEquals("failure", summary.getString("status"), summary.encode());
      Map<String, JsonObject> byId = new HashMap<>();
      summary.getJsonArray("results").forEach(o -> byId.put(((JsonObject) o).getString("id"), (JsonObject) o));
      assertEquals("failure", byId.get("telemetry").getString("status"));
      assertTrue(byId.get("telemetry").getString("error_message").contains("/flight_stream/set_telemetry failed"),
          byId.get("telemetry").encode());
      assertEquals("failure", byId.get("teardown").getString("status"), "the teardown ran");
    } finally {
      TestService.await(vertx.close());
    }
  }
}
