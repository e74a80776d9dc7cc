package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.report.Reports;

/**
 * Port of the toolkit's tests/test_reporting_output.py (4 tests): a report of given step results, written as json and
 * html. The steps carry {@code result} (not {@code details}), the HTML shows it under a Result column, groups steps by
 * flight phase in flight order with its labels, lists phase-less steps under "Other Steps", and is one plain table
 * when no step has a phase.
 */
class ReportingOutputToolkitTest {
  @TempDir
  Path tmp;

  /** Writes one scenario of {@code steps} (id, name, phase or null) and answers report.json and report.html. */
  String[] write(String scenario, JsonArray steps) throws Exception {
    AppConfig config = ConfigLoader.load("conf/config.yaml", Map.of(), new JsonObject().put("reporting", new JsonObject()
        .put("output_dir", tmp.toString()).put("formats", new JsonArray().add("json").add("html"))));
    JsonObject run = new JsonObject().put("scenario", scenario).put("status", "success").put("duration", 1.04)
        .put("results", steps);
    String id = Reports.write(config, List.of(run), List.of("json", "html"));
    return new String[] {Files.readString(tmp.resolve(id).resolve("report.json")),
        Files.readString(tmp.resolve(id).resolve("report.html"))};
  }

  static JsonObject step(String id, String name, String phase, Object result) {
    return new JsonObject().put("id", id).put("name", name).put("status", "success").put("duration", 0.01)
        .put("phase", phase).put("result", result);
  }

  @Test
  void test_report_outputs_use_result() throws Exception {
    String[] out = write("sample_scenario", new JsonArray().add(step("Generate UUID", "Generate UUID", null,
        new JsonObject().put("uuid", "abc-123"))));
    JsonObject json = new JsonObject(out[0]);
    JsonObject first = json.getJsonArray("results").getJsonObject(0).getJsonArray("steps").getJsonObject(0);
    assertEquals(new JsonObject().put("uuid", "abc-123"), first.getJsonObject("result"));
    assertFalse(first.containsKey("details"));
    assertTrue(out[1].contains("<th>Result</th>"), out[1]);
    assertTrue(out[1].contains("abc-123"));
  }

  @Test
  void test_report_html_groups_steps_by_phase() throws Exception {
    String html = write("phased_scenario", new JsonArray()
        .add(step("s1", "Setup geo fence", "PRE FLIGHT", new JsonObject()))
        .add(step("s2", "Upload declaration", "PRE FLIGHT", new JsonObject()))
        .add(step("s3", "Stream telemetry", "CRUISE", new JsonObject()))
        .add(step("s4", "Cleanup", "POST FLIGHT", new JsonObject())))[1];
    for (String s : List.of("Pre-flight", "Cruise", "Post-flight", ">PRE FLIGHT<", ">CRUISE<", ">POST FLIGHT<",
        "Setup geo fence", "Upload declaration", "Stream telemetry", "Cleanup")) {
      assertTrue(html.contains(s), s);
    }
    int pre = html.indexOf(">PRE FLIGHT<");
    int cruise = html.indexOf(">CRUISE<");
    int post = html.indexOf(">POST FLIGHT<");
    assertTrue(pre < cruise && cruise < post, "Phase groups must appear in canonical flight phase order");
  }

  @Test
  void test_report_html_no_phases_renders_flat_table() throws Exception {
    String html = write("flat_scenario", new JsonArray().add(step("a", "Step A", null, new JsonObject()))
        .add(step("b", "Step B", null, new JsonObject())))[1];
    assertFalse(html.contains("class=\"phase-header\""), html);
    assertTrue(html.contains("Step A") && html.contains("Step B"));
  }

  @Test
  void test_report_html_mixed_phases_and_none() throws Exception {
    String html = write("mixed_scenario", new JsonArray()
        .add(step("s1", "Setup", "PRE FLIGHT", new JsonObject()))
        .add(step("s2", "Generate UUID", null, "abc"))
        .add(step("s3", "Stream", "CRUISE", new JsonObject()))
        .add(step("s4", "Cleanup", null, new JsonObject())))[1];
    for (String s : List.of("Pre-flight", "Cruise", "Other Steps", "Setup", "Generate UUID", "Stream", "Cleanup")) {
      assertTrue(html.contains(s), s);
    }
  }
}
