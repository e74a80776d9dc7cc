package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * Port of the toolkit's tests/test_ui_groups.py (3 tests): where the source parses a definition into its model and
 * dumps it back, the definition here goes through what its editor does, a save (POST /api/scenarios/{path}) and a
 * load (GET), in a scenarios folder of the test's own; the source's made-up operation names ("Clean Up", "Fetch
 * Data") are saved as drafts and listed as problems, as this service saves drafts.
 */
class UiGroupsToolkitTest {
  static TestService service;
  static Path folder;

  @BeforeAll
  static void start() throws Exception {
    folder = Files.createTempDirectory("ui-groups");
    service = TestService.start(new JsonObject().put("scenarios", new JsonObject().put("dir", folder.toString())));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static JsonObject roundTrip(String path, JsonObject definition) {
    Http.Response saved = service.http.post("/api/scenarios/" + path, definition);
    assertEquals(200, saved.status(), saved.body());
    Http.Response loaded = service.http.get("/api/scenarios/" + path);
    assertEquals(200, loaded.status(), loaded.body());
    return loaded.json();
  }

  @Test
  void test_group_roundtrip() {
    JsonObject s = roundTrip("test_groups", new JsonObject("""
        {"name": "test_groups", "description": "Test scenario",
         "groups": {"process_data": {"description": "Process some data", "steps": [
           {"id": "fetch", "step": "Stream Air Traffic", "arguments": {"provider": "opensky", "target": "flight_blender"}},
           {"id": "submit", "step": "Wait X seconds", "arguments": {"duration": 1}}]}},
         "steps": [{"step": "process_data", "loop": {"count": 3}}]}
        """));
    JsonObject group = s.getJsonObject("groups").getJsonObject("process_data");
    assertEquals("Process some data", group.getString("description"));
    assertEquals(2, group.getJsonArray("steps").size());
    assertEquals("fetch", group.getJsonArray("steps").getJsonObject(0).getString("id"));
    assertEquals(1, group.getJsonArray("steps").getJsonObject(1).getJsonObject("arguments").getInteger("duration"));
    assertEquals("process_data", s.getJsonArray("steps").getJsonObject(0).getString("step"));
    assertEquals(3, s.getJsonArray("steps").getJsonObject(0).getJsonObject("loop").getInteger("count"));
  }

  @Test
  void test_group_with_condition() {
    JsonObject s = roundTrip("test_condition", new JsonObject("""
        {"name": "test", "groups": {"cleanup": {"steps": [{"id": "step1", "step": "Clean Up"}]}},
         "steps": [{"step": "cleanup", "if": "${{ always() }}"}]}
        """));
    assertEquals("${{ always() }}", s.getJsonArray("steps").getJsonObject(0).getString("if"));
  }

  @Test
  void test_multiple_group_references() {
    JsonObject s = roundTrip("test_multiple", new JsonObject("""
        {"name": "test", "groups": {"fetch": {"steps": [{"id": "f", "step": "Fetch Data"}]}},
         "steps": [{"step": "fetch"}, {"step": "fetch", "if": "${{ success() }}"}, {"step": "fetch", "if": "${{ always() }}"}]}
        """));
    JsonArray steps = s.getJsonArray("steps");
    assertEquals(3, steps.size());
    steps.forEach(o -> assertEquals("fetch", ((JsonObject) o).getString("step")));
  }
}
