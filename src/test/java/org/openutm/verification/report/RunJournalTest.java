package org.openutm.verification.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.support.Waits;

/** A run's report as it happens: journal, report.json at most once a second, the end, and rebuilds. */
class RunJournalTest {
  @TempDir
  Path root;

  static final List<String> ALL = List.of("json", "html", "junit", "log");

  static AppConfig config() {
    return ConfigLoader.load("conf/config.yaml", Map.of(), new JsonObject()
        .put("amqp", new JsonObject().put("url", "amqp://guest:hunter22@127.0.0.1:5672/")));
  }

  static JsonObject step(String id, String status) {
    return new JsonObject().put("type", "step").put("result", new JsonObject().put("id", id).put("name", "Generate UUID")
        .put("status", status).put("duration", 0.01).put("result", "r-" + id)
        .put("started_at", "2026-12-07T10:00:00Z").put("finished_at", "2026-12-07T10:00:0" + Math.min(9, id.length()) + "Z"));
  }

  private record Started(RunJournal journal, Path dir) {
  }

  /** A journal of all formats with one scenario started and one step of it finished. */
  private Started started(String scenario, String step) throws Exception {
    RunJournal j = RunJournal.open(root, Reports.header(config()), ALL, 50);
    Path dir = root.resolve(j.id().get(5, TimeUnit.SECONDS));
    j.scenario(new JsonObject().put("scenario", scenario));
    j.event(step(step, "success"));
    return new Started(j, dir);
  }

  /** A condition that may throw while a file is not there yet: false until it holds. */
  static boolean safely(java.util.concurrent.Callable<Boolean> c) {
    try {
      return c.call();
    } catch (Exception e) {
      return false;
    }
  }

  static JsonObject report(Path dir) throws Exception {
    return new JsonObject(Files.readString(dir.resolve("report.json")));
  }

  static JsonArray steps(JsonObject report, int scenario) {
    return report.getJsonArray("results").getJsonObject(scenario).getJsonArray("steps");
  }

  @Test
  void aRunsFolderHoldsAValidReportFromItsStartAndTheWholeReportAtItsEnd() throws Exception {
    RunJournal j = RunJournal.open(root, Reports.header(config()), List.of("html", "junit"), 50);
    Path dir = root.resolve(j.id().get(5, TimeUnit.SECONDS));
    JsonObject first = report(dir);
    assertEquals(Reports.INTERRUPTED, first.getString("run_status"), "what is left if the process ends now");
    assertEquals("failure", first.getString("overall_status"));
    assertEquals(0, first.getJsonArray("results").size());
    assertFalse(Files.readString(dir.resolve("report.json")).contains("hunter22"), "the header's config is masked");

    j.scenario(new JsonObject().put("scenario", "alpha").put("suite_name", "s1"));
    j.event(new JsonObject().put("type", "run").put("run_id", "run-1"));
    j.event(new JsonObject().put("type", "started").put("step_id", "a"));
    j.event(step("a", "success"));
    j.event(step("bg", "running"));
    j.event(step("b", "failure"));
    Waits.until(() -> safely(() -> steps(report(dir), 0).size() == 2), 5_000, "report.json shows the finished steps within a second");
    JsonObject mid = report(dir);
    JsonObject scenario = mid.getJsonArray("results").getJsonObject(0);
    assertEquals(Reports.INTERRUPTED, scenario.getString("run_status"));
    assertEquals("failure", scenario.getString("status"));
    assertEquals("run-1", scenario.getString("run_id"));
    assertEquals("s1", scenario.getString("suite_name"));
    assertTrue(scenario.getString("error_message").contains("still running: bg"), scenario.encode());

    j.event(step("bg", "success"));
    j.scenarioEnded(new JsonObject().put("run_id", "run-1").put("scenario", "alpha").put("status", "failure")
        .put("error", "1 step(s) failed").put("duration", 2.5).put("start_time", "2026-12-07T10:00:00Z")
        .put("end_time", "2026-12-07T10:00:03Z").put("results", new JsonArray().add("not journalled again")));
    String id = j.finish().get(10, TimeUnit.SECONDS);
    assertEquals(dir.getFileName().toString(), id);
    JsonObject done = report(dir);
    assertEquals(Reports.COMPLETED, done.getString("run_status"));
    assertEquals("failure", done.getString("overall_status"));
    assertEquals(List.of("a", "bg", "b"), steps(done, 0).stream().map(s -> ((JsonObject) s).getString("id")).toList(),
        "the latest record of each step, in first-seen order, as a run's results");
    assertEquals("success", steps(done, 0).getJsonObject(1).getString("status"));
    assertEquals("failure", done.getJsonArray("results").getJsonObject(0).getString("run_status"));
    for (String f : List.of("report.html", "junit.xml", "report.json")) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    assertFalse(Files.exists(dir.resolve("report.log")), "the formats asked for (json always)");
    ReportsTest.validJUnit(dir.resolve("junit.xml"));
    List<String> lines = Files.readAllLines(dir.resolve(Journal.FILE));
    assertTrue(lines.get(lines.size() - 1).startsWith("{\"t\":\"end\""), lines.get(lines.size() - 1));
    assertTrue(ReportRebuild.closed(dir.resolve(Journal.FILE)));

    // a rebuild of a finished folder makes the same report.json
    JsonObject before = report(dir);
    ReportRebuild.rebuild(dir);
    assertEquals(before, report(dir));
    assertEquals(lines, Files.readAllLines(dir.resolve(Journal.FILE)), "a closed journal is not marked again");
  }

  @Test
  void reportJsonIsRewrittenAtMostOnceASecond() throws Exception {
    RunJournal j = RunJournal.open(root, Reports.header(config()), ALL, 50);
    Path dir = root.resolve(j.id().get(5, TimeUnit.SECONDS));
    j.scenario(new JsonObject().put("scenario", "many"));
    int writes = 0;
    long lastModified = Files.getLastModifiedTime(dir.resolve("report.json")).toMillis();
    String lastText = Files.readString(dir.resolve("report.json"));
    long t0 = System.nanoTime();
    int i = 0;
    // 1.5 s of steps, 1 ms apart; watch report.json change
    while (System.nanoTime() - t0 < 1_500_000_000L) {
      j.event(step("s" + i++, "success"));
      Thread.sleep(1);
      String text = Files.readString(dir.resolve("report.json"));
      if (!text.equals(lastText)) {
        writes++;
        lastText = text;
      }
    }
    assertTrue(writes >= 1 && writes <= 2, writes + " rewrites of report.json in 1.5 s of " + i + " steps");
    j.finish().get(10, TimeUnit.SECONDS);
    assertEquals(i, steps(report(dir), 0).size());
    assertTrue(lastModified > 0);
  }

  @Test
  void aJournalCutShortIsRebuiltAsAnInterruptedRunAndMarkedOnce() throws Exception {
    Started st = started("first", "x");
    RunJournal j = st.journal();
    Path dir = st.dir();
    j.scenarioEnded(new JsonObject().put("scenario", "first").put("status", "success").put("duration", 1.0));
    j.scenario(new JsonObject().put("scenario", "second"));
    j.event(step("y", "success"));
    j.event(step("z", "failure"));
    Waits.until(() -> safely(() -> Files.readString(dir.resolve(Journal.FILE)).contains("\"id\":\"z\"")), 5_000, "journalled");
    // a copy of the folder as a killed process leaves it: the journal without its end, a last line cut in half, a
    // temporary file of a write that never finished
    Path cut = Files.createDirectories(root.resolve("2026-12-07_10-00-00"));
    String journal = Files.readString(dir.resolve(Journal.FILE));
    Files.writeString(cut.resolve(Journal.FILE), journal + "{\"t\":\"step\",\"result\":{\"id\":\"w\",\"sta");
    Files.writeString(cut.resolve(".report.json123.tmp"), "{\"half");
    j.finish().get(10, TimeUnit.SECONDS);

    List<JsonObject> rebuilt = ReportRebuild.rebuildInterrupted(root);
    assertEquals(1, rebuilt.size(), rebuilt.toString());
    assertEquals(Reports.INTERRUPTED, rebuilt.get(0).getString("run_status"));
    assertEquals(1, rebuilt.get(0).getInteger("unreadable_lines"));
    JsonObject r = report(cut);
    assertEquals("failure", r.getString("overall_status"));
    assertEquals(Reports.INTERRUPTED, r.getString("run_status"));
    assertEquals("success", r.getJsonArray("results").getJsonObject(0).getString("run_status"));
    assertEquals(Reports.INTERRUPTED, r.getJsonArray("results").getJsonObject(1).getString("run_status"));
    assertEquals(List.of("y", "z"), steps(r, 1).stream().map(s -> ((JsonObject) s).getString("id")).toList());
    assertEquals(new io.vertx.core.json.JsonObject().put("total_scenarios", 2).put("passed", 1).put("failed", 1),
        r.getJsonObject("summary"));
    String html = Files.readString(cut.resolve("report.html"));
    assertTrue(html.contains("interrupted"), "the HTML says so");
    ReportsTest.validJUnit(cut.resolve("junit.xml"));
    assertTrue(Files.readString(cut.resolve("junit.xml")).contains("<error message=\"interrupted"));
    assertTrue(Files.isRegularFile(cut.resolve("report.log")));
    try (var files = Files.list(cut)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "the half-written temporary file went");
    }
    assertTrue(ReportRebuild.closed(cut.resolve(Journal.FILE)), "marked interrupted");
    assertEquals(List.of(), ReportRebuild.rebuildInterrupted(root), "a folder is rebuilt at start once");
  }

  @Test
  void aFolderARunningJournalHoldsIsNotRebuilt() throws Exception {
    Started st = started("live", "a");
    RunJournal j = st.journal();
    Path dir = st.dir();
    assertEquals(List.of(), ReportRebuild.rebuildInterrupted(root), "a run going on is not interrupted");
    ServiceException busy = assertThrows(ServiceException.class, () -> ReportRebuild.rebuild(dir));
    assertEquals("folder", busy.details().getString("field"));
    j.finish().get(10, TimeUnit.SECONDS);
    assertEquals(Reports.COMPLETED, report(dir).getString("run_status"));
    Path empty = Files.createDirectories(root.resolve("2020-01-01_00-00-00"));
    ServiceException none = assertThrows(ServiceException.class, () -> ReportRebuild.rebuild(empty));
    assertTrue(none.getMessage().contains("journal.jsonl"), none.getMessage());
    assertNotNull(Files.write(empty.resolve("x"), new byte[0], StandardOpenOption.CREATE));
    assertTrue(new String(Files.readAllBytes(dir.resolve(Journal.FILE)), StandardCharsets.UTF_8).endsWith("\n"));
    // retention never removes a folder whose run has not ended, however old
    Path old = Files.createDirectories(root.resolve("2000-01-01_00-00-00"));
    Files.writeString(old.resolve(Journal.FILE), Journal.line("header", "report", new JsonObject()) + "\n");
    Reports.retain(root, 0);
    assertTrue(Files.isDirectory(old), "an unfinished run's folder is kept");
    assertFalse(Files.exists(dir), "a finished one beyond keep goes");
  }
}
