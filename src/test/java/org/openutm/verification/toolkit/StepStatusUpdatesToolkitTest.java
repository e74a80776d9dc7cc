package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * Port of the toolkit's tests/test_step_status_updates.py (7 tests); the steps of a group called once keep their own
 * ids, as there. Where the source patches its SessionManager's
 * step execution with mocks, these run the same shapes with real operations: a step whose argument turns out to be of
 * the wrong type while running, a step whose operation throws, a group whose second step fails, a group step whose
 * condition reads a missing result, references inside a group, a looped group's ids, and the running records a run
 * publishes.
 */
class StepStatusUpdatesToolkitTest extends ToolkitRuns {
  static Http.Response step(String session, JsonObject body) {
    return http.post("/api/step", body, "X-Session-Id", session);
  }

  static JsonObject recorded(String session, String id) {
    JsonArray results = http.get("/api/sessions/" + session + "/results").json().getJsonArray("results");
    JsonObject found = null;
    for (Object o : results) {
      if (id.equals(((JsonObject) o).getString("id"))) {
        found = (JsonObject) o;
      }
    }
    assertTrue(found != null, id + " not recorded: " + results.encode());
    return found;
  }

  @Test
  void TestStepStatusOnException_test_step_status_fail_on_validation_error() {
    String s = newSession();
    assertEquals("success", step(s, new JsonObject().put("id", "made").put("step", "Generate UUID")).json().getString("status"));
    // observations must be a list; the reference gives a string only when it resolves, while the step runs
    JsonObject r = step(s, new JsonObject().put("id", "test_step").put("step", "Submit Air Traffic")
        .put("arguments", new JsonObject().put("observations", "${{ steps.made.result }}"))).json();
    assertEquals("failure", r.getString("status"), r.encode());
    assertEquals("test_step", r.getString("id"));
    assertTrue(r.getString("error_message").toLowerCase().contains("list"), r.encode());
    assertEquals("failure", recorded(s, "test_step").getString("status"), "recorded as failed, not left running");
  }

  @Test
  void TestStepStatusOnException_test_step_status_fail_on_generic_exception() {
    String s = newSession();
    JsonObject r = step(s, new JsonObject().put("id", "test_step").put("step", "Generate Random Number")
        .put("arguments", new JsonObject().put("min", 9).put("max", 1))).json();
    assertEquals("failure", r.getString("status"), r.encode());
    assertEquals("test_step", r.getString("id"));
    assertFalse(r.getString("error_message").isBlank());
    assertEquals("failure", recorded(s, "test_step").getString("status"));
  }

  @Test
  void TestGroupStepStatusUpdates_test_remaining_group_steps_marked_skip_on_failure() {
    Map<String, JsonObject> r = run("""
        name: Test Group Failure
        groups:
          my_group:
            description: Test group
            steps:
              - id: step1
                step: Generate UUID
              - id: step2
                step: Generate Random Number
                arguments: {min: 9, max: 1}
              - id: step3
                step: Generate UUID
        steps:
          - step: my_group
        """);
    assertEquals("success", status(r, "step1"));
    assertEquals("failure", status(r, "step2"));
    assertEquals("skipped", status(r, "step3"), "not left running");
    assertTrue(r.get("step3").getString("error_message").toLowerCase().contains("previous step failure"),
        r.get("step3").encode());
  }

  @Test
  void TestGroupStepStatusUpdates_test_group_step_with_condition_skipped() {
    // the source's fetch returns None and submit asks for one; here fetch returns a UUID and submit asks for None
    Map<String, JsonObject> r = run("""
        name: Test Group Condition
        groups:
          my_group:
            steps:
              - id: fetch
                step: Generate UUID
              - id: submit
                step: Generate UUID
                if: steps.fetch.result == None
              - id: wait
                step: Generate UUID
        steps:
          - step: my_group
        """);
    assertEquals("success", status(r, "fetch"));
    assertEquals("skipped", status(r, "submit"));
    assertTrue(r.get("submit").getString("error_message").toLowerCase().contains("condition"),
        r.get("submit").encode());
    assertEquals("success", status(r, "wait"));
  }

  @Test
  void TestGroupContextReferenceResolution_test_group_context_takes_priority_over_state_step_results() {
    Map<String, JsonObject> r = run("""
        name: Test Group Context Priority
        groups:
          my_group:
            steps:
              - id: fetch
                step: Generate Random Number
                arguments: {min: 7, max: 7}
              - id: submit
                step: Generate Random Number
                arguments: {min: "${{ steps.fetch.result }}", max: 7}
        steps:
          - step: my_group
        """);
    // the completed result of fetch, not its earlier running record (result null)
    assertEquals("success", status(r, "submit"), r.toString());
    assertEquals(7, r.get("submit").getInteger("result"));
  }

  @Test
  void TestLoopStepStatusUpdates_test_looped_group_step_ids_include_index() {
    Map<String, JsonObject> r = run("""
        name: Test Loop IDs
        groups:
          my_group:
            steps:
              - id: step1
                step: Generate UUID
        steps:
          - step: my_group
            loop: {count: 3}
        """);
    assertEquals("success", status(r, "my_group[2].step1"), r.keySet().toString());
  }

  @Test
  void TestDuplicateStepPrevention_test_no_duplicate_running_entries() throws Exception {
    String s = newSession();
    Http.Response started = http.post("/run-scenario-async", """
        name: Test No Duplicates
        groups:
          my_group:
            steps:
              - id: step1
                step: Generate UUID
              - id: step2
                step: Generate UUID
        steps:
          - step: my_group
            loop: {count: 1}
        """, "Content-Type", "application/yaml", "X-Session-Id", s);
    assertEquals(200, started.status(), started.body());
    HttpResponse<String> events = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.port + "/run-scenario-events")).header("X-Session-Id", s).GET().build(),
        HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
    Map<String, Integer> running = new HashMap<>();
    events.body().lines().filter(l -> l.startsWith("data: {\"id\"")).map(l -> new JsonObject(l.substring(6)))
        .filter(j -> "running".equals(j.getString("status"))).forEach(j -> running.merge(j.getString("id"), 1, Integer::sum));
    assertEquals(1, running.get("my_group[0].step1"), events.body());
    assertEquals(1, running.get("my_group[0].step2"), events.body());
  }
}
