package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * Issue 22: /api/step takes a whole StepDefinition and runs it with the engine of scenario runs: if (against the
 * session's results), loop, needs, continue-on-error, a group of the scenario loaded for the session; the session
 * keeps that state across single steps until a reset or a load. Stepping through a scenario node by node gives the
 * statuses and ids of a whole run of it.
 */
class SingleStepEngineTest {
  static TestService service;
  static Http http;

  @BeforeAll
  static void start() {
    // the upstream corpus's data paths (config/bern/...) resolve against its checkout
    service = TestService.startFast(new JsonObject().put("data_search_paths",
        new JsonArray().add(java.nio.file.Path.of("../shared/upstream").toAbsolutePath().toString())));
    http = service.http;
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static String session() {
    return http.post("/api/sessions", null).json().getString("session_id");
  }

  static JsonObject step(String s, String json) {
    Http.Response r = http.post("/api/step", new JsonObject(json), "X-Session-Id", s);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  static final String FAIL = "{\"id\": \"bad\", \"step\": \"Generate Random Number\", \"arguments\": {\"min\": 9, \"max\": 1}}";

  @Test
  void conditionsReadTheSessionsResultsAndAStepWithoutOneRunsRegardless() {
    String s = session();
    assertEquals("failure", step(s, FAIL).getString("status"));
    JsonObject skipped = step(s, "{\"id\": \"guarded\", \"step\": \"Generate UUID\", \"if\": \"success()\"}");
    assertEquals("skipped", skipped.getString("status"), skipped.encode());
    assertTrue(skipped.getString("error_message").contains("success()"), skipped.encode());
    assertEquals("success", step(s, "{\"id\": \"cleanup\", \"step\": \"Generate UUID\", \"if\": \"failure()\"}")
        .getString("status"));
    assertEquals("success", step(s, "{\"id\": \"script\", \"step\": \"Generate UUID\"}").getString("status"),
        "no if: a script's step runs regardless");
    assertEquals("success", step(s, "{\"id\": \"ref\", \"step\": \"Generate UUID\", \"if\": \"steps.bad.status == 'failure'\"}")
        .getString("status"));
  }

  @Test
  void continueOnErrorDoesNotCountAndAResetStartsAfresh() {
    String s = session();
    JsonObject tolerated = step(s, FAIL.replace("}}", "}, \"continue-on-error\": true}"));
    assertEquals("failure", tolerated.getString("status"));
    assertEquals("success", step(s, "{\"id\": \"next\", \"step\": \"Generate UUID\", \"if\": \"success()\"}").getString("status"));
    assertEquals("failure", step(s, FAIL).getString("status"));
    assertEquals(200, http.post("/session/reset", null, "X-Session-Id", s).status());
    assertEquals("success", step(s, "{\"id\": \"after\", \"step\": \"Generate UUID\", \"if\": \"success()\"}").getString("status"),
        "a reset clears failure()");
  }

  @Test
  void loopsRunAsInARun() {
    String s = session();
    JsonObject loop = step(s, "{\"id\": \"n\", \"step\": \"Generate Random Number\", \"arguments\": "
        + "{\"min\": \"${{ loop.index }}\", \"max\": \"${{ loop.index }}\"}, \"loop\": {\"count\": 3}}");
    assertEquals("success", loop.getString("status"), loop.encode());
    assertEquals(3, loop.getJsonObject("result").getInteger("iterations"));
    Map<String, JsonObject> r = results(s);
    assertEquals(2, r.get("n[2]").getInteger("result"));
    JsonObject items = step(s, "{\"id\": \"each\", \"step\": \"Generate Random Number\", \"arguments\": "
        + "{\"min\": \"${{ loop.item }}\", \"max\": \"${{ loop.item }}\"}, \"loop\": {\"items\": [5, 7]}}");
    assertEquals(2, items.getJsonObject("result").getInteger("iterations"));
    assertEquals(7, results(s).get("each[1]").getInteger("result"));
    JsonObject whileLoop = step(s, "{\"id\": \"w\", \"step\": \"Generate UUID\", \"loop\": {\"while\": \"loop.index < 4\"}}");
    assertEquals(4, whileLoop.getJsonObject("result").getInteger("iterations"));
  }

  @Test
  void needsAwaitTheLatestTaskOfABackgroundStep() {
    String s = session();
    JsonObject bg = step(s, "{\"id\": \"bg\", \"step\": \"Wait X seconds\", \"arguments\": {\"duration\": 2}, \"background\": true}");
    assertEquals("running", bg.getString("status"));
    assertEquals("bg", bg.getJsonObject("result").getString("task_id"));
    JsonObject after = step(s, "{\"id\": \"after\", \"step\": \"Generate UUID\", \"needs\": [\"bg\"]}");
    assertEquals("success", after.getString("status"));
    assertEquals("success", results(s).get("bg").getString("status"), "needs waited for bg to end");
    // started again: needs means the latest task
    step(s, "{\"id\": \"bg\", \"step\": \"Generate Random Number\", \"arguments\": {\"min\": 9, \"max\": 1}, \"background\": true}");
    JsonObject skipped = step(s, "{\"id\": \"again\", \"step\": \"Generate UUID\", \"needs\": [\"bg\"]}");
    assertEquals("skipped", skipped.getString("status"), skipped.encode());
    assertTrue(skipped.getString("error_message").contains("bg"), skipped.encode());
  }

  @Test
  void aGroupOfTheLoadedScenarioRunsByNameAndLoadingResetsTheState() {
    String s = session();
    Http.Response unknown = http.post("/api/step", new JsonObject().put("step", "my_group"), "X-Session-Id", s);
    assertEquals(400, unknown.status(), "no scenario loaded: " + unknown.body());
    assertEquals("failure", step(s, FAIL).getString("status"));
    Http.Response loaded = http.post("/api/sessions/" + s + "/scenario", """
        name: stepped
        groups:
          my_group:
            steps:
              - id: one
                step: Generate UUID
              - id: two
                step: Generate Random Number
                arguments: {min: 4, max: 4}
        steps:
          - step: my_group
        """, "Content-Type", "application/yaml");
    assertEquals(200, loaded.status(), loaded.body());
    assertEquals(new JsonArray().add("my_group"), loaded.json().getJsonArray("groups"));
    assertEquals("success", step(s, "{\"id\": \"ok\", \"step\": \"Generate UUID\", \"if\": \"success()\"}").getString("status"),
        "loading started success() afresh");
    JsonObject group = step(s, "{\"step\": \"my_group\"}");
    assertEquals("success", group.getString("status"), group.encode());
    assertEquals(4, results(s).get("two").getInteger("result"));
    Http.Response invalid = http.post("/api/sessions/" + s + "/scenario", "name: x\nsteps:\n  - step: Nope\n",
        "Content-Type", "application/yaml");
    assertEquals(400, invalid.status());
  }

  /** Stopping a run cancels that run's executions, not a single step the same session runs meanwhile. */
  @Test
  void stoppingARunLeavesTheSessionsOtherStepsRunning() throws Exception {
    String s = session();
    var single = java.util.concurrent.CompletableFuture.supplyAsync(() -> http.post("/api/step", new JsonObject(
        "{\"id\": \"mine\", \"step\": \"Wait X seconds\", \"arguments\": {\"duration\": 30}}"), "X-Session-Id", s));
    assertEquals(200, http.post("/run-scenario-async", "name: long\nsteps:\n  - id: theirs\n    step: Wait X seconds\n"
        + "    arguments: {duration: 60}\n", "Content-Type", "application/yaml", "X-Session-Id", s).status());
    // both waits under way on the worker (30 and 60 s simulated: 1.5 and 3 s of wall time)
    org.openutm.verification.support.Waits.until(
        () -> org.openutm.verification.support.Waits.commonInFlight(service) == 2, 10_000, "both waits under way");
    assertEquals(true, http.post("/stop-scenario", null, "X-Session-Id", s).json().getBoolean("stopped"));
    Http.Response mine = single.get(60, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("success", mine.json().getString("status"), mine.body());
    assertTrue(!"success".equals(settled(s).get("theirs")), "the run's step was cancelled: " + settled(s));
  }

  /** Malformed definitions are 400s naming what is wrong, never a 500 or a hang, and record nothing. */
  @Test
  void malformedDefinitionsAreRefusedWithoutRecordingAnything() {
    String s = session();
    for (String bad : List.of("{\"step\": \"Generate UUID\", \"loop\": 5}",
        "{\"step\": \"Generate UUID\", \"loop\": {\"count\": \"many\"}}",
        "{\"step\": \"Generate UUID\", \"needs\": 7}",
        "{\"step\": \"Generate UUID\", \"needs\": [\"never-started\"]}",
        "{\"step\": \"Generate UUID\", \"if\": \"success(\"}",
        "{\"step\": \"Generate UUID\", \"if\": 3}",
        "{\"step\": \"Generate UUID\", \"background\": \"yes\"}",
        "{\"step\": \"Generate UUID\", \"arguments\": [1]}",
        "{\"step\": \"Generate UUID\", \"loop\": {\"items\": \"${{ steps.x.result \"}}")) {
      Http.Response r = http.post("/api/step", new JsonObject(bad), "X-Session-Id", s);
      assertEquals(400, r.status(), bad + " -> " + r.body());
      assertTrue(r.json().getString("detail") != null && r.json().getJsonObject("details").getString("field") != null,
          bad + " -> " + r.body());
    }
    assertTrue(results(s).isEmpty(), results(s).toString());
    assertEquals(400, http.post("/api/sessions/" + s + "/scenario", "steps: [", "Content-Type", "application/yaml").status());
    assertEquals(400, http.post("/api/sessions/" + s + "/scenario", new JsonObject().put("scenario", 3)).status());
  }

  static Map<String, JsonObject> results(String s) {
    Map<String, JsonObject> byId = new LinkedHashMap<>();
    http.get("/api/sessions/" + s + "/results").json().getJsonArray("results")
        .forEach(o -> byId.put(((JsonObject) o).getString("id"), (JsonObject) o));
    return byId;
  }

  /** Every record's status by id, once nothing runs any more. */
  static Map<String, String> settled(String s) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Map<String, JsonObject> r = results(s);
      if (r.values().stream().noneMatch(j -> "running".equals(j.getString("status")))) {
        Map<String, String> out = new LinkedHashMap<>();
        r.forEach((k, v) -> out.put(k, v.getString("status")));
        return out;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("still running: " + results(s));
  }

  /** The editor's step-by-step mode: load, then send each node as it stands, with success() where it has no if. */
  static void sameStatusesSteppedAsWhole(String label, JsonObject def) throws Exception {
    String whole = session();
    Http.Response run = http.post("/run-scenario", new JsonObject().put("scenario", def), "X-Session-Id", whole);
    assertEquals(200, run.status(), label + ": " + run.body());
    String stepped = session();
    assertEquals(200, http.post("/api/sessions/" + stepped + "/scenario", new JsonObject().put("scenario", def),
        "X-Session-Id", stepped).status());
    for (Object o : def.getJsonArray("steps")) {
      JsonObject node = ((JsonObject) o).copy();
      if (node.getValue("if") == null) {
        node.put("if", "success()");
      }
      Http.Response r = http.post("/api/step", node, "X-Session-Id", stepped);
      assertEquals(200, r.status(), label + ": " + r.body());
    }
    assertEquals(settled(whole), settled(stepped), label);
  }

  @Test
  void steppingThroughEveryShippedScenarioGivesTheStatusesOfAWholeRun() throws Exception {
    JsonArray ids = http.get("/api/scenarios").jsonArray();
    assertTrue(ids.size() >= 15, ids.encode());
    for (Object id : ids) {
      sameStatusesSteppedAsWhole((String) id, http.get("/api/scenarios/" + id).json());
    }
  }

  /** A sample of the toolkit's own corpus (every family but DAA, which CompatibilityTest covers per generation). */
  @Test
  void steppingThroughASampleOfTheUpstreamCorpusGivesTheStatusesOfAWholeRun() throws Exception {
    java.nio.file.Path upstream = java.nio.file.Path.of("../shared/upstream/scenarios");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(upstream), "../shared/upstream is absent");
    for (String f : List.of("standard-scenarios/F2_contingent_path.yaml", "geo-fence/geo_fence_upload.yaml",
        "sdsp-f3623/sdsp_heartbeat.yaml", "airtraffic-simulations/bluesky_sim_air_traffic_data.yaml",
        "flight-declarations/bulk_add_flight_declarations_via_operational_intents.yaml")) {
      Object yaml = new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(upstream.resolve(f)));
      sameStatusesSteppedAsWhole(f, JsonObject.mapFrom(yaml));
    }
  }
}
