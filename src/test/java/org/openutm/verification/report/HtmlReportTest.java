package org.openutm.verification.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** report.html is self-contained and draws declarations and tracks; opened in headless Chromium. */
class HtmlReportTest {
  @TempDir
  Path dir;

  @Test
  void htmlReportOpensCleanlyWithTheMap() throws Exception {
    String yaml = """
        name: mapped
        steps:
          - step: Cleanup Flight Declarations
          - step: Setup Flight Declaration
            arguments: {telemetry_duration: 3}
          - step: Update Operation State
            arguments: {state: ACTIVATED}
          - step: Submit Telemetry
          - step: Stream Air Traffic
            arguments: {provider: geojson, target: none, duration: 2, number_of_aircraft: 2}
          - step: Teardown Flight Declaration
            if: always()
        """;
    try (TestService svc = TestService.startFast(new JsonObject().put("reporting", new JsonObject()
        .put("output_dir", dir.toString()).put("formats", new JsonArray().add("json").add("html"))))) {
      Http http = svc.http;
      assertEquals(200, http.post("/run-scenario", yaml, "Content-Type", "application/yaml").status());
      Http.Response redirect = null;
      for (int i = 0; i < 50 && (redirect == null || redirect.status() != 302); i++) {
        Thread.sleep(100);
        redirect = http.get("/api/reports/latest?scenario=mapped");
      }
      String location = redirect.headers().get("location").get(0);
      assertTrue(location.endsWith("/report.html"), location);
      Http.Response page = http.get(location);
      assertEquals(200, page.status());
      String html = page.body();
      assertTrue(html.matches("(?s).*<th>Flight Blender</th><td>embedded emulator \\(mode [a-z]+\\) at http://127\\.0\\.0\\.1:\\d+</td>.*"),
          "the header names the emulator, its mode and its address");
      assertFalse(html.contains("<script src") || html.contains("src=\"http") || html.contains("<link"),
          "self-contained: scripts and styles inline, no external resource");
      assertTrue(html.contains("leaflet-container") || !ReportMap.interactive(), "Leaflet inlined (when the build made it)");
      Path file = dir.resolve(location.replace("/reports/", ""));
      Files.createDirectories(Path.of("target/e2e"));
      Process p = new ProcessBuilder("node", "webroot/e2e/report.e2e.mjs", file.toString(), "target/e2e/report.png")
          .redirectErrorStream(true).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertEquals(0, p.exitValue(), out);
      JsonObject seen = new JsonObject(out.substring(out.lastIndexOf('{')));
      assertEquals(3, seen.getInteger("tracks"), "1 telemetry + 2 air-traffic tracks: " + out);
      assertEquals(1, seen.getInteger("declarations"), out);
      assertTrue(ReportMap.interactive(), "the npm build makes report-assets/report-map.js");
      assertEquals(1, seen.getInteger("leaflet"), out);
      assertEquals(1, seen.getInteger("scale"), "a scale bar: " + out);
      assertEquals(new JsonArray().add("declaration").add("telemetry").add("air traffic"), seen.getJsonArray("legend"), out);
      assertTrue(seen.getInteger("timelineBars") >= 5, "a bar per step that ran: " + out);
      assertEquals(3, seen.getInteger("profiles"), "an altitude profile per telemetry track and per aircraft: " + out);
      assertTrue(seen.getJsonArray("errors").isEmpty(), out);
      assertTrue(seen.getJsonArray("requests").isEmpty(), "no network request: " + out);
    }
  }

  /**
   * Issue 17.4: phases in flight order whatever ran first (a cleanup step of POST FLIGHT often runs first), each in
   * run order, steps without a phase last; the header names the emulator and its mode, and the deployment once.
   */
  @Test
  void phasesInFlightOrderAndTheHeaderNamesTheEmulator() {
    JsonArray steps = new JsonArray();
    String[][] rows = {{"cleanup", "POST FLIGHT"}, {"uuid", null}, {"declare", "PRE FLIGHT"}, {"fly", "CRUISE"},
        {"activate", "PRE FLIGHT"}, {"end", "POST FLIGHT"}, {"wait", null}};
    for (String[] r : rows) {
      steps.add(new JsonObject().put("id", r[0]).put("name", r[0]).put("status", "success").put("phase", r[1]));
    }
    JsonObject report = new JsonObject().put("overall_status", "success").put("flight_blender_url", "http://127.0.0.1:4321")
        .put("deployment_details", new JsonObject().put("name", "Embedded Flight Blender emulator").put("version", "emulator")
            .put("notes", "Local run"))
        .put("config", new JsonObject().put("flight_blender", new JsonObject().put("emulated", true))
            .put("emulator", new JsonObject().put("mode", "fastapi")))
        .put("results", new JsonArray().add(new JsonObject().put("name", "phased").put("status", "success").put("steps", steps)));
    String html = HtmlReport.of(report);
    int pre = html.indexOf("Pre-flight <small>PRE FLIGHT</small></h3>");
    int cruise = html.indexOf("Cruise <small>CRUISE</small></h3>");
    int post = html.indexOf("Post-flight <small>POST FLIGHT</small></h3>");
    int any = html.indexOf(">Other Steps</h3>");
    assertTrue(pre > 0 && pre < cruise && cruise < post && post < any, "phase order: " + pre + " " + cruise + " " + post + " " + any);
    String[] order = {"declare", "activate", "fly", "cleanup", "end", "uuid", "wait"};
    int at = 0;
    for (String id : order) {
      int next = html.indexOf("<td>" + id + "</td>", at);
      assertTrue(next > at, id + " is out of order");
      at = next;
    }
    assertTrue(html.contains("<th>Flight Blender</th><td>embedded emulator (mode fastapi) at http://127.0.0.1:4321</td>"), html);
    assertTrue(html.contains("<th>Deployment</th><td>Embedded Flight Blender emulator — Local run</td>"), html);
    assertFalse(html.contains("emulator emulator"));
    report.getJsonObject("config").getJsonObject("flight_blender").put("emulated", false);
    report.getJsonObject("deployment_details").put("name", "Staging").put("version", "v0.9");
    String real = HtmlReport.of(report);
    assertTrue(real.contains("<th>Flight Blender</th><td>http://127.0.0.1:4321</td>"), real);
    assertTrue(real.contains("<th>Deployment</th><td>Staging v0.9 — Local run</td>"), real);
  }

  /**
   * Issue 24: docs rendered from Markdown (raw HTML shown as text), a timeline bar per timed step linking to its row
   * (a background step overlapping the steps that ran meanwhile), the map's features as GeoJSON that cannot close
   * its script element, and a tile layer only when reporting.map_tiles names one.
   */
  @Test
  void docsTimelineAndMapData() {
    JsonObject telemetry = new JsonObject().put("observations", new JsonArray().add(new JsonObject()
        .put("flight_details", new JsonObject().put("id", "</script><b>x"))
        .put("current_states", new JsonArray()
            .add(state(46.95, 7.44, 500, "2026-12-07T10:00:00Z")).add(state(46.96, 7.45, 520, "2026-12-07T10:00:05Z")))));
    JsonArray steps = new JsonArray()
        .add(timed("bg", "2026-12-07T10:00:00Z", "2026-12-07T10:00:10Z"))
        .add(timed("tel", "2026-12-07T10:00:01Z", "2026-12-07T10:00:02Z").put("http_exchanges", new JsonArray()
            .add(new JsonObject().put("method", "PUT").put("url", "http://fb/flight_stream/set_telemetry")
                .put("request_body", telemetry.encode()))))
        .add(new JsonObject().put("id", "skipped").put("status", "skipped"));
    JsonObject scenario = new JsonObject().put("name", "docs").put("status", "success").put("steps", steps)
        .put("docs", "# Purpose\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>");
    JsonObject report = new JsonObject().put("overall_status", "success").put("config", new JsonObject())
        .put("results", new JsonArray().add(scenario));
    String html = HtmlReport.of(report);
    assertTrue(html.contains("<h1>Purpose</h1>") && html.contains("<table>"), "Markdown with a table");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"), "raw HTML as text");
    assertEquals(2, html.split("<g class=\"bar ").length - 1, "a bar per timed step");
    assertTrue(html.contains("<a href=\"#step-0-1\">") && html.contains("<tr id=\"step-0-1\""), "a bar links to its row");
    String mapData = html.substring(html.indexOf("class=\"map-data\">"), html.indexOf("</script>", html.indexOf("class=\"map-data\">")));
    assertTrue(mapData.contains("\\u003c/script>\\u003cb>x"), "the track's id cannot end the script element: " + mapData);
    assertEquals(1, html.split("class=\"profile\"").length - 1, "one altitude profile");
    assertTrue(html.contains("<div class=\"lmap\"><script") && !html.contains("class=\"lmap\" data-tiles"), "no tiles unless configured");
    report.getJsonObject("config").put("reporting", new JsonObject().put("map_tiles", "https://tiles.example/{z}/{x}/{y}.png"));
    assertTrue(HtmlReport.of(report).contains("data-tiles=\"https://tiles.example/{z}/{x}/{y}.png\""));
  }

  private static JsonObject state(double lat, double lng, double alt, String at) {
    return new JsonObject().put("position", new JsonObject().put("lat", lat).put("lng", lng).put("alt", alt))
        .put("timestamp", new JsonObject().put("value", at).put("format", "RFC3339"));
  }

  private static JsonObject timed(String id, String start, String end) {
    return new JsonObject().put("id", id).put("name", "Wait X seconds").put("status", "success").put("duration", 1.0)
        .put("started_at", start).put("finished_at", end);
  }

  /**
   * Issue 24's figures: the report of a 10,000-step run is written (json, html, junit; time and sizes printed) and its
   * HTML opens in Chromium with no console error and no network request (screenshot target/e2e/report-10000.png).
   */
  @Test
  void aTenThousandStepReportOpensCleanly() throws Exception {
    JsonArray steps = new JsonArray();
    java.time.Instant t = java.time.Instant.parse("2026-12-07T10:00:00Z");
    for (int i = 0; i < 10_000; i++) {
      steps.add(new JsonObject().put("id", "s" + i).put("name", "Generate UUID").put("status", "success")
          .put("duration", 0.0001).put("result", java.util.UUID.randomUUID().toString()).put("logs", new JsonArray())
          .put("started_at", t.plusMillis(i).toString()).put("finished_at", t.plusMillis(i).plusNanos(50_000).toString()));
    }
    JsonObject run = new JsonObject().put("scenario", "ten thousand").put("status", "success").put("duration", 10.0)
        .put("start_time", t.toString()).put("end_time", t.plusSeconds(10).toString()).put("results", steps);
    JsonObject report = Reports.report(new JsonObject().put("run_id", "bench").put("config", new JsonObject()),
        java.util.List.of(run)).put("run_status", Reports.COMPLETED);
    Path folder = Files.createDirectories(dir.resolve("10000"));
    long t0 = System.nanoTime();
    ReportFolder.write(folder, report, java.util.List.of("json", "html", "junit"));
    System.out.printf("report of 10,000 steps written in %.2f s: report.json %.1f MB, report.html %.1f MB, junit.xml %.1f MB%n",
        (System.nanoTime() - t0) / 1e9, Files.size(folder.resolve("report.json")) / 1e6,
        Files.size(folder.resolve("report.html")) / 1e6, Files.size(folder.resolve("junit.xml")) / 1e6);
    JUnitSchema.validate(folder.resolve("junit.xml"));
    Files.createDirectories(Path.of("target/e2e"));
    Process p = new ProcessBuilder("node", "webroot/e2e/report.e2e.mjs", folder.resolve("report.html").toString(),
        "target/e2e/report-10000.png").redirectErrorStream(true).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.exitValue(), out);
    JsonObject seen = new JsonObject(out.substring(out.lastIndexOf('{')));
    assertTrue(seen.getJsonArray("errors").isEmpty(), out);
    assertTrue(seen.getJsonArray("requests").isEmpty(), "no network request: " + out);
    assertEquals(Timeline.MAX_BARS, seen.getInteger("timelineBars"), out);
  }
}
