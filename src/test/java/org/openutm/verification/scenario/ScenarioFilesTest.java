package org.openutm.verification.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** The scenario files API on a copy of the project's scenarios: list, read, docs, atomic save, path confinement. */
class ScenarioFilesTest {
  @TempDir
  static Path dir;
  static Path outside;
  static TestService service;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    Path scenarios = dir.resolve("scenarios");
    Files.createDirectories(scenarios.resolve("examples"));
    for (String f : new String[] {"background_and_needs.yaml", "background_and_needs.md", "loops_and_groups.yaml"}) {
      Files.copy(Path.of("scenarios/examples").resolve(f), scenarios.resolve("examples").resolve(f));
    }
    outside = dir.resolve("outside");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secret.yaml"), "name: secret\nsteps: []\n");
    Files.createSymbolicLink(scenarios.resolve("escape"), outside);
    service = TestService.start(new JsonObject().put("scenarios", new JsonObject().put("dir", scenarios.toString())
        .put("docs_dir", dir.resolve("docs").toString()))
        .put("suites", new JsonObject().put("demo", new JsonObject().put("scenarios", new JsonArray()
            .add(new JsonObject().put("name", "loops_and_groups"))))));
    http = service.http;
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void listReadDocsSuites() {
    JsonArray ids = (JsonArray) http.get("/api/scenarios").value();
    assertTrue(ids.contains("examples/background_and_needs"), ids.encode());
    assertTrue(ids.contains("examples/loops_and_groups"), ids.encode());
    JsonObject s = http.get("/api/scenarios/examples/loops_and_groups").json();
    assertEquals("loops_and_groups", s.getString("name"));
    assertEquals("roll_twice", s.getJsonArray("steps").getJsonObject(3).getString("step"));
    assertEquals("loops_and_groups", http.get("/api/scenarios/loops_and_groups").json().getString("name"),
        "a bare name is searched");
    Http.Response docs = http.get("/api/scenarios/examples/background_and_needs/docs");
    assertEquals(200, docs.status());
    assertTrue(docs.body().startsWith("# background_and_needs"));
    assertEquals(404, http.get("/api/scenarios/examples/loops_and_groups/docs").status());
    assertEquals(404, http.get("/api/scenarios/examples/none").status());
    assertEquals(new JsonArray().add("examples/loops_and_groups"), http.get("/api/suites").json().getJsonArray("demo"));
  }

  @Test
  void saveIsAtomicAndRoundTrips() throws Exception {
    JsonObject def = new JsonObject().put("name", "saved").put("config", new JsonObject().put("x", 1))
        .put("steps", new JsonArray().add(new JsonObject().put("step", "Generate UUID")));
    Http.Response r = http.post("/api/scenarios/mine/saved", def);
    assertEquals(200, r.status(), r.body());
    assertEquals("saved", r.json().getString("status"));
    assertEquals("saved", http.get("/api/scenarios/mine/saved").json().getString("name"));
    try (var files = Files.list(dir.resolve("scenarios/mine"))) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
    // a YAML body: nested lists and maps are written as plain YAML (no Java class tags) and read back
    Http.Response yaml = http.post("/api/scenarios/mine/from_yaml", "name: y\nsteps:\n  - step: Generate UUID\n"
        + "    needs: []\n    arguments: {list: [1, [2, 3]], map: {k: v}}\n", "Content-Type", "application/yaml");
    assertEquals(200, yaml.status(), yaml.body());
    String text = Files.readString(dir.resolve("scenarios/mine/from_yaml.yaml"));
    assertFalse(text.contains("!!"), text);
    assertEquals(200, http.get("/api/scenarios/mine/from_yaml").status());
    Http.Response invalid = http.post("/api/scenarios/mine/bad", new JsonObject().put("steps", "nope"));
    assertEquals(400, invalid.status(), invalid.body());
    assertFalse(Files.exists(dir.resolve("scenarios/mine/bad.yaml")));
  }

  /**
   * Issue 21, as the toolkit's save_scenario (router.py: exclude_defaults): the reply carries message, the YAML has no
   * empty config block and no arguments: {}; saving back what GET gave leaves the file (its comments too) as it is.
   */
  @Test
  void saveDropsDefaultsAndARoundTripLeavesTheFile() throws Exception {
    JsonObject def = new JsonObject().put("name", "tidy").put("config", new JsonObject()).put("groups", new JsonObject())
        .put("steps", new JsonArray().add(new JsonObject().put("id", "u").put("step", "Generate UUID")
            .put("arguments", new JsonObject()).put("needs", new JsonArray()).put("background", false)
            .put("continue-on-error", false).putNull("if").putNull("loop").putNull("description")));
    Http.Response saved = http.post("/api/scenarios/mine/tidy", def);
    assertEquals(200, saved.status(), saved.body());
    assertEquals("Scenario saved to mine/tidy.yaml", saved.json().getString("message"));
    Path file = dir.resolve("scenarios/mine/tidy.yaml");
    assertEquals("name: tidy\nsteps:\n- id: u\n  step: Generate UUID\n", Files.readString(file));
    String commented = "# kept\nname: tidy   # the name\nsteps:\n  - id: u\n    step: Generate UUID\n    arguments: {}\n";
    Files.writeString(file, commented);
    JsonObject shown = http.get("/api/scenarios/mine/tidy").json();
    assertEquals(200, http.post("/api/scenarios/mine/tidy", shown).status());
    assertEquals(commented, Files.readString(file), "a round trip of what GET gave never changes the file");
  }

  @Test
  void pathsOutsideTheFolderAreRefused() {
    JsonObject def = new JsonObject().put("name", "x").put("steps", new JsonArray());
    for (String p : new String[] {"../outside/x", "..%2Foutside%2Fx", "%2e%2e/outside/x", "a/../../x", ".hidden/x",
        "%252e%252e/x", "a%5Cb"}) {
      Http.Response r = http.post("/api/scenarios/" + p, def);
      assertTrue(r.status() == 400 || r.status() == 404, p + " -> " + r.status() + " " + r.body());
      Http.Response g = http.get("/api/scenarios/" + p);
      assertTrue(g.status() == 400 || g.status() == 404, p + " -> " + g.status());
    }
    assertEquals(400, http.get("/api/scenarios/escape/secret").status(), "a symlink out of the folder");
    assertEquals(400, http.post("/api/scenarios/escape/new", def).status());
    assertFalse(Files.exists(outside.resolve("new.yaml")));
  }

  @Test
  void aFileWhereAFolderIsNeededIsAConflictNotA500() throws Exception {
    JsonObject def = new JsonObject().put("name", "x").put("steps", new JsonArray());
    assertEquals(200, http.post("/api/scenarios/clash.yaml", def).status());
    Http.Response under = http.post("/api/scenarios/clash.yaml/inner", def);
    assertEquals(409, under.status(), under.body());
    assertEquals("path", under.json().getJsonObject("details").getString("field"));
    assertTrue(under.json().getString("message").contains("'clash.yaml' is a file, not a folder"), under.body());
    Http.Response folder = http.post("/api/scenarios/examples", def);
    assertEquals(200, folder.status(), "examples.yaml next to the examples folder is fine: " + folder.body());
    Files.createDirectories(dir.resolve("scenarios/dirclash.yaml"));
    Http.Response onDir = http.post("/api/scenarios/dirclash", def);
    assertEquals(409, onDir.status(), onDir.body());
    assertTrue(Files.isDirectory(dir.resolve("scenarios/dirclash.yaml")), "the folder is untouched");
  }
}
