package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * Surveillance sensors as both eras keep them (master: repositories/surveillance_repo.py and
 * services/surveillance_svc.py; Django: common/database_operations.py and surveillance_monitoring_operations/): the
 * sensors the deployment was seeded with ({@code emulator.sensors}; no API creates one), each sensor's health record
 * (absent until its first update), the tracking records and the notifications each change writes. Nothing changes a
 * status by itself; the same status again changes nothing.
 */
final class Sensors {
  static final Set<String> STATUSES = Set.of("operational", "degraded", "outage");
  /** schemas/surveillance.py FLIGHT_OBSERVATION_TRAFFIC_SOURCE. */
  static final String[] TRAFFIC_SOURCES = {"1090ES", "UAT", "Multi-radar (MRT)", "MLAT", "SSR", "PSR", "Mode-S", "MRT",
      "SSR + PSR Fused", "ADS-B", "FLARM", "Network Remote-ID", "Other", "Broadcast Remote-ID", "ADS-L",
      "Drone sensed by another means"};

  /** A health tracking record (the audit trail the MTTR/MTBF figures are computed from). */
  record Tracking(String sensorId, String status, String recoveryType, long recordedMillis) {
  }

  private final Map<String, JsonObject> sensors = new LinkedHashMap<>();
  private final Map<String, String> health = new LinkedHashMap<>();
  final List<Tracking> tracking = new ArrayList<>();
  private final List<JsonObject> notifications = new ArrayList<>();
  private final EmulatorOptions options;
  private String createdAt;

  Sensors(EmulatorOptions options) {
    this.options = options;
    reset();
  }

  void reset() {
    sensors.clear();
    health.clear();
    tracking.clear();
    notifications.clear();
    createdAt = SimClock.now().toString();
    for (Object o : options.sensors()) {
      JsonObject s = ((JsonObject) o).copy();
      String id = Uuids.canonical(s.getString("id"));
      sensors.put(id == null ? s.getString("id") : id, s.put("id", id == null ? s.getString("id") : id));
    }
  }

  Iterable<JsonObject> active() {
    return sensors.values();
  }

  static String typeDisplay(JsonObject s) {
    int t = s.getInteger("sensor_type", 12);
    return t >= 0 && t < TRAFFIC_SOURCES.length ? TRAFFIC_SOURCES[t] : String.valueOf(t);
  }

  JsonObject list() {
    JsonArray active = new JsonArray();
    sensors.values().forEach(s -> active.add(new JsonObject().put("id", s.getString("id"))
        .put("sensor_type_display", typeDisplay(s)).put("sensor_identifier", s.getString("sensor_identifier"))
        .put("created_at", createdAt).put("updated_at", createdAt)));
    return new JsonObject().put("active_sensors", active);
  }

  /** GET health/: outage with no health record or all in outage, degraded if any is, else operational. */
  JsonObject healthMessage() {
    List<String> statuses = new ArrayList<>();
    sensors.keySet().forEach(id -> {
      if (health.containsKey(id)) {
        statuses.add(health.get(id));
      }
    });
    String current = statuses.isEmpty() || statuses.stream().allMatch("outage"::equals) ? "outage"
        : statuses.stream().anyMatch(s -> s.equals("degraded") || s.equals("outage")) ? "degraded" : "operational";
    return new JsonObject().put("sdsp_identifier", "FLIGHT_BLENDER_SDSP").put("current_status", current)
        .put("machine_readable_file_of_estimated_coverage", "").put("scheduled_degradations", "None")
        .put("timestamp", SimClock.now().toString());
  }

  /** The first active sensor's expected latency and horizontal accuracy, or 0, 0 (the heartbeat's figures). */
  int[] primaryFigures() {
    for (JsonObject s : sensors.values()) {
      return new int[] {s.getInteger("expected_latency_ms", 150), (int) Math.floor(s.getDouble("horizontal_accuracy_m", 5.0))};
    }
    return new int[] {0, 0};
  }

  /** PUT update_sensor_health/{id}: status checked, then recovery_type, then the sensor's existence. */
  JsonObject update(String rawId, JsonObject body) {
    String id = Uuids.path(rawId, "sensor_id", options.fastapi());
    Object s = body.getValue("status");
    Object r = body.getValue("recovery_type");
    if (options.fastapi() && !(s instanceof String)) {
      throw new Refusal(422, Uuids.validation("body", "status", s, s == null ? "missing" : "string_type",
          s == null ? "Field required" : "Input should be a valid string"));
    }
    if (options.fastapi() && r != null && !(r instanceof String)) {
      throw new Refusal(422, Uuids.validation("body", "recovery_type", r, "string_type", "Input should be a valid string"));
    }
    if (!(s instanceof String status) || !STATUSES.contains(status)) {
      throw new Refusal(400, new JsonObject().put("error", "Invalid status. Must be one of: degraded, operational, outage"));
    }
    if (r != null && !"automatic".equals(r) && !"manual".equals(r)) {
      throw new Refusal(400, new JsonObject().put("error", "Invalid recovery_type. Must be 'automatic', 'manual', or omitted."));
    }
    JsonObject sensor = sensors.get(id);
    if (sensor == null) {
      throw new Refusal(404, new JsonObject().put("error", "Sensor " + id + " not found or update failed"));
    }
    String previous = health.containsKey(id) ? health.get(id) : status;
    if (!health.containsKey(id) || !previous.equals(status)) {
      health.put(id, status);
      tracking.add(new Tracking(id, status, (String) r, SimClock.millis()));
      String name = sensor.getString("sensor_identifier");
      String message = status.equals("operational")
          ? "Sensor '" + name + "' recovered to " + status + " (was " + previous + ")" + (r == null ? "" : " [" + r + " recovery]")
          : "Sensor '" + name + "' entered " + status + " state (was " + previous + ")";
      notifications.add(new JsonObject().put("id", UUID.randomUUID().toString()).put("sensor_id", id)
          .put("sensor_identifier", name).put("previous_status", previous).put("new_status", status)
          .put("recovery_type", r).put("message", message).put("created_at", SimClock.now().toString()));
    }
    return new JsonObject().put("status", "Sensor health updated").put("sensor_id", id).put("new_status", status);
  }

  /** GET list_sensor_health_notifications: newest first, within [start, end], of one sensor or all. */
  JsonObject notifications(String sensorId, Instant start, Instant end) {
    String only = null;
    if (sensorId != null && !sensorId.isEmpty()) {
      only = Uuids.canonical(sensorId);
      if (only == null) {
        throw Refusal.serverError("sensor_id becomes a UUID unguarded (uuid.UUID / a UUIDField filter)");
      }
    }
    JsonArray out = new JsonArray();
    for (int i = notifications.size() - 1; i >= 0; i--) {
      JsonObject n = notifications.get(i);
      Instant at = Instant.parse(n.getString("created_at"));
      if ((only == null || only.equals(n.getString("sensor_id"))) && !at.isBefore(start) && !at.isAfter(end)) {
        out.add(n);
      }
    }
    return new JsonObject().put("notifications", out);
  }

  /** The status a sensor had before {@code millis} (its last tracking record), or null. */
  String statusBefore(String sensorId, long millis) {
    String s = null;
    for (Tracking t : tracking) {
      if (t.sensorId().equals(sensorId) && t.recordedMillis() < millis) {
        s = t.status();
      }
    }
    return s;
  }
}
