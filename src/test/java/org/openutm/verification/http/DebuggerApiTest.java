package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.SharedService;
import org.openutm.verification.support.Waits;

/** The debugger over HTTP: breakpoints on a run, the paused state, resume with edited arguments, refusals. */
class DebuggerApiTest extends SharedService {
  static final String YAML = """
      name: debug over http
      steps:
        - id: n
          step: Generate Random Number
          arguments: {min: 1, max: 1}
        - id: m
          step: Generate Random Number
          arguments: {min: "${{ steps.n.result }}", max: "${{ steps.n.result }}"}
        - id: last
          step: Generate UUID
      """;

  static Http.Response start(String session, String breakpoints) {
    return http.post("/run-scenario-async?breakpoints=" + breakpoints, YAML, "Content-Type", "application/yaml",
        "X-Session-Id", session);
  }

  @Test
  void aRunPausesAtItsBreakpointAndResumesWithEditedArguments() {
    String s = newSession();
    Http.Response started = start(s, "m");
    assertEquals(200, started.status(), started.body());
    String runId = started.json().getString("run_id");
    Waits.until(() -> "m".equals(http.get("/api/runs/" + runId + "?results=false").json().getString("paused_at")),
        10_000, "the run pauses before m");
    Http.Response wrongStep = http.post("/api/sessions/" + s + "/resume", new JsonObject().put("step_id", "last"));
    assertEquals(409, wrongStep.status(), wrongStep.body());
    Http.Response badStep = http.post("/api/sessions/" + s + "/resume", new JsonObject().put("step_id", 5));
    assertEquals(400, badStep.status(), badStep.body());
    assertEquals("step_id", badStep.json().getJsonObject("details").getString("field"));
    Http.Response badMode = http.post("/api/sessions/" + s + "/resume", new JsonObject().put("mode", "run"));
    assertEquals(400, badMode.status(), badMode.body());
    assertEquals("mode", badMode.json().getJsonObject("details").getString("field"));
    Http.Response resumed = http.post("/api/sessions/" + s + "/resume", new JsonObject().put("step_id", "m")
        .put("arguments", new JsonObject().put("min", 7).put("max", 7)));
    assertEquals(200, resumed.status(), resumed.body());
    Waits.until(() -> !"running".equals(http.get("/api/runs/" + runId + "?results=false").json().getString("status")),
        10_000, "the run ends");
    JsonObject summary = http.get("/api/runs/" + runId).json();
    assertEquals("success", summary.getString("status"), summary.encode());
    JsonArray results = summary.getJsonArray("results");
    assertEquals(7L, results.getJsonObject(1).getLong("result"), results.encode());
    String events = http.get("/api/runs/" + runId + "/events").body();
    assertTrue(events.contains("event: paused\ndata: {\"step_id\":\"m\",\"resolved_arguments\":{\"min\":1,\"max\":1}}"),
        events);
    assertTrue(events.contains("event: resumed\ndata: {\"step_id\":\"m\",\"mode\":\"continue\",\"edited\":true}"), events);
    assertEquals(409, http.post("/api/sessions/" + s + "/resume", new JsonObject()).status(), "nothing paused");
    assertEquals(409, http.post("/api/sessions/" + s + "/pause", null).status(), "no run active");
  }

  @Test
  void resolveShowsWhatAStepsArgumentsResolveToWithoutRunningIt() {
    String s = newSession();
    assertEquals(200, http.post("/api/step", new JsonObject().put("id", "n").put("step", "Generate Random Number")
        .put("arguments", new JsonObject().put("min", 3).put("max", 3)), "X-Session-Id", s).status());
    Http.Response r = http.post("/api/sessions/" + s + "/resolve", new JsonObject().put("arguments", new JsonObject()
        .put("min", "${{ steps.n.result }}").put("label", "x${{ steps.n.result }}").put("plain", 7)));
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonObject().put("min", 3).put("label", "x3").put("plain", 7),
        r.json().getJsonObject("resolved_arguments"));
    assertEquals(1, http.get("/api/sessions/" + s + "/results").json().getJsonArray("results").size(), "nothing ran");
    Http.Response bad = http.post("/api/sessions/" + s + "/resolve", new JsonObject().put("arguments",
        new JsonObject().put("min", "${{ steps.never.result }}")));
    assertEquals(400, bad.status(), bad.body());
    assertEquals("arguments.min", bad.json().getJsonObject("details").getString("field"));
    assertEquals(400, http.post("/api/sessions/" + s + "/resolve", new JsonObject().put("arguments", "x")).status());
  }

  @Test
  void aBreakpointOnNoStepIsRefusedNamingIt() {
    String s = newSession();
    Http.Response r = start(s, "m,nope");
    assertEquals(400, r.status(), r.body());
    assertEquals("breakpoints", r.json().getJsonObject("details").getString("field"));
    assertEquals("nope", r.json().getJsonObject("details").getString("step_id"));
  }
}
