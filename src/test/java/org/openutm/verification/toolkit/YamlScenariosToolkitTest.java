package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.Scenarios;
import org.openutm.verification.support.TestService;

/**
 * Port of the toolkit's tests/test_yaml_scenarios.py: every YAML scenario of its scenarios/ folder loads (here: is
 * valid, no problem at all, with this service's checks that the toolkit does not make); the source then runs each
 * against mocked clients, which here is FlightBlenderCompatibilityTest running every one against the emulator in both
 * Flight Blender generations with its verdict per step. Also its examples/*.yaml (the issue: they validate and run),
 * run here against the embedded emulator on the simulated clock, with the statuses the toolkit's semantics give.
 */
class YamlScenariosToolkitTest {
  static final Path UPSTREAM = Path.of("../shared/upstream");
  static TestService service;

  static Stream<Path> test_yaml_scenario_execution() throws Exception {
    Path dir = UPSTREAM.resolve("scenarios");
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void test_yaml_scenario_execution(Path yaml) throws Exception {
    Scenarios.Checked c = Scenarios.checkYaml(Files.readString(yaml), OperationCatalog.standard(), 50_000);
    assertTrue(c.ok(), yaml + ": " + c.problems());
  }

  @Test
  void everyScenarioOfTheToolkitIsCovered() throws Exception {
    assumeTrue(Files.isDirectory(UPSTREAM.resolve("scenarios")), "../shared/upstream is absent");
    assertTrue(test_yaml_scenario_execution().count() >= 20, "the toolkit's scenario corpus");
  }

  @BeforeAll
  static void start() {
    if (Files.isDirectory(UPSTREAM.resolve("examples"))) {
      service = TestService.startFast(new JsonObject().put("data_search_paths",
          new JsonArray().add(UPSTREAM.toAbsolutePath().toString())));
    }
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  static Map<String, String> run(String example) throws Exception {
    Path file = UPSTREAM.resolve("examples").resolve(example);
    assumeTrue(Files.isRegularFile(file), "../shared/upstream/examples is absent");
    String yaml = Files.readString(file);
    assertTrue(Scenarios.checkYaml(yaml, OperationCatalog.standard(), 50_000).ok());
    var r = service.http.post("/run-scenario", yaml, "Content-Type", "application/yaml",
        "X-Session-Id", service.http.post("/api/sessions", null).json().getString("session_id"));
    assertEquals(200, r.status(), r.body());
    Map<String, String> statuses = new java.util.LinkedHashMap<>();
    ((JsonArray) r.value()).forEach(o -> statuses.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("status")));
    return statuses;
  }

  @Test
  void examples_conditional_workflow_demo() throws Exception {
    Map<String, String> s = run("conditional_workflow_demo.yaml");
    assertEquals("success", s.get("setup"), s.toString());
    assertEquals("success", s.get("risky_operation"), s.toString());
    assertEquals("success", s.get("on_success_only"), s.toString());
    assertEquals("skipped", s.get("on_failure_only"), "failure() after no failure: " + s);
    assertEquals("success", s.get("check_specific_step"), s.toString());
    assertEquals("success", s.get("cleanup"), "always(): " + s);
    for (String id : List.copyOf(s.keySet())) {
      assertTrue(List.of("success", "skipped", "failure").contains(s.get(id)), id + " ended: " + s);
    }
  }

  @Test
  void examples_loop_examples() throws Exception {
    Map<String, String> s = run("loop_examples.yaml");
    for (int i = 0; i < 3; i++) {
      assertEquals("success", s.get("retry_setup[" + i + "]"), s.toString());
    }
    assertEquals("success", s.get("batch_telemetry[4]"), s.toString());
    assertEquals("success", s.get("process_states[3]"), "ACTIVATED ... ENDED from loop.item: " + s);
    // the declaration has ENDED: Flight Blender refuses its telemetry, the loop's first iteration fails, the
    // default steps after it are skipped (as in the toolkit), the explicit conditions still decide theirs
    assertEquals("failure", s.get("batch_with_index[0]"), s.toString());
    for (String id : List.of("wait_for_success", "monitor_until_ready", "conditional_loop")) {
      assertEquals("skipped", s.get(id), id + ": " + s);
    }
    assertEquals("success", s.get("after_loops"), "steps.retry_setup[0].status == 'success': " + s);
    assertEquals("success", s.get("cleanup"), "always(): " + s);
  }
}
