package org.openutm.verification.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openutm.verification.core.yaml.Pos;
import org.openutm.verification.core.yaml.YNode;

/**
 * The typed model of {@code config.yaml}: every section and key the service reads, with its type. Checking a document
 * (the file, with line numbers, or a PUT body) lists every unknown key and wrong type by its key path.
 * The Python toolkit's keys are all here, so its config files load unchanged.
 */
public final class ConfigSchema {
  /** One problem: the key path (e.g. {@code amqp.url}), the line and column in the file (0 when not from a file). */
  public record Problem(String path, int line, int column, String message) {
    public JsonObject json() {
      JsonObject j = new JsonObject().put("path", path).put("message", message);
      if (line > 0) {
        j.put("line", line).put("column", column);
      }
      return j;
    }

    @Override
    public String toString() {
      return (line > 0 ? "line " + line + ": " : "") + path + ": " + message;
    }
  }

  /** A type: a scalar kind, a list of something, a map with known keys, or a map of any keys to one type. */
  public static final class Spec {
    final String kind;
    final Set<String> values;
    final Map<String, Spec> keys;
    final Spec element;

    private Spec(String kind, Set<String> values, Map<String, Spec> keys, Spec element) {
      this.kind = kind;
      this.values = values;
      this.keys = keys;
      this.element = element;
    }
  }

  static Spec str() {
    return new Spec("string", null, null, null);
  }

  static Spec integer() {
    return new Spec("integer", null, null, null);
  }

  static Spec number() {
    return new Spec("number", null, null, null);
  }

  /** An integer above 0 (counts, sizes, periods: 0 or less would stop or break what reads it). */
  static Spec positiveInt() {
    return new Spec("positive integer", null, null, null);
  }

  /** A polling time in microseconds, 0 (none) to 10,000: more would hold a CPU for nothing when a pool is idle. */
  static Spec micros() {
    return new Spec("polling time in microseconds (0-10000)", null, null, null);
  }

  /** A TCP port, 0-65535 (0: a free one). */
  static Spec port() {
    return new Spec("port (0-65535)", null, null, null);
  }

  /** A number above 0. */
  static Spec positive() {
    return new Spec("positive number", null, null, null);
  }

  /** A clock speed: a number from 1 (the wall clock) to 1000. */
  static Spec speed() {
    return new Spec("clock speed (a number from 1 to 1000)", null, null, null);
  }

  static Spec bool() {
    return new Spec("boolean", null, null, null);
  }

  static Spec oneOf(String... values) {
    return new Spec("enum", Set.of(values), null, null);
  }

  static Spec listOf(Spec element) {
    return new Spec("list", null, null, element);
  }

  static Spec mapOf(Spec element) {
    return new Spec("map", null, null, element);
  }

  /** A free-form value (object, list or scalar): sections read by code that checks them itself. */
  static Spec any() {
    return new Spec("any", null, null, null);
  }

  static Spec obj(Object... keyAndSpec) {
    Map<String, Spec> keys = new LinkedHashMap<>();
    for (int i = 0; i < keyAndSpec.length; i += 2) {
      keys.put((String) keyAndSpec[i], (Spec) keyAndSpec[i + 1]);
    }
    return new Spec("object", null, keys, null);
  }

  static final Spec DATA_FILES = obj("trajectory", str(), "simulation", str(), "flight_declaration", str(),
      "flight_declaration_via_operational_intent", str(), "geo_fence", str());

  /** A suite's scenario entry: its name and any data_files override. */
  static final Spec SUITE_SCENARIO = obj("name", str(), "trajectory", str(), "simulation", str(),
      "flight_declaration", str(), "flight_declaration_via_operational_intent", str(), "geo_fence", str());

  public static final Spec ROOT = obj(
      "version", str(),
      "run_id", str(),
      "scenario_docs", oneOf("warn", "required", "ignore"),
      "flight_blender", obj("url", str(), "timeout_seconds", positive(), "emulated", bool(), "websocket_token", bool(),
          "auth", obj("type", oneOf("none", "passport", "oauth2"), "client_id", str(), "client_secret", str(),
              "audience", str(), "scopes", listOf(str()), "token_endpoint", str(), "passport_base_url", str())),
      "opensky", obj("url", str(), "auth", obj("type", oneOf("none", "passport", "oauth2"), "client_id", str(),
          "client_secret", str(), "token_url", str(), "audience", str(), "scopes", listOf(str()),
          "token_endpoint", str(), "passport_base_url", str())),
      "air_traffic_simulator_settings", obj("number_of_aircraft", integer(), "simulation_duration", number(),
          "single_or_multiple_sensors", oneOf("single", "multiple"), "sensor_ids", listOf(str()),
          "session_ids", listOf(str())),
      "amqp", obj("url", str(), "exchange_name", str(), "exchange_type", oneOf("topic", "direct", "fanout", "headers"),
          "routing_key", str(), "queue_name", str()),
      "data_files", DATA_FILES,
      "data_search_paths", listOf(str()),
      "suites", mapOf(obj("scenarios", listOf(SUITE_SCENARIO), "description", str())),
      "reporting", obj("output_dir", str(), "formats", listOf(oneOf("json", "html", "junit", "log")), "keep", integer(),
          "map_tiles", str(),
          "allure", obj("enabled", bool(), "capture_http", bool(), "results_dir", str()), "deployment_details", obj("name", str(), "version", str(), "notes", str())),
      "logging", obj("level", oneOf("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "trace", "debug", "info",
          "warn", "warning", "error")),
      "http", obj("host", str(), "port", port(), "instances", positiveInt(), "body_limit_bytes", positiveInt(),
          "auth_token", str(), "enabled", bool(), "allowed_origins", listOf(str()), "allowed_hosts", listOf(str()), "web_editor_path", str(),
          "max_sse_streams", positiveInt()),
      "clock", obj("speed", speed()),
      "session", obj("ttl_seconds", positiveInt(), "sweep_seconds", positive(), "max_sessions", positiveInt(),
          "max_tasks_per_session", positiveInt(), "max_request_seconds", positiveInt()),
      "workers", obj("instances", positiveInt(), "threading", oneOf("worker", "event-loop"), "spin_micros", micros()),
      "scenarios", obj("dir", str(), "docs_dir", str(), "max_steps", positiveInt()),
      "bridge", obj("sockjs", bool(), "tcp_port", integer(), "max_message_bytes", positiveInt(),
          "max_handlers_per_socket", positiveInt()),
      "cluster", obj("enabled", bool(), "members", listOf(str()), "port", port(), "name", str(), "host", str(),
          "heartbeat_seconds", positiveInt(), "failure_seconds", positiveInt(), "config_file", str()),
      "emulator", obj("enabled", bool(), "host", str(), "port", port(),
          "mode", oneOf("django", "fastapi", "Django", "FastAPI"), "auth", bool(),
          "max_declarations", positiveInt(), "max_telemetry_per_declaration", positiveInt(),
          "max_aircraft_per_session", positiveInt(), "max_geofences", positiveInt(),
          "sensors", listOf(obj("id", str(), "sensor_type", integer(), "sensor_identifier", str(),
              "horizontal_accuracy_m", number(), "vertical_accuracy_m", number(), "expected_latency_ms", integer(),
              "refresh_rate_seconds", positive())),
          "conformance_monitoring", bool(), "heartbeat_rate_seconds", positiveInt(),
          "conformance_state_changes", bool(), "tick_drift_millis", integer(),
          "quirks", obj("track_lng_negated_alt_mm", bool()), "body_limit_bytes", positiveInt(),
          "tick_millis", positiveInt(),
          "daa", obj("enabled", bool(), "tick_millis", positiveInt(), "preventive_seconds", positive(), "corrective_seconds", positive(),
              "warning_seconds", positive(), "proximity_factor", positive(), "calm_ticks", positiveInt(),
              "velocity_window_seconds", positive(), "coast_after_millis", positiveInt(),
              "drop_after_millis", positiveInt(), "consider_range_m", positive(), "max_logs", positiveInt())));

  /**
   * Keys that once existed and no longer match a real behaviour: a load error naming what replaces them (an unknown
   * key alone would not say why).
   */
  static final Map<String, String> REMOVED = Map.of(
      "emulator.auto_recovery_seconds", "removed: no Flight Blender era recovers a sensor by itself, and neither does "
          + "the emulator now; recover a sensor with PUT update_sensor_health {status: operational, recovery_type}",
      "emulator.conformance_margin_degrees", "removed: replaced by emulator.conformance_monitoring (true/false; the "
          + "Django era's periodic checks, default true in mode django; master has no conformance monitor)",
      "emulator.sensors[].sensor_type_display", "removed: sensor_type (an integer, 0-15, as Flight Blender stores it; "
          + "9 is ADS-B, 5 PSR) gives the display name");

  private ConfigSchema() {
  }

  /** Every problem of {@code doc} against {@code spec}, in document order. */
  public static List<Problem> check(YNode doc, Spec spec) {
    List<Problem> out = new ArrayList<>();
    walk(doc, spec, "", out);
    return out;
  }

  private static void walk(YNode n, Spec spec, String path, List<Problem> out) {
    if (n == null || spec.kind.equals("any") || n.scalar() == null && !n.isMap() && !n.isList()) {
      return; // null: "not set", the default applies
    }
    switch (spec.kind) {
      case "object" -> {
        if (!n.isMap()) {
          out.add(problem(n.pos(), path, "must be a mapping of " + spec.keys.keySet()));
          return;
        }
        for (var e : n.map().entrySet()) {
          String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
          Spec s = spec.keys.get(e.getKey());
          String removed = REMOVED.get(p.replaceAll("\\[\\d+\\]", "[]"));
          if (s == null && removed != null) {
            out.add(problem(n.keyPos(e.getKey()), p, removed));
          } else if (s == null) {
            out.add(problem(n.keyPos(e.getKey()), p, "unknown key (known here: " + String.join(", ", spec.keys.keySet()) + ")"));
          } else {
            walk(e.getValue(), s, p, out);
          }
        }
      }
      case "map" -> {
        if (!n.isMap()) {
          out.add(problem(n.pos(), path, "must be a mapping of names"));
          return;
        }
        n.map().forEach((k, v) -> walk(v, spec.element, path + "." + k, out));
      }
      case "list" -> {
        if (!n.isList()) {
          out.add(problem(n.pos(), path, "must be a list"));
          return;
        }
        for (int i = 0; i < n.list().size(); i++) {
          walk(n.list().get(i), spec.element, path + "[" + i + "]", out);
        }
      }
      default -> scalar(n, spec, path, out);
    }
  }

  /** A whole number from {@code min} to {@code max}. */
  private static boolean whole(Object v, double min, double max) {
    return v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue()) && num.doubleValue() >= min
        && num.doubleValue() <= max;
  }

  private static void scalar(YNode n, Spec spec, String path, List<Problem> out) {
    Object v = n.isMap() || n.isList() ? null : n.scalar();
    boolean ok = switch (spec.kind) {
      case "string" -> v instanceof String || v instanceof Number || v instanceof Boolean;
      case "integer" -> whole(v, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
      case "number" -> v instanceof Number;
      case "positive integer" -> whole(v, 1, Double.POSITIVE_INFINITY);
      case "positive number" -> v instanceof Number num && num.doubleValue() > 0;
      case "clock speed (a number from 1 to 1000)" -> v instanceof Number num && num.doubleValue() >= 1
          && num.doubleValue() <= 1000;
      case "polling time in microseconds (0-10000)" -> whole(v, 0, 10_000);
      case "port (0-65535)" -> whole(v, 0, 65_535);
      case "boolean" -> v instanceof Boolean;
      case "enum" -> v != null && spec.values.contains(String.valueOf(v));
      default -> true;
    };
    if (!ok) {
      String expected = spec.kind.equals("enum") ? "one of " + new java.util.TreeSet<>(spec.values)
          : (spec.kind.equals("integer") ? "an " : "a ") + spec.kind;
      out.add(problem(n.pos(), path, "must be " + expected + ", got " + describe(n)));
    }
  }

  private static String describe(YNode n) {
    if (n.isMap()) {
      return "a mapping";
    }
    if (n.isList()) {
      return "a list";
    }
    Object v = n.scalar();
    String text = String.valueOf(v);
    return (v instanceof String ? "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'" : text);
  }

  private static Problem problem(Pos pos, String path, String message) {
    return new Problem(path, pos == null ? 0 : pos.line(), pos == null ? 0 : pos.column(), message);
  }
}
