package org.openutm.verification.report;

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
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;
import org.w3c.dom.Document;

/** Every run leaves report.json and junit.xml (atomic, secrets masked); listed, linked, and confined over HTTP. */
class ReportsTest {
  @TempDir
  Path dir;

  static final String SCENARIO = """
      name: mixed
      steps:
        - id: ok
          step: Generate UUID
        - id: broken
          step: Generate Random Number
          arguments: {min: 9, max: 1}
        - id: skipped_after
          step: Generate UUID
        - id: teardown
          step: Generate UUID
          if: always()
      """;

  @Test
  void httpRunsLeaveReports() throws Exception {
    try (TestService svc = TestService.start(new JsonObject().put("reporting", new JsonObject().put("output_dir", dir.toString()))
        .put("amqp", new JsonObject().put("url", "amqp://guest:hunter22@127.0.0.1:5672/")))) {
      Http http = svc.http;
      assertEquals(200, http.post("/run-scenario", SCENARIO, "Content-Type", "application/yaml").status());
      JsonArray list = null;
      // the folder is listed from the run's start (run_status interrupted until it ends)
      for (int i = 0; i < 40 && (list == null || list.isEmpty()
          || !"completed".equals(list.getJsonObject(0).getString("run_status"))); i++) {
        Thread.sleep(100);
        list = (JsonArray) http.get("/api/reports").value();
      }
      assertEquals(1, list.size(), list.encode());
      JsonObject entry = list.getJsonObject(0);
      assertEquals("failure", entry.getString("overall_status"), "the toolkit's values since its #74");
      assertEquals(1, entry.getJsonObject("summary").getInteger("failed"));
      Http.Response redirect = http.get("/api/reports/latest?scenario=mixed");
      assertEquals(302, redirect.status(), redirect.body());
      Http.Response latest = http.get(redirect.headers().get("location").get(0).replace("report.html", "report.json"));
      assertEquals(200, latest.status(), latest.body());
      JsonObject report = latest.json();
      assertEquals("0.1.0", report.getString("tool_version"));
      JsonArray steps = report.getJsonArray("results").getJsonObject(0).getJsonArray("steps");
      assertEquals(List.of("success", "failure", "skipped", "success"),
          steps.stream().map(s -> ((JsonObject) s).getString("status")).toList());
      assertTrue(report.getDouble("total_duration") > 0);
      String raw = Files.readString(dir.resolve(entry.getString("id")).resolve("report.json"));
      assertFalse(raw.contains("hunter22"), "no secret in the report");
      Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(dir.resolve(entry.getString("id")).resolve("junit.xml").toFile());
      assertEquals(4, junit.getElementsByTagName("testcase").getLength());
      assertEquals(1, junit.getElementsByTagName("failure").getLength());
      assertEquals(1, junit.getElementsByTagName("skipped").getLength());
      validJUnit(dir.resolve(entry.getString("id")).resolve("junit.xml"));
      assertEquals(404, http.get("/api/reports/latest?scenario=nothing").status());
      assertTrue(http.get("/reports/../conf/config.yaml").status() >= 400);
      assertTrue(http.get("/reports/%2e%2e/conf/config.yaml").status() >= 400);
      try (var files = Files.list(dir.resolve(entry.getString("id")))) {
        assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
      }
    }
  }

  /** junit.xml against the JUnit schema CI readers follow (src/test/resources/junit.xsd); throws on any violation. */
  static void validJUnit(Path file) throws Exception {
    JUnitSchema.validate(file);
  }

  @Test
  void aStoppedRunReportsItsCancelledStepsAndTeardown() throws Exception {
    String yaml = """
        name: stopped_midway
        steps:
          - id: first
            step: Generate UUID
          - id: long_wait
            step: Wait X seconds
            arguments: {duration: 30}
          - id: never
            step: Generate UUID
          - id: teardown
            step: Generate UUID
            if: cancelled()
        """;
    try (TestService svc = TestService.start(new JsonObject().put("reporting", new JsonObject().put("output_dir", dir.toString())
        .put("formats", new JsonArray().add("json").add("html").add("junit").add("log"))))) {
      Http http = svc.http;
      assertEquals(200, http.post("/run-scenario-async", yaml, "Content-Type", "application/yaml").status());
      Thread.sleep(700);
      assertEquals(200, http.post("/stop-scenario", null).status());
      JsonArray list = new JsonArray();
      for (int i = 0; i < 50 && (list.isEmpty() || !"completed".equals(list.getJsonObject(0).getString("run_status"))); i++) {
        Thread.sleep(100);
        list = (JsonArray) http.get("/api/reports").value();
      }
      assertEquals(1, list.size(), list.encode());
      Path run = dir.resolve(list.getJsonObject(0).getString("id"));
      JsonObject report = new JsonObject(Files.readString(run.resolve("report.json")));
      JsonObject result = report.getJsonArray("results").getJsonObject(0);
      assertEquals("cancelled", result.getString("run_status"), result.encode());
      assertEquals("failure", result.getString("status"), "a cancelled scenario is not a success");
      assertEquals("failure", report.getString("overall_status"));
      java.util.Map<String, String> status = new java.util.LinkedHashMap<>();
      result.getJsonArray("steps").forEach(o -> status.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("status")));
      assertEquals("success", status.get("first"));
      assertEquals("failure", status.get("long_wait"), status.toString());
      assertEquals("skipped", status.get("never"));
      assertEquals("success", status.get("teardown"), "cancelled() steps run after a stop");
      String html = Files.readString(run.resolve("report.html"));
      assertTrue(html.contains("cancelled"), "the HTML report shows the cancelled status");
      validJUnit(run.resolve("junit.xml"));
      Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(run.resolve("junit.xml").toFile());
      assertEquals(1, junit.getElementsByTagName("failure").getLength());
      assertTrue(Files.readString(run.resolve("report.log")).contains("long_wait"));
    }
  }

  @Test
  void cliWritesOneReportForTheInvocation() throws Exception {
    Path scenario = dir.resolve("mixed.yaml");
    Files.writeString(scenario, SCENARIO);
    Path reports = dir.resolve("out");
    JsonObject overrides = new JsonObject().put("logging", new JsonObject().put("level", "WARN"))
        .put("reporting", new JsonObject().put("output_dir", reports.toString())
            .put("formats", new JsonArray().add("json").add("log")));
    AppConfig config = ConfigLoader.load("conf/config.yaml", Map.of(), overrides);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = org.openutm.verification.cli.CliAccess.run(List.of(scenario.toString(), "examples/loops_and_groups"),
        config, overrides, new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertEquals(1, code);
    try (var dirs = Files.list(reports)) {
      Path report = dirs.findFirst().orElseThrow();
      JsonObject json = new JsonObject(Files.readString(report.resolve("report.json")));
      assertEquals(2, json.getJsonObject("summary").getInteger("total_scenarios"));
      assertEquals(1, json.getJsonObject("summary").getInteger("passed"));
      assertTrue(Files.readString(report.resolve("report.log")).contains("failure  broken"));
      assertTrue(Files.exists(report.resolve("junit.xml")));
    }
  }

  @Test
  void generateReportForTheInteractiveSession() throws Exception {
    try (TestService svc = TestService.start(new JsonObject().put("reporting", new JsonObject().put("output_dir", dir.toString())))) {
      Http http = svc.http;
      String s = http.post("/api/sessions", null).json().getString("session_id");
      http.post("/api/step", new JsonObject().put("step", "Generate UUID").put("id", "one"), "X-Session-Id", s);
      JsonObject r = http.post("/session/generate-report", new JsonObject().put("scenario_name", "by hand"),
          "X-Session-Id", s).json();
      assertEquals("success", r.getString("status"), r.encode());
      JsonObject report = new JsonObject(Files.readString(dir.resolve(r.getString("report_id")).resolve("report.json")));
      assertEquals("by hand", report.getJsonArray("results").getJsonObject(0).getString("name"));
      assertEquals("success", report.getString("overall_status"));
      assertTrue(Files.exists(dir.resolve(r.getString("report_id")).resolve("report.html")));
      assertEquals(400, http.post("/session/generate-report", new JsonObject().put("scenario_name", 5), "X-Session-Id", s).status());
      assertEquals(404, http.post("/session/generate-report", new JsonObject(), "X-Session-Id", "nobody").status());
    }
  }
  /**
   * Issue 21: the toolkit's editor runs a scenario and then calls /session/generate-report (useScenarioRunner.ts): that
   * makes one report folder, the run's, not two; a step recorded after the run makes the next call write a new one.
   */
  @Test
  void oneReportFolderPerEditorRun() throws Exception {
    try (TestService svc = TestService.start(new JsonObject().put("reporting", new JsonObject().put("output_dir", dir.toString())))) {
      Http http = svc.http;
      String s = http.post("/api/sessions", null).json().getString("session_id");
      assertEquals(200, http.post("/run-scenario", SCENARIO, "Content-Type", "application/yaml", "X-Session-Id", s).status());
      JsonObject r = http.post("/session/generate-report", new JsonObject().put("scenario_name", "mixed"),
          "X-Session-Id", s).json();
      assertEquals("success", r.getString("status"), r.encode());
      try (var folders = Files.list(dir)) {
        assertEquals(List.of(r.getString("report_id")), folders.map(p -> p.getFileName().toString()).toList());
      }
      http.post("/api/step", new JsonObject().put("step", "Generate UUID").put("id", "later"), "X-Session-Id", s);
      JsonObject again = http.post("/session/generate-report", new JsonObject().put("scenario_name", "mixed"),
          "X-Session-Id", s).json();
      assertFalse(again.getString("report_id").equals(r.getString("report_id")), "a new step, a new report");
      try (var folders = Files.list(dir)) {
        assertEquals(2, folders.count());
      }
    }
  }
  /**
   * Issue 21, as the toolkit's reporting.py: each scenario result carries flight_declaration_data, telemetry_data,
   * air_traffic_data, ..., and the report folder holds a folder per scenario with flight_declaration.json,
   * telemetry.json, telemetry_<label>.json and air_traffic.json; report.json says success/failure.
   */
  @Test
  void reportsKeepTheToolkitsScenarioData() throws Exception {
    String yaml = """
        name: data kept
        steps:
          - step: Setup Flight Declaration
          - step: Submit Telemetry
            arguments: {duration: 3}
          - id: generate_alpha_telemetry
            step: Generate Telemetry
            arguments: {config_path: "${{ data_files.trajectory }}", duration: 5}
          - step: Submit Air Traffic
            arguments:
              observations:
                - {lat_dd: 46.95, lon_dd: 7.44, altitude_mm: 500000, traffic_source: 1, source_type: 1, icao_address: "ABC123", timestamp: 1700000000, metadata: {}}
          - step: Cleanup Flight Declarations
        """;
    try (TestService svc = TestService.startFast(new JsonObject().put("reporting", new JsonObject()
        .put("output_dir", dir.toString())))) {
      Http.Response run = svc.http.post("/run-scenario", yaml, "Content-Type", "application/yaml");
      assertEquals(200, run.status(), run.body());
      assertFalse(run.body().contains("report_data"), "the data goes to the report, not the answer");
      assertTrue(((JsonArray) run.value()).stream().allMatch(r -> "success".equals(((JsonObject) r).getString("status"))),
          run.body());
      Path folder = null;
      for (int i = 0; i < 50 && folder == null; i++) {
        try (var list = Files.list(dir)) {
          folder = list.filter(p -> org.openutm.verification.support.ReportFiles.completed(p.resolve("report.json")))
              .findFirst().orElse(null);
        }
        Thread.sleep(100);
      }
      assertTrue(folder != null, "a report was written");
      JsonObject report = new JsonObject(Files.readString(folder.resolve("report.json")));
      assertEquals("success", report.getString("overall_status"));
      assertTrue(report.getString("config_file").endsWith("config.yaml"), report.getString("config_file"));
      JsonObject result = report.getJsonArray("results").getJsonObject(0);
      assertEquals("success", result.getString("status"));
      assertTrue(result.getJsonObject("flight_declaration_data").containsKey("flight_declaration_geo_json"),
          result.getJsonObject("flight_declaration_data").fieldNames().toString());
      assertEquals(3, result.getJsonArray("telemetry_data").size(), "the states Flight Blender accepted");
      assertEquals(1, result.getJsonArray("air_traffic_data").size());
      assertTrue(result.containsKey("flight_declarations_data") && result.getValue("flight_declarations_data") == null);
      Path data = folder.resolve("data_kept");
      assertEquals(result.getJsonObject("flight_declaration_data"),
          new JsonObject(Files.readString(data.resolve("flight_declaration.json"))));
      assertEquals(3, new JsonArray(Files.readString(data.resolve("telemetry.json"))).size());
      assertEquals(5, new JsonArray(Files.readString(data.resolve("telemetry_alpha.json"))).size());
      assertEquals(1, new JsonArray(Files.readString(data.resolve("air_traffic.json"))).size());
      assertFalse(Files.exists(data.resolve("incident_logs.json")), "nothing to write, no file");
    }
  }
}
