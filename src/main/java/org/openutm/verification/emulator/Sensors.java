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
import java.util.function.BiConsumer;
import org.openutm.verification.emulator.Declarations.Refusal;

/** Surveillance sensors, their health changes (notifications), automatic recovery and per-sensor health figures. */
final class Sensors {
  static final Set<String> STATUSES = Set.of("operational", "degraded", "outage");

  private final Map<String, JsonObject> sensors = new LinkedHashMap<>();
  private final Map<String, String> status = new LinkedHashMap<>();
  private final List<JsonObject> notifications = new ArrayList<>();
  private final EmulatorOptions options;
  private final String createdAt = Instant.now().toString();

  Sensors(EmulatorOptions options) {
    this.options = options;
    reset();
  }

  void reset() {
    sensors.clear();
    status.clear();
    notifications.clear();
    for (Object o : options.sensors()) {
      JsonObject s = ((JsonObject) o).copy();
      sensors.put(s.getString("id"), s);
      status.put(s.getString("id"), "operational");
    }
  }

  JsonObject list() {
    JsonArray active = new JsonArray();
    sensors.values().forEach(s -> active.add(new JsonObject().put("id", s.getString("id"))
        .put("sensor_type_display", s.getString("sensor_type_display")).put("sensor_identifier", s.getString("sensor_identifier"))
        .put("status", status.get(s.getString("id"))).put("created_at", createdAt).put("updated_at", createdAt)));
    return new JsonObject().put("active_sensors", active);
  }

  /**
   * Sets a sensor's health; an outage with {@code recovery_type: automatic} recovers by itself after
   * {@code emulator.auto_recovery_seconds} (through {@code schedule}).
   */
  JsonObject update(String sensorId, JsonObject body, BiConsumer<Long, Runnable> schedule) {
    String id = sensorId.replace("-", "");
    JsonObject sensor = sensors.get(sensorId) != null ? sensors.get(sensorId) : sensors.get(id);
    if (sensor == null) {
      throw new Refusal(404, new JsonObject().put("error", "Sensor " + sensorId + " not found"));
    }
    Object s = body.getValue("status");
    if (!(s instanceof String newStatus) || !STATUSES.contains(newStatus)) {
      throw new Refusal(400, new JsonObject().put("error", "status must be one of " + STATUSES));
    }
    Object r = body.getValue("recovery_type");
    if (r != null && !"automatic".equals(r) && !"manual".equals(r)) {
      throw new Refusal(400, new JsonObject().put("error", "recovery_type must be automatic or manual"));
    }
    String recovery = r == null ? "manual" : (String) r;
    String key = sensor.getString("id");
    change(key, newStatus, recovery, "Sensor " + sensor.getString("sensor_identifier") + " reported " + newStatus);
    if ("outage".equals(newStatus) && "automatic".equals(recovery)) {
      schedule.accept((long) (options.autoRecoverySeconds() * 1000), () -> {
        if ("outage".equals(status.get(key))) {
          change(key, "operational", "automatic", "Sensor " + sensor.getString("sensor_identifier") + " recovered automatically");
        }
      });
    }
    return new JsonObject().put("status", "Sensor health updated").put("sensor_id", key).put("new_status", newStatus);
  }

  private void change(String id, String to, String recovery, String message) {
    String from = status.put(id, to);
    notifications.add(new JsonObject().put("id", UUID.randomUUID().toString()).put("sensor_id", id)
        .put("sensor_identifier", sensors.get(id).getString("sensor_identifier")).put("previous_status", from)
        .put("new_status", to).put("recovery_type", recovery).put("message", message)
        .put("created_at", Instant.now().toString()));
  }

  JsonObject notifications(String sensorId, Instant from, Instant to) {
    JsonArray out = new JsonArray();
    for (JsonObject n : notifications) {
      Instant at = Instant.parse(n.getString("created_at"));
      if (sensorId != null && !sensorId.replace("-", "").equals(n.getString("sensor_id"))) {
        continue;
      }
      if (from != null && at.isBefore(from) || to != null && at.isAfter(to)) {
        continue;
      }
      out.add(n);
    }
    return new JsonObject().put("notifications", out);
  }

  /** Per-sensor MTTR / MTBF from the notifications inside the window. */
  JsonArray health(Instant start, Instant end) {
    JsonArray out = new JsonArray();
    double windowSeconds = Math.max(1e-3, (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
    for (JsonObject s : sensors.values()) {
      String id = s.getString("id");
      int failures = 0;
      int auto = 0;
      int manual = 0;
      double repairTotal = 0;
      double autoTotal = 0;
      Instant down = null;
      for (JsonObject n : notifications) {
        Instant at = Instant.parse(n.getString("created_at"));
        if (!id.equals(n.getString("sensor_id")) || at.isBefore(start) || at.isAfter(end)) {
          continue;
        }
        if ("outage".equals(n.getString("new_status"))) {
          failures++;
          down = at;
        } else if ("operational".equals(n.getString("new_status")) && down != null) {
          double repair = (at.toEpochMilli() - down.toEpochMilli()) / 1000.0;
          repairTotal += repair;
          if ("automatic".equals(n.getString("recovery_type"))) {
            auto++;
            autoTotal += repair;
          } else {
            manual++;
          }
          down = null;
        }
      }
      int repairs = auto + manual;
      out.add(new JsonObject().put("sensor_id", id).put("sensor_identifier", s.getString("sensor_identifier"))
          .put("mttr_seconds", repairs == 0 ? null : repairTotal / repairs)
          .put("auto_recovery_time_seconds", auto == 0 ? null : autoTotal / auto)
          .put("mtbf_with_auto_recovery_seconds", failures == 0 ? null : windowSeconds / failures)
          .put("mtbf_without_auto_recovery_seconds", failures - auto <= 0 ? null : windowSeconds / (failures - auto))
          .put("failure_count", failures).put("auto_recovery_count", auto).put("manual_recovery_count", manual)
          .put("window_start", start.toString()).put("window_end", end.toString()));
    }
    return out;
  }
}
