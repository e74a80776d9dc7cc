package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * report.html: one self-contained file (inline CSS, SVG and script; no CDN, no request; tiles only when
 * reporting.map_tiles names them): the run header, summary, and per scenario its status, docs (Markdown), a timeline of
 * its steps, a Leaflet map (declarations, geofences, telemetry and air-traffic tracks, DAA closest approaches; an SVG
 * drawing where Leaflet is not built in), altitude profiles, and its steps grouped by flight phase with collapsible
 * result JSON, logs and HTTP exchanges.
 */
final class HtmlReport {
  private HtmlReport() {
  }

  /** The flight phases in flight order; other phases follow in order of appearance, steps without one last. */
  static final java.util.List<String> PHASES = java.util.List.of("PRE FLIGHT", "CRUISE", "POST FLIGHT");
  static final String ANY_PHASE = "ANY PHASE";

  /** "embedded emulator (mode django) at http://127.0.0.1:41234", or the deployment's URL. */
  static String flightBlender(JsonObject report) {
    String url = report.getString("flight_blender_url", "");
    JsonObject cfg = report.getJsonObject("config", new JsonObject());
    JsonObject fb = cfg.getJsonObject("flight_blender", new JsonObject());
    if (!fb.getBoolean("emulated", false)) {
      return url;
    }
    String mode = cfg.getJsonObject("emulator", new JsonObject()).getString("mode", "fastapi").toLowerCase();
    return "embedded emulator (mode " + mode + ")" + (url.isBlank() ? "" : " at " + url);
  }

  /** The deployment's name once, its version beside it unless the name says it already, then the notes. */
  static String deployment(JsonObject dep) {
    String name = dep.getString("name", "").trim();
    String version = dep.getString("version", "").trim();
    String notes = dep.getString("notes", "").trim();
    StringBuilder out = new StringBuilder(name);
    if (!version.isEmpty() && !name.toLowerCase().contains(version.toLowerCase())) {
      out.append(out.length() == 0 ? "" : " ").append(version);
    }
    if (!notes.isEmpty()) {
      out.append(out.length() == 0 ? "" : " — ").append(notes);
    }
    return out.toString();
  }

  static String of(JsonObject report) {
    StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>OpenUTM Verification report</title><style>" + CSS + "</style></head><body>");
    JsonObject summary = report.getJsonObject("summary", new JsonObject());
    sb.append("<header><h1>OpenUTM Verification report</h1><p class=\"overall ").append(esc(report.getString("overall_status")))
        .append("\">").append(esc(String.valueOf(report.getString("overall_status")).toUpperCase())).append("</p><table class=\"meta\">");
    row(sb, "Run", report.getString("run_id"));
    row(sb, "Tool version", report.getString("tool_version"));
    row(sb, "Started", report.getString("start_time"));
    row(sb, "Ended", report.getString("end_time"));
    double speed = report.getDouble("clock_speed", 1.0);
    row(sb, "Duration", String.format("%.2f s", report.getDouble("total_duration", 0.0)) + (speed == 1 ? ""
        : String.format(" simulated (clock speed %s: %.2f s of wall time, achieved speed %.1f)",
            org.openutm.verification.clock.SimClock.format(speed), report.getDouble("total_wall_duration", 0.0),
            report.getDouble("achieved_speed", speed))));
    row(sb, "Flight Blender", flightBlender(report));
    row(sb, "Deployment", deployment(report.getJsonObject("deployment_details", new JsonObject())));
    row(sb, "Scenarios", summary.getInteger("total_scenarios", 0) + " (" + summary.getInteger("passed", 0) + " passed, "
        + summary.getInteger("failed", 0) + " failed)");
    if (Reports.INTERRUPTED.equals(report.getString("run_status"))) {
      row(sb, "Run status", "interrupted: the process ended before the run did; this report holds every step that had "
          + "finished (rebuilt from journal.jsonl)");
    }
    sb.append("</table></header>");
    JsonArray results = report.getJsonArray("results", new JsonArray());
    boolean maps = false;
    String tiles = ReportMap.tiles(report);
    for (int i = 0; i < results.size(); i++) {
      maps |= scenario(sb, results.getJsonObject(i), i, tiles);
    }
    if (maps && ReportMap.interactive()) {
      sb.append(ReportMap.scripts());
    }
    return sb.append("</body></html>").toString();
  }

  /** One scenario's section; true when it has a map. */
  private static boolean scenario(StringBuilder sb, JsonObject r, int index, String tiles) {
    JsonArray steps = r.getJsonArray("steps", new JsonArray());
    sb.append("<section class=\"scenario\"><h2><span class=\"badge ").append(esc(r.getString("status"))).append("\">")
        .append(esc(r.getString("status"))).append("</span> ")
        .append("cancelled".equals(r.getString("run_status")) ? "<span class=\"badge cancelled\">cancelled</span> " : "")
        .append(Reports.INTERRUPTED.equals(r.getString("run_status")) ? "<span class=\"badge interrupted\">interrupted</span> " : "")
        .append(esc(r.getString("name")))
        .append(r.getString("suite_name") == null ? "" : " <small>suite " + esc(r.getString("suite_name")) + "</small>")
        .append(String.format(" <small>%.2f s</small></h2>", r.getDouble("duration", 0.0)));
    if (r.getString("error_message") != null) {
      sb.append("<p class=\"error\">").append(esc(r.getString("error_message"))).append("</p>");
    }
    if (r.getString("docs") != null) {
      sb.append("<details open><summary>Docs</summary><div class=\"docs\">").append(Markdown.html(r.getString("docs")))
          .append("</div></details>");
    }
    String anchor = "step-" + index + "-";
    String timeline = Timeline.svg(steps, anchor);
    if (!timeline.isEmpty()) {
      sb.append("<details open class=\"timeline\"><summary>Timeline</summary>").append(timeline).append("</details>");
    }
    MapData map = MapData.of(steps);
    if (!map.isEmpty()) {
      sb.append("<figure>").append(ReportMap.interactive() ? ReportMap.container(map, tiles) : map.svg(720, 420))
          .append("<figcaption>blue: declarations, red: geofences, green: telemetry, amber: air traffic, red circles: "
              + "DAA closest approaches</figcaption></figure>");
      String profiles = AltitudeProfile.charts("telemetry", map.telemetry, "#1f9d49")
          + AltitudeProfile.charts("aircraft", map.traffic, "#e8a317");
      if (!profiles.isEmpty()) {
        sb.append("<details open><summary>Altitude profiles</summary><div class=\"profiles\">").append(profiles)
            .append("</div></details>");
      }
    }
    DaaEncounters daa = DaaEncounters.of(steps);
    if (!daa.isEmpty()) {
      sb.append(daa.table());
    }
    sb.append(Sequence.of(steps));
    Map<String, StringBuilder> byPhase = new LinkedHashMap<>();
    for (String phase : PHASES) {
      byPhase.put(phase, new StringBuilder());
    }
    for (int i = 0; i < steps.size(); i++) {
      JsonObject step = steps.getJsonObject(i);
      String phase = step.getString("phase") == null ? ANY_PHASE : step.getString("phase");
      step(byPhase.computeIfAbsent(phase, k -> new StringBuilder()), step, anchor + i);
    }
    byPhase.values().removeIf(rows -> rows.length() == 0);
    StringBuilder last = byPhase.remove(ANY_PHASE);
    if (last != null) {
      byPhase.put(ANY_PHASE, last);
    }
    // as the toolkit's template: a heading per phase ("Pre-flight" over PRE FLIGHT), steps without one under "Other
    // Steps", and one plain table when no step has a phase
    boolean phased = !(byPhase.size() == 1 && byPhase.containsKey(ANY_PHASE));
    byPhase.forEach((phase, rows) -> {
      if (phased) {
        sb.append(ANY_PHASE.equals(phase) ? "<h3 class=\"phase-header\">Other Steps</h3>" : "<h3 class=\"phase-header\">"
            + esc(label(phase)) + " <small>" + esc(phase) + "</small></h3>");
      }
      sb.append("<table class=\"steps\"><tr><th>Status</th><th>Step</th><th>Operation</th><th>Duration</th><th>Result</th>"
          + "</tr>").append(rows).append("</table>");
    });
    sb.append("</section>");
    return !map.isEmpty();
  }

  /** "PRE FLIGHT" -> "Pre-flight", "CRUISE" -> "Cruise", "FLIGHT PLANNING" -> "Flight planning". */
  static String label(String phase) {
    String lower = phase.toLowerCase(java.util.Locale.ROOT);
    lower = lower.startsWith("pre ") || lower.startsWith("post ") ? lower.replaceFirst(" ", "-") : lower;
    return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static void step(StringBuilder sb, JsonObject step, String anchor) {
    sb.append("<tr id=\"").append(esc(anchor)).append("\" class=\"step ").append(esc(step.getString("status")))
        .append("\"><td><span class=\"badge ")
        .append(esc(step.getString("status"))).append("\">").append(esc(step.getString("status"))).append("</span></td><td>")
        .append(esc(step.getString("id"))).append("</td><td>").append(esc(step.getString("name")))
        .append(String.format("</td><td>%.2f s</td><td>", step.getDouble("duration", 0.0)));
    if (step.getString("error_message") != null) {
      sb.append("<div class=\"error\">").append(esc(step.getString("error_message"))).append("</div>");
    }
    sb.append("<details><summary>result</summary><pre>").append(esc(cut(pretty(step.getValue("result")), 50_000))).append("</pre></details>");
    JsonArray logs = step.getJsonArray("logs", new JsonArray());
    if (!logs.isEmpty()) {
      sb.append("<details><summary>logs (").append(logs.size()).append(")</summary><pre>");
      logs.forEach(l -> sb.append(esc(String.valueOf(l))).append('\n'));
      sb.append("</pre></details>");
    }
    JsonArray ex = step.getJsonArray("http_exchanges", new JsonArray());
    if (!ex.isEmpty()) {
      sb.append("<details><summary>HTTP exchanges (").append(ex.size()).append(")</summary><table class=\"exchanges\">"
          + "<tr><th>#</th><th>Request</th><th>Status</th><th>ms</th><th>Bodies</th></tr>");
      for (int i = 0; i < ex.size(); i++) {
        JsonObject e = ex.getJsonObject(i);
        sb.append("<tr><td>").append(i + 1).append("</td><td>").append(esc(e.getString("method"))).append(' ')
            .append(esc(e.getString("url"))).append("</td><td>").append(e.getValue("status") == null ? esc(e.getString("error"))
                : e.getValue("status")).append("</td><td>").append(e.getValue("duration_ms")).append("</td><td><details><summary>show</summary>"
                + "<pre>").append(esc(cut(String.valueOf(e.getValue("request_body")), 4_000))).append("</pre><pre>")
            .append(esc(cut(String.valueOf(e.getValue("response_body")), 4_000))).append("</pre></details></td></tr>");
      }
      sb.append("</table></details>");
    }
    sb.append("</td></tr>");
  }

  /** The HTML shows at most {@code max} characters of a value; report.json keeps all of it. */
  static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "\n... " + (s.length() - max) + " more characters in report.json";
  }

  private static String pretty(Object v) {
    if (v instanceof JsonObject o) {
      return o.encodePrettily();
    }
    if (v instanceof JsonArray a) {
      return a.encodePrettily();
    }
    return String.valueOf(v);
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v == null ? "" : v)).append("</td></tr>");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static final String CSS = "body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{margin:0}"
      + ".meta th{text-align:left;padding-right:12px;color:#555}.overall{font-weight:700;font-size:18px}"
      + ".overall.pass,.overall.success{color:#1f9d49}.overall.fail,.overall.failure{color:#d33}section.scenario{border-top:2px solid #ddd;margin-top:20px}"
      + ".badge{padding:1px 6px;border-radius:8px;font-size:12px;background:#eee}.badge.pass,.badge.success{background:#d7f5dd;color:#11632a}"
      + ".badge.fail,.badge.failure{background:#fbdcdc;color:#8a1c1c}.badge.skipped{background:#eee;color:#666}"
      + ".badge.cancelled,.badge.interrupted{background:#fde9c8;color:#7a4a00}"
      + ".badge.running{background:#dbe7ff}table.steps{border-collapse:collapse;width:100%}table.steps td,table.steps th{border-bottom:1px solid #eee;"
      + "padding:4px;vertical-align:top;text-align:left}.error{color:#d33}pre{background:#f4f4f4;padding:6px;max-height:300px;overflow:auto}"
      + "table.exchanges td{font-size:12px}figure{margin:12px 0}figcaption{font-size:12px;color:#666}"
      + "table.daa,table.sequence{border-collapse:collapse;font-size:12px}table.daa td,table.daa th,table.sequence td,"
      + "table.sequence th{border-bottom:1px solid #eee;padding:2px 6px;text-align:left}tr.level3 td{background:#fbdcdc}"
      + "tr.level2 td{background:#fdebd3}td.bad{color:#d33;font-weight:600}.profiles{display:flex;flex-wrap:wrap;gap:8px}"
      + "svg.timeline a:hover rect{opacity:.75}tr.step:target td{background:#fff7d6}.note{font-size:12px;color:#666}"
      + ".docs{max-width:900px}.docs table{border-collapse:collapse}.docs td,.docs th{border:1px solid #ddd;padding:2px 6px}";
}
