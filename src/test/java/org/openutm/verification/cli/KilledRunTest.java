package org.openutm.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.config.ConfigLoader;

/**
 * Issue 24: {@code run} killed with -9 half-way leaves a valid report.json holding every step that finished more than
 * a second before the kill ({@code run_status: interrupted}, {@code overall_status: failure}); the next {@code run}
 * rebuilds report.html and junit.xml from the journal, and {@code report rebuild} does it on demand.
 */
class KilledRunTest {
  @TempDir
  Path dir;

  @Test
  void aRunKilledHalfWayLeavesEveryFinishedStepAndARebuildGivesTheRest() throws Exception {
    StringBuilder yaml = new StringBuilder("name: long\nsteps:\n  - id: first\n    step: Generate UUID\n");
    for (int i = 0; i < 60; i++) {
      yaml.append("  - id: w").append(i).append("\n    step: Wait X seconds\n    arguments: {duration: 0.2}\n");
    }
    Path scenario = dir.resolve("long.yaml");
    Files.writeString(scenario, yaml);
    Path reports = dir.resolve("reports");
    Path log = dir.resolve("run.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", CommandLineTest.absoluteClassPath(), Main.class.getName(), "run", "--config",
        Path.of("conf/config.yaml").toAbsolutePath().toString(), "--report-dir", reports.toString(),
        "--formats", "json,html,junit,log", scenario.toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    Path folder;
    int finishedBeforeLastSecond;
    try {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      // wait for 10 finished steps in the journal; note how many had finished; a little over a second later, kill
      while (finishedSteps(reports) < 10) {
        assertTrue(p.isAlive() && System.nanoTime() < end, "the run ended or hung: " + Files.readString(log));
        Thread.sleep(20);
      }
      folder = only(reports);
      finishedBeforeLastSecond = finishedSteps(reports);
      Thread.sleep(1_300);
      assertTrue(p.isAlive(), "still running when killed: " + Files.readString(log));
    } finally {
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(137, p.exitValue(), "killed with -9");

    JsonObject left = new JsonObject(Files.readString(folder.resolve("report.json")));
    assertEquals("interrupted", left.getString("run_status"));
    assertEquals("failure", left.getString("overall_status"));
    JsonObject scenarioLeft = left.getJsonArray("results").getJsonObject(0);
    assertEquals("interrupted", scenarioLeft.getString("run_status"));
    JsonArray stepsLeft = scenarioLeft.getJsonArray("steps");
    assertTrue(stepsLeft.size() >= finishedBeforeLastSecond, stepsLeft.size() + " steps in report.json, but "
        + finishedBeforeLastSecond + " had finished more than a second before the kill");
    assertTrue(stepsLeft.size() < 61, "the run was cut short");
    assertFalse(Files.exists(folder.resolve("report.html")), "written only at the end or by a rebuild");
    // every journal line but perhaps the last is whole JSON
    List<String> lines = Files.readAllLines(folder.resolve("journal.jsonl"));
    for (int i = 0; i < lines.size() - 1; i++) {
      new JsonObject(lines.get(i));
    }

    // the next run rebuilds it at its start (from the journal: the steps that finished in the last second too)
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    RunCommand.rebuildInterrupted(ConfigLoader.load("conf/config.yaml", Map.of(), new JsonObject().put("reporting",
        new JsonObject().put("output_dir", reports.toString()))), new PrintStream(buf, true, StandardCharsets.UTF_8));
    String said = buf.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("report: rebuilt " + folder + " from its journal (run interrupted, 1 scenario(s))"), said);
    JsonObject rebuilt = new JsonObject(Files.readString(folder.resolve("report.json")));
    JsonArray steps = rebuilt.getJsonArray("results").getJsonObject(0).getJsonArray("steps");
    assertTrue(steps.size() >= stepsLeft.size(), steps.size() + " < " + stepsLeft.size());
    assertEquals(finishedSteps(reports), steps.size(), "every finished step of the journal");
    assertTrue(steps.stream().allMatch(s -> "success".equals(((JsonObject) s).getString("status"))));
    assertTrue(Files.readString(folder.resolve("report.html")).contains("badge interrupted"));
    org.openutm.verification.report.JUnitSchema.validate(folder.resolve("junit.xml"));
    assertTrue(Files.isRegularFile(folder.resolve("report.log")));
    try (var files = Files.list(folder)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "nothing half-written");
    }

    // on demand: the same report again; a folder that is none is refused
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    int code = ReportCommand.Rebuild.run(List.of(folder.toString(), dir.toString()),
        new PrintStream(again, true, StandardCharsets.UTF_8));
    String out = again.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, out);
    assertTrue(out.contains("rebuilt " + folder + ": run interrupted, overall failure, 1 scenario(s)"), out);
    assertTrue(out.contains("no journal.jsonl in " + dir), out);
    assertEquals(steps, new JsonObject(Files.readString(folder.resolve("report.json"))).getJsonArray("results")
        .getJsonObject(0).getJsonArray("steps"));
  }

  private static Path only(Path reports) throws Exception {
    try (var s = Files.list(reports)) {
      List<Path> all = s.filter(Files::isDirectory).toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  /** Step lines of the journal whose record is finished. */
  private static int finishedSteps(Path reports) {
    try (var s = Files.list(reports)) {
      Path folder = s.filter(Files::isDirectory).findFirst().orElse(null);
      if (folder == null || !Files.exists(folder.resolve("journal.jsonl"))) {
        return 0;
      }
      int n = 0;
      for (String line : Files.readAllLines(folder.resolve("journal.jsonl"))) {
        if (line.startsWith("{\"t\":\"step\"") && !line.contains("\"status\":\"running\"")) {
          n++;
        }
      }
      return n;
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }
}
