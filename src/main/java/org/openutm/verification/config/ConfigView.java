package org.openutm.verification.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The config as {@code GET /api/config} shows it, in the Python toolkit's shape: every section at the top level
 * ({@code version, run_id, config_path, flight_blender, opensky, amqp, data_files, air_traffic_simulator_settings,
 * reporting}, then this service's own sections), secrets masked, and each key the toolkit's models give a default
 * filled with that default where the file leaves it out (its settings screen reads them all, e.g.
 * {@code reporting.allure.enabled}). The toolkit's defaults follow its {@code core/execution/config_models.py}.
 * A filled default sent back is no change ({@link ConfigDiff}), so a round trip never writes it into the file.
 */
public final class ConfigView {
  private ConfigView() {
  }

  /** The toolkit's AuthConfig: one shape for Flight Blender's and OpenSky's auth. */
  private static JsonObject auth() {
    return new JsonObject().put("type", "none").put("client_id", "").put("client_secret", "").put("audience", "")
        .put("scopes", new JsonArray()).put("token_endpoint", "").put("passport_base_url", "");
  }

  private static JsonObject dataFiles() {
    return new JsonObject().putNull("trajectory").putNull("simulation").putNull("flight_declaration")
        .putNull("geo_fence").putNull("flight_declaration_via_operational_intent");
  }

  /** The toolkit's defaults of the sections its models always have. */
  private static JsonObject always() {
    return new JsonObject().put("version", "1.0").put("run_id", "daily-conformance-check")
        .put("scenario_docs", "warn")
        .put("flight_blender", new JsonObject().put("url", "").put("auth", auth()))
        .put("opensky", new JsonObject().put("auth", auth()))
        .putNull("air_traffic_simulator_settings")
        .putNull("amqp")
        .put("data_files", dataFiles())
        .put("reporting", new JsonObject().put("output_dir", "reports")
            .put("formats", new JsonArray().add("json").add("html").add("log"))
            .put("deployment_details", new JsonObject().put("name", "Unknown").put("version", "Unknown").put("notes", ""))
            .put("allure", new JsonObject().put("enabled", false).put("capture_http", false)
                .put("results_dir", "allure-results")));
  }

  /** Defaults of the optional sections, filled only when the section is there. */
  private static JsonObject whenPresent() {
    return new JsonObject()
        .put("amqp", new JsonObject().put("url", "").put("exchange_name", "operational_events")
            .put("exchange_type", "direct").put("routing_key", "#").put("queue_name", ""))
        .put("air_traffic_simulator_settings", new JsonObject().put("single_or_multiple_sensors", "single")
            .put("sensor_ids", new JsonArray()).put("session_ids", new JsonArray()));
  }

  /** What GET /api/config answers for {@code cfg}. */
  public static JsonObject shown(AppConfig cfg) {
    JsonObject out = withDefaults(cfg.masked());
    JsonObject ordered = new JsonObject().put("version", out.getValue("version")).put("run_id", out.getValue("run_id"))
        .put("config_path", String.valueOf(cfg.path()));
    out.forEach(e -> {
      if (!ordered.containsKey(e.getKey())) {
        ordered.put(e.getKey(), e.getValue());
      }
    });
    return ordered;
  }

  /** {@code json} (not changed) with every toolkit default it lacks. */
  static JsonObject withDefaults(JsonObject json) {
    JsonObject out = json.copy();
    fill(out, always());
    JsonObject optional = whenPresent();
    for (String section : optional.fieldNames()) {
      if (out.getValue(section) instanceof JsonObject present) {
        fill(present, optional.getJsonObject(section));
      }
    }
    return out;
  }

  private static void fill(JsonObject target, JsonObject defaults) {
    for (String k : defaults.fieldNames()) {
      Object d = defaults.getValue(k);
      if (!target.containsKey(k)) {
        target.put(k, d instanceof JsonObject o ? o.copy() : d instanceof JsonArray a ? a.copy() : d);
      } else if (d instanceof JsonObject o && target.getValue(k) instanceof JsonObject t) {
        fill(t, o);
      }
    }
  }
}
