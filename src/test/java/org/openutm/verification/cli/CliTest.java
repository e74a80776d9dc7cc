package org.openutm.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class CliTest {
  @TempDir
  Path dir;

  static AppConfig config() {
    return ConfigLoader.load("conf/config.yaml", Map.of(), new JsonObject().put("logging",
        new JsonObject().put("level", "WARN")));
  }

  @Test
  void runPrintsALineAStepAndExitsWithTheNumberOfFailedScenarios() throws Exception {
    Path failing = dir.resolve("failing.yaml");
    Files.writeString(failing, """
        name: failing
        steps:
          - id: bad
            step: Generate Random Number
            arguments: {min: 9, max: 1}
          - id: cleanup
            step: Generate UUID
            if: always()
        """);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    JsonObject reporting = new JsonObject().put("reporting", new JsonObject().put("output_dir", dir.resolve("out").toString())
        .put("formats", new io.vertx.core.json.JsonArray().add("json").add("html")));
    AppConfig config = ConfigLoader.load("conf/config.yaml", Map.of(), reporting.copy().put("logging",
        new JsonObject().put("level", "WARN")));
    int code = RunCommand.run(List.of("examples/background_and_needs", failing.toString()), List.of(), config,
        new JsonObject().put("config", reporting), new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, out);
    assertTrue(out.contains("RUNNING  long_wait (background)"), out);
    assertTrue(out.matches("(?s).*SUCCESS  long_wait\\s+2\\.\\d\\d s.*"), out);
    assertTrue(out.contains("FAILURE  bad"), out);
    assertTrue(out.contains("SUCCESS  cleanup"), out);
    assertTrue(out.contains("2 scenario(s), 1 passed, 1 failed"), out);
    // the report names the embedded emulator the run used (its address was missing from CLI reports)
    String folder = out.substring(out.indexOf("report: ") + 8).trim().split("\\R")[0];
    String html = Files.readString(Path.of(folder, "report.html"));
    assertTrue(html.matches("(?s).*<th>Flight Blender</th><td>embedded emulator \\(mode [a-z]+\\) at http://127\\.0\\.0\\.1:\\d+</td>.*"),
        html.substring(0, Math.min(html.length(), 3000)));
    // the scenario's Markdown docs (scenarios/examples/background_and_needs.md) are in its report, rendered
    String docs = Files.readString(Path.of("scenarios/examples/background_and_needs.md"));
    assertTrue(new JsonObject(Files.readString(Path.of(folder, "report.json"))).getJsonArray("results").getJsonObject(0)
        .getString("docs").equals(docs), "report.json carries the docs");
    assertTrue(html.contains("<div class=\"docs\"><h1>"), "report.html renders them");
  }

  /** A journal edited into something no report can be made of is said, with exit 1; no stack trace, no crash. */
  @Test
  void reportRebuildSaysWhatItCannotRebuild() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("2026-01-01_00-00-00"));
    Files.writeString(folder.resolve("journal.jsonl"), "{\"t\":\"header\",\"report\":{}}\n"
        + "{\"t\":\"scenario\",\"info\":{\"scenario\":\"x\"}}\n"
        + "{\"t\":\"scenario_end\",\"summary\":{\"status\":\"success\",\"duration\":\"long\"}}\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = ReportCommand.Rebuild.run(List.of(folder.toString()), new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, out);
    assertTrue(out.contains("report rebuild: cannot rebuild " + folder.toAbsolutePath()), out);
    assertTrue(Files.notExists(folder.resolve("report.html")), "nothing half-made");
  }

  @Test
  void validateListsEveryProblem() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\nsteps:\n  - step: Nope\n  - step: Wait X seconds\n    arguments: {duration: x}\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = ValidateCommand.run(List.of(bad.toString(), "examples/loops_and_groups"), config(),
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, out);
    assertTrue(out.contains(":3:5: [Nope] unknown operation or group 'Nope'"), out);
    assertTrue(out.contains(":5:17: [Wait X seconds] argument 'duration'"), out);
    assertTrue(out.contains("OK      examples/loops_and_groups"), out);
  }

  @Test
  void runWithSpeedAgainstAnExternalFlightBlenderExitsWithTwo() throws Exception {
    JsonObject overrides = new JsonObject().put("logging", new JsonObject().put("level", "WARN"))
        .put("clock", new JsonObject().put("speed", 20))
        .put("flight_blender", new JsonObject().put("url", "https://fb.staging.example"));
    AppConfig config = ConfigLoader.load("conf/config.yaml", Map.of(), overrides);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = RunCommand.run(List.of("examples/background_and_needs"), List.of(), config,
        new JsonObject().put("config", overrides), new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, out);
    assertTrue(out.contains("clock speed 20") && out.contains("flight_blender.url https://fb.staging.example"), out);
    org.openutm.verification.clock.SimClock.configure(1);
  }
}
