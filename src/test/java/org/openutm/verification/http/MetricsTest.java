package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** GET /metrics in Prometheus text: Vert.x's HTTP metrics and the service's steps, runs, sessions, tasks, Flight Blender. */
class MetricsTest {
  @Test
  void prometheusMetricsCountWhatHappened() throws Exception {
    try (TestService svc = TestService.start()) {
      Http http = svc.http;
      assertEquals("success", http.post("/api/step", new JsonObject().put("step", "Generate UUID")).json().getString("status"));
      assertEquals("failure", http.post("/api/step", new JsonObject().put("step", "Generate Random Number")
          .put("arguments", new JsonObject().put("min", 9).put("max", 1))).json().getString("status"));
      http.post("/api/step", new JsonObject().put("step", "Cleanup Flight Declarations"));
      assertEquals(200, http.post("/run-scenario", "name: m\nsteps:\n  - step: Generate UUID\n", "Content-Type",
          "application/yaml").status());
      Http.Response r = http.get("/metrics");
      assertEquals(200, r.status());
      String text = r.body();
      assertTrue(text.contains("openutm_steps_total{operation=\"Generate UUID\",status=\"success\"}"), text);
      assertTrue(text.contains("openutm_steps_total{operation=\"Generate Random Number\",status=\"failure\"}"));
      assertTrue(text.contains("openutm_step_duration_seconds_bucket{operation=\"Generate UUID\""));
      assertTrue(text.contains("openutm_runs_total{status=\"success\"}"));
      assertTrue(text.contains("openutm_sessions_open"));
      assertTrue(text.contains("openutm_background_tasks_running"));
      assertTrue(text.contains("openutm_flight_blender_request_seconds_count{method=\"GET\",status=\"200\"}"), "FB latency");
      assertTrue(text.contains("vertx_http_server_requests_total"), "Vert.x HTTP metrics");
      // Vert.x's event-bus metrics are off (a meter lookup and a gauge per message cost the step path about a tenth of
      // its CPU, docs/performance.md); the steps they carried are counted by openutm_steps_total
      assertFalse(text.contains("vertx_eventbus_"), "Vert.x event-bus metrics are off");
      assertTrue(text.contains("vertx_pool_"), "Vert.x pool metrics (the workers' queue)");
    }
  }
}
