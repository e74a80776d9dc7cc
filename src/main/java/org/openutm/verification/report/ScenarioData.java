package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The data the Python toolkit keeps of each scenario (its reporting.py {@code _save_scenario_data}): in the report
 * folder, one folder per scenario with {@code flight_declaration.json} (the first declaration),
 * {@code flight_declaration_<i>.json} (each of a bulk setup), {@code telemetry.json}, {@code telemetry_<label>.json}
 * (each Generate Telemetry step), {@code air_traffic.json}, {@code incident_logs.json} and {@code active_alerts.json}
 * (the DAA steps' results), each written only when there is something to write.
 */
final class ScenarioData {
  /** The report.json fields of a scenario result, from a run's report_data. */
  static final String[] FIELDS = {"flight_declaration_data", "flight_declarations_data",
      "flight_declaration_via_operational_intent_data", "telemetry_data", "air_traffic_data"};

  private ScenarioData() {
  }

  /** {@code result} (a report.json scenario entry) with the toolkit's data fields from {@code data}. */
  static JsonObject fields(JsonObject result, JsonObject data) {
    JsonObject d = data == null ? new JsonObject() : data;
    result.putNull("flight_declaration_filename").putNull("telemetry_filename");
    for (String f : FIELDS) {
      result.put(f, d.getValue(f, f.equals("air_traffic_data") ? new JsonArray() : null));
    }
    return result.putNull("visualization_2d_path").putNull("visualization_3d_path");
  }

  static void save(Path reportDir, JsonObject report) throws IOException {
    for (Object o : report.getJsonArray("results", new JsonArray())) {
      JsonObject r = (JsonObject) o;
      Path dir = reportDir.resolve(folder(r.getString("name")));
      JsonArray steps = r.getJsonArray("steps", new JsonArray());
      write(dir, "flight_declaration.json", r.getValue("flight_declaration_data"));
      if (r.getValue("flight_declarations_data") instanceof JsonArray all) {
        for (int i = 0; i < all.size(); i++) {
          write(dir, "flight_declaration_" + i + ".json", all.getValue(i));
        }
      }
      write(dir, "telemetry.json", r.getValue("telemetry_data"));
      int n = 0;
      for (Object s : steps) {
        JsonObject step = (JsonObject) s;
        if ("Generate Telemetry".equals(step.getString("name")) && step.getValue("result") instanceof JsonArray t
            && !t.isEmpty()) {
          write(dir, "telemetry_" + label(step.getString("id", ""), n++) + ".json", t);
        }
      }
      write(dir, "air_traffic.json", r.getValue("air_traffic_data"));
      write(dir, "incident_logs.json", payload(steps, "get_daa_incident_logs", "Get DAA Incident Logs"));
      write(dir, "active_alerts.json", payload(steps, "get_daa_active_alerts", "Get Active DAA Alerts"));
    }
  }

  /** A step's result by id, else by name (the toolkit's extract_step_payload). */
  static Object payload(JsonArray steps, String id, String name) {
    for (Object s : steps) {
      if (id.equals(((JsonObject) s).getString("id"))) {
        return ((JsonObject) s).getValue("result");
      }
    }
    for (Object s : steps) {
      if (name.equals(((JsonObject) s).getString("name"))) {
        return ((JsonObject) s).getValue("result");
      }
    }
    return null;
  }

  /** {@code generate_alpha_telemetry} -> {@code alpha}; else {@code ownship_<n+1>} (the toolkit's label_from_step_id). */
  static String label(String stepId, int index) {
    String stripped = stepId.replace("generate_", "").replace("_telemetry", "");
    String label = !stripped.isEmpty() && !stripped.split("_")[0].isEmpty() && !stripped.equals(stepId)
        ? stripped.replace('_', ' ') : "Ownship " + (index + 1);
    return label.toLowerCase(Locale.ROOT).replace(' ', '_').replaceAll("[^a-z0-9_.-]", "_");
  }

  /** A scenario's folder: its name with anything but letters, digits, '-', '_', '.' replaced (never a path). */
  static String folder(String name) {
    String safe = (name == null || name.isBlank() ? "scenario" : name).replaceAll("[^A-Za-z0-9_.-]", "_");
    return safe.startsWith(".") ? "_" + safe : safe;
  }

  private static void write(Path dir, String file, Object data) throws IOException {
    boolean empty = data == null || data instanceof JsonArray a && a.isEmpty() || data instanceof JsonObject o && o.isEmpty();
    if (empty) {
      return;
    }
    Files.createDirectories(dir);
    String text = data instanceof JsonObject o ? o.encodePrettily() : data instanceof JsonArray a ? a.encodePrettily()
        : io.vertx.core.json.Json.encodePrettily(data);
    org.openutm.verification.core.AtomicFiles.write(dir.resolve(file), text);
  }
}
