package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.SharedService;
import org.openutm.verification.support.TestService;

/** Scenario semantics over the real HTTP API (/run-scenario with YAML bodies). */
class ScenarioRunTest extends SharedService {

  static Map<String, JsonObject> run(String yaml) {
    String session = http.post("/api/sessions", null).json().getString("session_id");
    Http.Response r = http.post("/run-scenario", new JsonObject().put("yaml", yaml), "X-Session-Id", session);
    assertEquals(200, r.status(), r.body());
    Map<String, JsonObject> byId = new LinkedHashMap<>();
    ((JsonArray) r.value()).forEach(o -> byId.put(((JsonObject) o).getString("id"), (JsonObject) o));
    return byId;
  }

  static String status(Map<String, JsonObject> r, String id) {
    assertNotNull(r.get(id), "no result for " + id + " in " + r.keySet());
    return r.get(id).getString("status");
  }

  @Test
  void referencesInterpolationAndTypes() {
    var r = run("""
        name: refs
        steps:
          - id: n
            step: Generate Random Number
            arguments: {min: 4, max: 4}
          - step: Generate UUID
          - id: same
            step: Generate Random Number
            arguments:
              min: ${{ steps.n.result }}
              max: "${{ steps.n.result }}"
          - id: interpolated
            step: Wait X seconds
            arguments:
              duration: "${{ steps.same.result }}ms"
        """);
    assertEquals(4L, r.get("same").getLong("result"));
    assertEquals("success", status(r, "interpolated"));
    assertEquals("success", status(r, "Generate UUID"));
    assertTrue(r.get("n").getDouble("duration") >= 0);
  }

  @Test
  void failureSkipsDefaultStepsButAlwaysRunsAndContinueOnErrorDoesNotCount() {
    var r = run("""
        name: failing
        steps:
          - id: tolerated
            step: Generate Random Number
            arguments: {min: 5, max: 1}
            continue-on-error: true
          - id: still-runs
            step: Generate UUID
          - id: broken
            step: Generate Random Number
            arguments: {min: 5, max: 1}
          - id: skipped-after
            step: Generate UUID
          - id: on-failure
            step: Generate UUID
            if: failure()
          - id: teardown
            step: Generate UUID
            if: always()
          - id: never
            step: Generate UUID
            if: steps.broken.status == 'success'
        """);
    assertEquals("failure", status(r, "tolerated"));
    assertEquals("success", status(r, "still-runs"), "a continue-on-error failure does not count");
    assertEquals("failure", status(r, "broken"));
    assertEquals("skipped", status(r, "skipped-after"));
    assertEquals("Skipped due to previous step failure", r.get("skipped-after").getString("error_message"));
    assertEquals("success", status(r, "on-failure"));
    assertEquals("success", status(r, "teardown"));
    assertEquals("skipped", status(r, "never"));
  }

  @Test
  void backgroundAndNeeds() {
    var r = run("""
        name: bg
        steps:
          - id: slow
            step: Wait X seconds
            arguments: {duration: 0.4}
            background: true
          - id: fast
            step: Generate UUID
          - id: after
            step: Generate Random Number
            arguments: {min: 1, max: 1}
            needs: [slow]
          - id: bad-bg
            step: Generate Random Number
            arguments: {min: 3, max: 1}
            background: true
            continue-on-error: true
          - id: needs-bad
            step: Generate UUID
            needs: [bad-bg]
          - id: needs-bad-but-always
            step: Generate UUID
            needs: [bad-bg]
            if: always()
        """);
    assertEquals("success", status(r, "slow"), "the final result replaced the running record");
    assertTrue(r.get("slow").getDouble("duration") >= 0.35);
    assertNotNull(r.get("slow").getString("task_id"));
    assertEquals("success", status(r, "after"));
    assertEquals("skipped", status(r, "needs-bad"));
    assertTrue(r.get("needs-bad").getString("error_message").contains("bad-bg"));
    assertEquals("success", status(r, "needs-bad-but-always"));
    var order = r.keySet().stream().toList();
    assertTrue(order.indexOf("fast") < order.indexOf("after"));
  }

  @Test
  void loopsGroupsAndLoopedGroups() {
    var r = run("""
        name: loops
        groups:
          pair:
            steps:
              - id: a
                step: Generate Random Number
                arguments: {min: 2, max: 2}
              - id: b
                step: Generate Random Number
                arguments:
                  min: ${{ group.a.result }}
                  max: ${{ group.a.result }}
        steps:
          - id: counted
            step: Generate UUID
            loop: {count: 3}
          - id: over-items
            step: Generate Random Number
            arguments: {min: "${{ loop.item }}", max: "${{ loop.item }}"}
            loop: {items: [7, 8]}
          - id: bounded-while
            step: Generate UUID
            loop: {while: "loop.index < 2"}
          - id: pair
            step: pair
          - id: looped-pair
            step: pair
            loop: {count: 2}
          - id: stops-at-first-failure
            step: Generate Random Number
            arguments: {min: 3, max: 1}
            loop: {count: 3}
            continue-on-error: true
        """);
    assertEquals("success", status(r, "counted[2]"));
    assertNull(r.get("counted[3]"));
    assertEquals("success", status(r, "counted"));
    assertEquals(3, r.get("counted").getJsonObject("result").getInteger("iterations"));
    assertEquals(8L, r.get("over-items[1]").getLong("result"));
    assertEquals("success", status(r, "bounded-while[1]"));
    assertNull(r.get("bounded-while[2]"));
    assertEquals(2L, r.get("b").getLong("result"));
    assertEquals(2L, r.get("looped-pair[1].b").getLong("result"));
    assertEquals("success", status(r, "looped-pair"));
    assertNull(r.get("stops-at-first-failure[1]"), "the first failing iteration ends the loop");
  }

  @Test
  void conditionErrorsFailTheStepVisibly() {
    var r = run("""
        name: cond
        steps:
          - id: n
            step: Generate UUID
          - id: bad
            step: Generate UUID
            if: steps.n.result < 3
        """);
    assertEquals("failure", status(r, "bad"));
    assertTrue(r.get("bad").getString("error_message").startsWith("Condition evaluation failed"));
  }

  @Test
  void invalidScenarioIsA400ListingEveryProblemWithPositions() {
    Http.Response r = http.post("/run-scenario", new JsonObject().put("yaml", """
        name: broken
        groups:
          loopy:
            steps:
              - step: loopy
        steps:
          - step: Generate UUIDs
          - id: w
            step: Wait X seconds
            arguments: {duration: soon, extra: 1}
          - id: w
            step: Generate UUID
            needs: [later]
          - step: Generate Random Number
            arguments: {min: "${{ steps.later.result }}"}
          - id: later
            step: Generate UUID
            if: "steps.w.status =="
        """));
    assertEquals(400, r.status(), r.body());
    JsonArray problems = r.json().getJsonObject("details").getJsonArray("problems");
    String all = problems.encode();
    for (String expected : new String[] {"unknown operation or group 'Generate UUIDs'", "argument 'duration'",
        "argument 'extra'", "duplicate step id 'w'", "needs 'later', which comes later", "cannot have run yet",
        "includes itself", "condition 'steps.w.status =='"}) {
      assertTrue(all.contains(expected), expected + " in " + all);
    }
    JsonObject unknown = problems.stream().map(o -> (JsonObject) o)
        .filter(p -> p.getString("message").contains("Generate UUIDs")).findFirst().orElseThrow();
    assertEquals(7, unknown.getInteger("line"));
    assertEquals(5, unknown.getInteger("column"), unknown.encode());

    Http.Response v = http.post("/api/scenarios/validate", "name: x\nsteps:\n  - step: Generate UUID\n",
        "Content-Type", "application/yaml");
    assertEquals(200, v.status(), v.body());
    assertEquals(true, v.json().getBoolean("valid"));
    Http.Response syntax = http.post("/api/scenarios/validate", "name: x\nsteps: [\n", "Content-Type", "text/yaml");
    assertEquals(false, syntax.json().getBoolean("valid"));
    assertEquals(3, syntax.json().getJsonArray("problems").getJsonObject(0).getInteger("line"), syntax.body());
  }
}
