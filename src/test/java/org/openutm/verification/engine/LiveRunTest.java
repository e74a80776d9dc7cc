package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.SharedService;
import org.openutm.verification.support.TestService;

/** Async runs, any number of SSE consumers (late ones replay), per-run paths and stop. */
class LiveRunTest extends SharedService {
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static CompletableFuture<HttpResponse<String>> sse(String path, String session) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + path))
        .header("X-Session-Id", session).GET().build(), HttpResponse.BodyHandlers.ofString());
  }


  @Test
  void asyncRunStreamsEveryChangeToEveryConsumer() throws Exception {
    String s = newSession();
    String yaml = """
        name: live
        steps:
          - id: bg
            step: Wait X seconds
            arguments: {duration: 0.5}
            background: true
          - id: first
            step: Generate UUID
          - id: joined
            step: Generate UUID
            needs: [bg]
        """;
    Http.Response started = http.post("/run-scenario-async", yaml, "Content-Type", "application/yaml",
        "X-Session-Id", s);
    assertEquals(200, started.status(), started.body());
    String runId = started.json().getString("run_id");
    var early = sse("/run-scenario-events", s);
    var perRun = sse("/api/runs/" + runId + "/events", s);
    Thread.sleep(800);
    var late = sse("/api/runs/" + runId + "/events", s);
    for (var f : List.of(early, perRun, late)) {
      HttpResponse<String> r = f.get(20, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      String body = r.body();
      assertTrue(body.contains("\"status\":\"running\""), "the running record of bg: " + body);
      assertTrue(body.contains("\"id\":\"joined\""), body);
      assertTrue(body.trim().endsWith("event: done\ndata: {\"status\":\"success\",\"error\":null}"), body);
      long results = body.lines().filter(l -> l.startsWith("data: {\"id\"") && l.contains("\"status\"")).count();
      assertEquals(6, results, "bg running, first running, first, bg done, joined running, joined: " + body);
      // issue 21: as the toolkit's server, a StepResult with status running before each foreground step
      assertTrue(body.indexOf("data: {\"id\":\"first\",\"name\":\"Generate UUID\",\"phase\":null,\"status\":\"running\"")
          < body.indexOf("data: {\"id\":\"first\",\"name\":\"Generate UUID\",\"phase\":null,\"status\":\"success\""), body);
      assertEquals(3, body.lines().filter(l -> l.equals("event: started")).count(), body);
    }
    JsonObject summary = http.get("/api/runs/" + runId).json();
    assertEquals("success", summary.getString("status"));
    assertEquals(3, summary.getJsonArray("results").size());
    assertTrue(summary.getDouble("duration") >= 0.45, summary.encode());
    assertEquals(404, http.get("/api/runs/nope").status());
  }

  /**
   * Issue 23: a run's map event comes after the step that drew it (it once came first with a higher sequence number,
   * and the SSE stream then dropped that step's result: the toolkit's editor showed the step running for good).
   */
  @Test
  void aMapEventFollowsTheStepThatDrewIt() throws Exception {
    String s = newSession();
    String yaml = """
        name: mapped live
        steps:
          - id: fence
            step: Upload Geo Fence
          - id: after
            step: Generate UUID
          - id: delete
            step: Delete Geo Fence
            if: always()
        """;
    Http.Response started = http.post("/run-scenario-async", yaml, "Content-Type", "application/yaml",
        "X-Session-Id", s);
    assertEquals(200, started.status(), started.body());
    String body = sse("/api/runs/" + started.json().getString("run_id") + "/events", s).get(20, TimeUnit.SECONDS).body();
    int fence = body.indexOf("data: {\"id\":\"fence\",\"name\":\"Upload Geo Fence\",\"phase\":\"PRE FLIGHT\",\"status\":\"success\"");
    int map = body.indexOf("event: map\ndata: {\"features\":{\"type\":\"FeatureCollection\"");
    assertTrue(fence > 0, "the step's result is streamed: " + body);
    assertTrue(map > fence, "the map event follows it: " + body);
    assertTrue(body.substring(map, body.indexOf('\n', map + 12)).contains("\"kind\":\"geofence\""), body);
    assertTrue(body.contains("\"id\":\"after\",\"name\":\"Generate UUID\",\"phase\":null,\"status\":\"success\""), body);
    assertTrue(body.trim().endsWith("event: done\ndata: {\"status\":\"success\",\"error\":null}"), body);
  }

  @Test
  void stopCancelsEverythingAndRunsOnlyAlwaysSteps() throws Exception {
    String s = newSession();
    String yaml = """
        name: stoppable
        steps:
          - id: bg
            step: Wait X seconds
            arguments: {duration: 60}
            background: true
          - id: fg
            step: Wait X seconds
            arguments: {duration: 60}
          - id: normal
            step: Generate UUID
          - id: teardown
            step: Generate UUID
            if: always()
        """;
    String runId = http.post("/run-scenario-async", yaml, "Content-Type", "application/yaml", "X-Session-Id", s)
        .json().getString("run_id");
    org.openutm.verification.support.Waits.until(() -> inFlight() == 2, 10_000,
        "the background and the foreground wait are on the worker");
    Http.Response conflict = http.post("/run-scenario-async", yaml, "Content-Type", "application/yaml",
        "X-Session-Id", s);
    assertEquals(409, conflict.status(), "one run at a time per session");
    JsonObject stopped = http.post("/stop-scenario", null, "X-Session-Id", s).json();
    assertEquals(true, stopped.getBoolean("stopped"));
    var events = sse("/api/runs/" + runId + "/events", s).get(10, TimeUnit.SECONDS);
    assertTrue(events.body().contains("event: done\ndata: {\"status\":\"cancelled\""), events.body());
    JsonObject summary = http.get("/api/runs/" + runId).json();
    var byId = new java.util.HashMap<String, String>();
    summary.getJsonArray("results").forEach(o -> byId.put(((JsonObject) o).getString("id"),
        ((JsonObject) o).getString("status")));
    assertEquals("failure", byId.get("fg"));
    assertEquals("failure", byId.get("bg"));
    assertEquals("skipped", byId.get("normal"));
    assertEquals("success", byId.get("teardown"));
    assertEquals(0, inFlight(), "no wait left behind on the worker");
    assertEquals(false, http.post("/stop-scenario", null, "X-Session-Id", s).json().getBoolean("stopped"));
  }

  static int inFlight() {
    return org.openutm.verification.support.Waits.commonInFlight(service);
  }
}
