package org.openutm.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** A suite's per-scenario data_files and a session's config overrides reach the operations' defaults. */
class OverridesTest {
  @TempDir
  Path dir;

  static final String SCENARIO = """
      name: leaves_the_box
      steps:
        - step: Cleanup Flight Declarations
        - step: Setup Flight Declaration
          arguments: {telemetry_duration: 10}
        - step: Update Operation State
          arguments: {state: ACTIVATED}
        - step: Submit Telemetry
        - id: nonconforming
          step: Check Operation State
          arguments: {expected_state: NONCONFORMING, duration: 3}
      """;

  @Test
  void suiteOverridesSeenByTheOperations() throws Exception {
    Path scenarios = dir.resolve("scenarios");
    Files.createDirectories(scenarios);
    Files.writeString(scenarios.resolve("leaves_the_box.yaml"), SCENARIO);
    String f3 = Path.of("conf/data/bern/trajectory_f3.json").toAbsolutePath().toString();
    // a monitor that changes the state: the Django era's with the emulator's extension (no real server does)
    // on the simulated clock (run --speed 20 sets this same key)
    JsonObject overrides = new JsonObject().put("logging", new JsonObject().put("level", "WARN"))
        .put("clock", new JsonObject().put("speed", 20))
        .put("emulator", new JsonObject().put("mode", "django").put("conformance_state_changes", true))
        .put("scenarios", new JsonObject().put("dir", scenarios.toString()))
        .put("suites", new JsonObject().put("nc", new JsonObject().put("scenarios", new JsonArray()
            .add(new JsonObject().put("name", "leaves_the_box").put("trajectory", f3)))));
    AppConfig config = ConfigLoader.load("conf/config.yaml", Map.of(), overrides);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    int withSuite;
    int plain;
    try {
      withSuite = RunCommand.run(List.of(), List.of("nc"), config, new JsonObject().put("config", overrides), out);
      plain = RunCommand.run(List.of("leaves_the_box"), List.of(), config, new JsonObject().put("config", overrides), out);
    } finally {
      org.openutm.verification.clock.SimClock.configure(1);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, withSuite, "the suite's trajectory_f3 leaves the box: " + text);
    assertEquals(1, plain, "the default trajectory_f1 stays inside: " + text);
    assertTrue(text.contains("(suite nc) with {\"trajectory\":"), text);
  }

  @Test
  void sessionOverridesFromReset() {
    try (TestService svc = TestService.startFast(new JsonObject().put("emulator", new JsonObject().put("mode", "django")
        .put("conformance_state_changes", true)))) {
      Http http = svc.http;
      String s = http.post("/api/sessions", null).json().getString("session_id");
      assertEquals(400, http.post("/session/reset", new JsonObject().put("config", new JsonObject().put("http",
          new JsonObject())), "X-Session-Id", s).status(), "only flight_blender, data_files, air_traffic_simulator_settings");
      String f3 = Path.of("conf/data/bern/trajectory_f3.json").toAbsolutePath().toString();
      assertEquals("session_reset", http.post("/session/reset", new JsonObject().put("config", new JsonObject()
          .put("data_files", new JsonObject().put("trajectory", f3))), "X-Session-Id", s).json().getString("status"));
      JsonObject run = http.post("/run-scenario-async", SCENARIO, "Content-Type", "application/yaml", "X-Session-Id", s).json();
      JsonObject summary = null;
      for (int i = 0; i < 80; i++) {
        summary = http.get("/api/runs/" + run.getString("run_id")).json();
        if (!"running".equals(summary.getString("status"))) {
          break;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      assertEquals("success", summary.getString("status"), summary.encode());
    }
  }
}
