package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.SharedService;
import org.openutm.verification.support.TestService;

/** Single steps, references, background tasks and joins over real HTTP. */
class StepApiTest extends SharedService {

  static JsonObject step(String session, JsonObject def) {
    Http.Response r = http.post("/api/step", def, "X-Session-Id", session);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  void healthInfoAndOperations() {
    assertEquals(new JsonObject().put("status", "ok"), http.get("/health").json());
    Http.Response ready = http.get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertEquals("UP", ready.json().getString("status"));
    assertEquals("OpenUTM Verification API is running", http.get("/api/info").json().getString("message"));
    JsonArray ops = (JsonArray) http.get("/operations").value();
    JsonObject wait = ops.stream().map(o -> (JsonObject) o).filter(o -> o.getString("name").equals("Wait X seconds"))
        .findFirst().orElseThrow();
    assertEquals("CommonClient", wait.getString("category"));
    JsonObject duration = wait.getJsonArray("parameters").getJsonObject(0);
    assertEquals("duration", duration.getString("name"));
    assertEquals("duration", duration.getString("type"));
    assertEquals(5.0, duration.getDouble("default"));
  }

  @Test
  void foregroundStepIsStoredUnderItsId() {
    String s = newSession();
    JsonObject r = step(s, new JsonObject().put("step", "Generate UUID").put("id", "u1"));
    assertEquals("success", r.getString("status"));
    assertEquals("u1", r.getString("id"));
    assertEquals("Generate UUID", r.getString("name"));
    UUID.fromString(r.getString("result"));
    JsonArray results = http.get("/api/sessions/" + s + "/results").json().getJsonArray("results");
    assertEquals(1, results.size());
    assertEquals(r.getString("result"), results.getJsonObject(0).getString("result"));
  }

  @Test
  void referencesResolveAgainstTheSessionByIdOrName() {
    String s = newSession();
    step(s, new JsonObject().put("step", "Generate Random Number").put("id", "n")
        .put("arguments", new JsonObject().put("min", 7).put("max", 7)));
    JsonObject r = step(s, new JsonObject().put("step", "Generate Random Number")
        .put("arguments", new JsonObject().put("min", "${{ steps.n.result }}").put("max", "${{ steps.n.result }}")));
    assertEquals(7L, r.getLong("result"));
    step(s, new JsonObject().put("step", "Generate UUID"));
    JsonObject w = step(s, new JsonObject().put("step", "Wait X seconds")
        .put("arguments", new JsonObject().put("duration", "${{ steps.n.result }}ms")));
    assertEquals("success", w.getString("status"), w.encode());
    assertTrue(w.getDouble("duration") < 5, "7 ms, interpolated into a string duration");
  }

  @Test
  void backgroundTaskJoinAndSecondJoin() {
    String s = newSession();
    JsonObject started = step(s, new JsonObject().put("step", "Wait X seconds").put("id", "bg")
        .put("arguments", new JsonObject().put("duration", 0.3)).put("run_in_background", true));
    assertEquals("running", started.getString("status"));
    String taskId = started.getString("task_id");
    UUID.fromString(taskId);
    JsonObject status = http.get("/api/tasks/" + taskId, "X-Session-Id", s).json();
    assertEquals("running", status.getString("status"));
    assertEquals("running", http.get("/api/sessions/" + s + "/results").json().getJsonArray("results")
        .getJsonObject(0).getString("status"));

    Http.Response joined = http.post("/api/tasks/" + taskId + "/join", null, "X-Session-Id", s);
    assertEquals(200, joined.status(), joined.body());
    assertEquals("success", joined.json().getString("status"));
    assertEquals("bg", joined.json().getString("id"));
    assertTrue(joined.json().getDouble("duration") >= 0.25, joined.body());
    Http.Response again = http.post("/api/tasks/" + taskId + "/join", null, "X-Session-Id", s);
    assertEquals(joined.json(), again.json());
    JsonObject stored = http.get("/api/sessions/" + s + "/results").json().getJsonArray("results").getJsonObject(0);
    assertEquals("success", stored.getString("status"), "the final result replaced the running record");
  }

  /**
   * Issue 21: the toolkit's {@code background: true} answers its running StepResult with {@code result: {task_id: <step
   * id>}} (its runner's _record_step_running); the task is joinable by that step id, over HTTP and as a join step.
   */
  @Test
  void toolkitBackgroundAnswersARunningStepResultJoinableByStepId() {
    String s = newSession();
    JsonObject started = step(s, new JsonObject().put("step", "Generate Random Number").put("id", "stream")
        .put("arguments", new JsonObject().put("min", 5).put("max", 5)).put("background", true));
    assertEquals("running", started.getString("status"));
    assertEquals("stream", started.getString("id"));
    assertEquals("Generate Random Number", started.getString("name"));
    assertEquals(new JsonObject().put("task_id", "stream"), started.getJsonObject("result"));
    assertTrue(started.containsKey("error_message") && started.containsKey("logs") && started.containsKey("duration"));
    Http.Response joined = http.post("/api/tasks/stream/join", null, "X-Session-Id", s);
    assertEquals(200, joined.status(), joined.body());
    assertEquals(5L, joined.json().getLong("result"));
    JsonObject viaStep = step(s, new JsonObject().put("step", "SessionManager.join_task").put("id", "j")
        .put("arguments", new JsonObject().put("task_id", "${{ steps.stream.result.task_id }}")));
    assertEquals("success", viaStep.getString("status"), viaStep.encode());
    assertEquals(5L, viaStep.getLong("result"));
  }

  @Test
  void joinTaskStepResolvesAReference() {
    String s = newSession();
    step(s, new JsonObject().put("step", "Generate Random Number").put("id", "bg")
        .put("arguments", new JsonObject().put("min", 3).put("max", 3)).put("run_in_background", true));
    JsonObject joined = step(s, new JsonObject().put("step", "SessionManager.join_task").put("id", "j")
        .put("arguments", new JsonObject().put("task_id", "${{ steps.bg.result.task_id }}")));
    assertEquals("success", joined.getString("status"), joined.encode());
    assertEquals(3L, joined.getLong("result"));
    JsonArray results = http.get("/api/sessions/" + s + "/results").json().getJsonArray("results");
    assertEquals("j", results.getJsonObject(1).getString("id"));
  }

  @Test
  void failedTaskReturnsItsFailure() {
    String s = newSession();
    String taskId = step(s, new JsonObject().put("step", "Generate Random Number").put("run_in_background", true)
        .put("arguments", new JsonObject().put("min", 9).put("max", 1))).getString("task_id");
    JsonObject r = http.post("/api/tasks/" + taskId + "/join", null, "X-Session-Id", s).json();
    assertEquals("failure", r.getString("status"));
    assertTrue(r.getString("error_message").contains("smaller than min"), r.encode());
  }

  @Test
  void sessionsAreIsolatedAndTheDefaultSessionServesUnnamedRequests() {
    String a = newSession();
    String b = newSession();
    assertNotEquals(a, b);
    step(a, new JsonObject().put("step", "Generate UUID").put("id", "only-in-a"));
    assertEquals(0, http.get("/api/sessions/" + b + "/results").json().getJsonArray("results").size());
    Http.Response r = http.post("/api/step", new JsonObject().put("step", "Generate UUID").put("id", "in-default"));
    assertEquals(200, r.status());
    JsonArray def = http.get("/api/sessions/default/results").json().getJsonArray("results");
    assertTrue(def.stream().anyMatch(o -> ((JsonObject) o).getString("id").equals("in-default")));
    Http.Response viaQuery = http.post("/api/step?session=" + a, new JsonObject().put("step", "Generate UUID")
        .put("id", "via-query"));
    assertEquals(200, viaQuery.status());
    assertEquals(2, http.get("/api/sessions/" + a + "/results").json().getJsonArray("results").size());
    assertTrue(http.get("/api/sessions").json().getJsonArray("sessions").size() >= 3);
  }

  @Test
  void resetFailsPendingJoinsAndClearsResults() throws Exception {
    String s = newSession();
    String taskId = step(s, new JsonObject().put("step", "Wait X seconds").put("run_in_background", true)
        .put("arguments", new JsonObject().put("duration", 30))).getString("task_id");
    var join = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> http.post("/api/tasks/" + taskId + "/join", null, "X-Session-Id", s));
    Thread.sleep(200);
    Http.Response reset = http.post("/session/reset", null, "X-Session-Id", s);
    assertEquals("session_reset", reset.json().getString("status"));
    Http.Response joined = join.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(410, joined.status(), joined.body());
    assertEquals("gone", joined.json().getString("error"));
    assertEquals(0, http.get("/api/sessions/" + s + "/results").json().getJsonArray("results").size());
    assertEquals(404, http.post("/api/tasks/" + taskId + "/join", null, "X-Session-Id", s).status());
  }

  @Test
  void deleteSession() {
    String s = newSession();
    Http.Response d = http.delete("/api/sessions/" + s);
    assertEquals(200, d.status(), d.body());
    Http.Response after = http.post("/api/step", new JsonObject().put("step", "Generate UUID"), "X-Session-Id", s);
    assertEquals(404, after.status());
    assertEquals("session", after.json().getJsonObject("details").getString("field"));
    assertEquals(404, http.delete("/api/sessions/" + s).status());
  }

  @Test
  void sessionWithChosenIdAndConflict() {
    String id = "script-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, http.post("/api/sessions", new JsonObject().put("session_id", id)).status());
    Http.Response again = http.post("/api/sessions", new JsonObject().put("session_id", id));
    assertEquals(409, again.status());
    assertNotNull(again.json().getString("message"));
  }
}
