package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** Every kind of bad input gets a 4xx with {error, message, details.field}, never a 500 or a hang. */
class BadInputTest {
  static TestService service;
  static Http http;

  @BeforeAll
  static void start() {
    service = TestService.start(new JsonObject().put("http", new JsonObject().put("body_limit_bytes", 10_000)));
    http = service.http;
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static void assertError(Http.Response r, int status, String field) {
    assertEquals(status, r.status(), r.body());
    JsonObject j = r.json();
    assertNotNull(j.getString("error"), r.body());
    assertNotNull(j.getString("message"), r.body());
    assertEquals(field, j.getJsonObject("details").getString("field"), r.body());
  }

  @Test
  void malformedJson() {
    assertError(http.post("/api/step", "{\"step\": "), 400, "body");
    assertError(http.post("/api/step", "[1,2]"), 400, "body");
    assertError(http.post("/api/step", ""), 400, "body");
    assertError(http.post("/api/step", "\"text\""), 400, "body");
  }

  @Test
  void bodyOverTheLimit() {
    String big = "{\"step\":\"Generate UUID\",\"description\":\"" + "x".repeat(20_000) + "\"}";
    assertError(http.post("/api/step", big), 413, "body");
  }

  @Test
  void unknownOperationSuggests() {
    Http.Response r = http.post("/api/step", new JsonObject().put("step", "Generate UUIDs"));
    assertError(r, 400, "step");
    assertTrue(r.json().getJsonObject("details").getJsonArray("suggestions").contains("Generate UUID"), r.body());
    assertError(http.post("/api/step", new JsonObject().put("step", 42)), 400, "step");
    assertError(http.post("/api/step", new JsonObject()), 400, "step");
  }

  @Test
  void unknownArgumentAndWrongTypes() {
    assertError(http.post("/api/step", new JsonObject().put("step", "Generate UUID")
        .put("arguments", new JsonObject().put("nope", 1))), 400, "arguments.nope");
    assertError(http.post("/api/step", new JsonObject().put("step", "Wait X seconds")
        .put("arguments", new JsonObject().put("duration", "soon"))), 400, "arguments.duration");
    assertError(http.post("/api/step", new JsonObject().put("step", "Generate Random Number")
        .put("arguments", new JsonObject().put("min", 1.5))), 400, "arguments.min");
    assertError(http.post("/api/step", new JsonObject().put("step", "Generate Random Number")
        .put("arguments", "not an object")), 400, "arguments");
    assertError(http.post("/api/step", new JsonObject().put("step", "Generate UUID").put("id", 5)), 400, "id");
    assertError(http.post("/api/step", new JsonObject().put("step", "Generate UUID").put("run_in_background", "yes")),
        400, "run_in_background");
  }

  @Test
  void referenceToAMissingStep() {
    Http.Response r = http.post("/api/step", new JsonObject().put("step", "Generate Random Number")
        .put("arguments", new JsonObject().put("max", "${{ steps.never-ran.result }}")));
    assertError(r, 400, "arguments.max");
    assertTrue(r.json().getString("message").contains("never-ran"), r.body());
    assertError(http.post("/api/step", new JsonObject().put("step", "Generate Random Number")
        .put("arguments", new JsonObject().put("max", "${{ steps.x.result "))), 400, "arguments.max");
  }

  @Test
  void unknownSessionAndTask() {
    assertError(http.post("/api/step", new JsonObject().put("step", "Generate UUID"), "X-Session-Id", "nobody"),
        404, "session");
    assertError(http.post("/api/step", new JsonObject().put("step", "Generate UUID"), "X-Session-Id", "../etc"),
        400, "session");
    assertError(http.post("/api/tasks/00000000-0000-0000-0000-000000000000/join", null), 404, "task_id");
    assertError(http.get("/api/tasks/nope"), 404, "task_id");
    assertError(http.post("/api/step", new JsonObject().put("step", "SessionManager.join_task")
        .put("arguments", new JsonObject())), 400, "arguments.task_id");
  }

  @Test
  void unknownPathAndMethod() {
    assertError(http.get("/api/nothing-here"), 404, "path");
    assertError(http.delete("/api/step"), 404, "path");
  }

  @Test
  void hostileScenariosAndArgumentsAreRefusedNotRun() {
    Http.Response alias = http.post("/api/scenarios/validate", "a: &a [*a]\n", "Content-Type", "application/yaml");
    assertEquals(200, alias.status(), alias.body());
    assertTrue(alias.body().contains("recursive alias"), alias.body());
    assertError(http.post("/run-scenario", "name: x\nsteps: &s [*s]\n", "Content-Type", "application/yaml"), 400, "scenario");
    Http.Response loop = http.post("/run-scenario", "name: x\nsteps:\n  - step: Generate UUID\n    loop: {count: 99999999999}\n",
        "Content-Type", "application/yaml");
    assertError(loop, 400, "scenario");
    assertTrue(loop.body().contains("at most 10000"), loop.body());
    assertError(http.post("/api/step", new JsonObject().put("step", "Wait X seconds")
        .put("arguments", new JsonObject().put("duration", "99999999999d"))), 400, "arguments.duration");
  }
}
