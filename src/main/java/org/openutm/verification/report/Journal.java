package org.openutm.verification.report;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report folder's {@code journal.jsonl} says, line by line, and the report.json it makes. One JSON object a
 * line, {@code t} its kind:
 * <ul>
 *   <li>{@code header}: {@code report} (run id, tool version, Flight Blender URL, deployment, config file, masked config)
 *   and {@code formats};</li>
 *   <li>{@code scenario}: a scenario starts ({@code info}: scenario, suite_name, docs); later lines belong to it;</li>
 *   <li>{@code run}: its run id; {@code step}: a step record ({@code result}: the StepResult as the run recorded it;
 *   the latest record of an id wins, in first-seen order, as in a run's results);</li>
 *   <li>{@code scenario_end}: the run's summary without its results (which are the step lines);</li>
 *   <li>{@code end}: every file of the report was written; {@code interrupted}: the process had ended before the run
 *   did, and the report was rebuilt from this journal.</li>
 * </ul>
 * A live run and a rebuild make report.json with this same class, so the two cannot disagree. A line that does not
 * parse (the last one of a killed process may be cut) is passed over.
 */
final class Journal {
  static final String FILE = "journal.jsonl";

  private JsonObject header = new JsonObject();
  private List<String> formats = List.of("json", "html", "junit", "log");
  private final List<Scenario> scenarios = new ArrayList<>();
  private String closedBy;
  private int unreadable;

  private static final class Scenario {
    final JsonObject info;
    final Map<String, JsonObject> steps = new LinkedHashMap<>();
    JsonObject summary;

    Scenario(JsonObject info) {
      this.info = info;
    }
  }

  /** The journal of {@code dir}, read whole. */
  static Journal read(Path dir) throws IOException {
    Journal j = new Journal();
    for (String line : Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      j.apply(line);
    }
    return j;
  }

  /** Applies one line; false (and counted) when it does not parse. */
  boolean apply(String line) {
    if (line.isBlank()) {
      return true;
    }
    try {
      apply(new JsonObject(line));
      return true;
    } catch (DecodeException | ClassCastException e) {
      unreadable++;
      return false;
    }
  }

  void apply(JsonObject line) {
    String t = line.getString("t", "");
    switch (t) {
      case "header" -> {
        header = line.getJsonObject("report", new JsonObject());
        JsonArray f = line.getJsonArray("formats");
        if (f != null) {
          formats = f.stream().map(String::valueOf).toList();
        }
      }
      case "scenario" -> scenarios.add(new Scenario(line.getJsonObject("info", new JsonObject()).copy()));
      case "run" -> current().info.put("run_id", line.getString("run_id"));
      case "step" -> step(line.getJsonObject("result"));
      case "scenario_end" -> current().summary = line.getJsonObject("summary");
      case "end", "interrupted" -> closedBy = t;
      default -> unreadable++;
    }
  }

  /** A step record (the latest of an id wins, in first-seen order). */
  void step(JsonObject r) {
    String id = r.getString("id") != null ? r.getString("id") : r.getString("name");
    Map<String, JsonObject> steps = current().steps;
    steps.put(id == null ? "#" + steps.size() : id, r);
  }

  private Scenario current() {
    if (scenarios.isEmpty()) {
      scenarios.add(new Scenario(new JsonObject().put("scenario", "unnamed")));
    }
    return scenarios.get(scenarios.size() - 1);
  }

  /** Whether the run ended: its report was written in full ({@code end}), or rebuilt after it was cut short. */
  boolean closed() {
    return closedBy != null;
  }

  boolean completed() {
    return "end".equals(closedBy);
  }

  List<String> formats() {
    return formats;
  }

  int unreadable() {
    return unreadable;
  }

  /** How many step lines of the scenario that runs now (or ran last) finished. */
  int stepsOfLast() {
    return scenarios.isEmpty() ? 0 : (int) finished(scenarios.get(scenarios.size() - 1)).size();
  }

  /**
   * report.json: every scenario that ended as its run summary said, the one cut short as {@code run_status:
   * interrupted} with each step that had finished; the report's {@code run_status} is {@code completed} only when
   * the run had ended, and an interrupted report's overall_status is failure.
   */
  JsonObject report() {
    List<JsonObject> runs = new ArrayList<>();
    for (Scenario s : scenarios) {
      runs.add(s.summary != null ? ended(s) : interrupted(s));
    }
    boolean complete = completed();
    JsonObject report = Reports.report(header, runs).put("run_status", complete ? Reports.COMPLETED : Reports.INTERRUPTED);
    if (!complete) {
      report.put("overall_status", "failure");
    }
    return report;
  }

  private static JsonObject ended(Scenario s) {
    JsonObject run = s.summary.copy();
    for (String k : List.of("scenario", "suite_name", "docs")) {
      if (run.getValue(k) == null && s.info.getValue(k) != null) {
        run.put(k, s.info.getValue(k));
      }
    }
    return run.put("results", new JsonArray(new ArrayList<>(s.steps.values())));
  }

  private static List<JsonObject> finished(Scenario s) {
    return s.steps.values().stream().filter(r -> !"running".equals(r.getString("status"))).toList();
  }

  private static JsonObject interrupted(Scenario s) {
    List<JsonObject> done = finished(s);
    List<String> running = s.steps.entrySet().stream().filter(e -> "running".equals(e.getValue().getString("status")))
        .map(Map.Entry::getKey).toList();
    String start = s.info.getString("start_time");
    String end = start;
    for (JsonObject r : done) {
      String f = r.getString("finished_at");
      if (f != null && (end == null || f.compareTo(end) > 0)) {
        end = f;
      }
    }
    double seconds = 0;
    try {
      seconds = start == null || end == null ? 0 : Duration.between(Instant.parse(start), Instant.parse(end)).toMillis() / 1000.0;
    } catch (java.time.format.DateTimeParseException e) {
      seconds = 0;
    }
    return s.info.copy().put("status", Reports.INTERRUPTED).put("start_time", start).put("end_time", end)
        .put("duration", seconds).put("wall_duration", seconds).put("steps", done.size())
        .put("error", "interrupted: the process ended before the scenario did, after " + done.size() + " finished step(s)"
            + (running.isEmpty() ? "" : "; still running: " + String.join(", ", running)))
        .put("results", new JsonArray(new ArrayList<>(done)));
  }

  /** A line of the journal. */
  static String line(String kind, String field, Object value) {
    JsonObject j = new JsonObject().put("t", kind);
    if (field != null) {
      j.put(field, value);
    }
    return j.encode();
  }
}
