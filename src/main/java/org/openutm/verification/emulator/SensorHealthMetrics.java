package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-sensor MTTR, automatic recovery time and MTBF over a window, walked from the tracking records as both eras do
 * (master services/surveillance_svc.py _calculate_sensor_health_metrics; Django metric_calculator.py): a failure is
 * degraded or outage; a recovery is the next operational; the status before the window seeds the walk;
 * {@code failure_count} counts completed recoveries; an operational interval counts for the MTBF of the recovery type
 * that ended the failure after it. Averages rounded to 2 decimals; {@code aggregate_health} is null without sensors.
 */
final class SensorHealthMetrics {
  private SensorHealthMetrics() {
  }

  static JsonArray perSensor(Sensors sensors, Instant start, Instant end) {
    JsonArray out = new JsonArray();
    for (JsonObject s : sensors.active()) {
      out.add(one(sensors, s, start, end));
    }
    return out;
  }

  private static JsonObject one(Sensors sensors, JsonObject sensor, Instant start, Instant end) {
    String id = sensor.getString("id");
    long from = start.toEpochMilli();
    long to = end.toEpochMilli();
    String before = sensors.statusBefore(id, from);
    Long failureOnset = null;
    Long operationalStart = null;
    if ("degraded".equals(before) || "outage".equals(before)) {
      failureOnset = from;
    } else if ("operational".equals(before)) {
      operationalStart = from;
    }
    List<Double> recoveries = new ArrayList<>();
    List<Double> autoRecoveries = new ArrayList<>();
    List<Object[]> intervals = new ArrayList<>();
    for (Sensors.Tracking t : sensors.tracking) {
      if (!t.sensorId().equals(id) || t.recordedMillis() < from || t.recordedMillis() > to) {
        continue;
      }
      long at = t.recordedMillis();
      if (t.status().equals("degraded") || t.status().equals("outage")) {
        if (failureOnset == null) {
          if (operationalStart != null) {
            intervals.add(new Object[] {(at - operationalStart) / 1000.0, null});
          }
          failureOnset = at;
          operationalStart = null;
        }
      } else if (t.status().equals("operational")) {
        if (failureOnset != null) {
          double d = (at - failureOnset) / 1000.0;
          recoveries.add(d);
          if ("automatic".equals(t.recoveryType())) {
            autoRecoveries.add(d);
          }
          operationalStart = at;
          failureOnset = null;
          if (!intervals.isEmpty()) {
            intervals.get(intervals.size() - 1)[1] = t.recoveryType();
          }
        } else if (operationalStart == null) {
          operationalStart = at;
        }
      }
    }
    List<Double> autoIntervals = new ArrayList<>();
    List<Double> manualIntervals = new ArrayList<>();
    for (Object[] i : intervals) {
      if ("automatic".equals(i[1])) {
        autoIntervals.add((Double) i[0]);
      } else if ("manual".equals(i[1])) {
        manualIntervals.add((Double) i[0]);
      }
    }
    return new JsonObject().put("sensor_id", id).put("sensor_identifier", sensor.getString("sensor_identifier"))
        .put("mttr_seconds", avg(recoveries)).put("auto_recovery_time_seconds", avg(autoRecoveries))
        .put("mtbf_with_auto_recovery_seconds", avg(autoIntervals))
        .put("mtbf_without_auto_recovery_seconds", avg(manualIntervals))
        .put("failure_count", recoveries.size()).put("auto_recovery_count", autoRecoveries.size())
        .put("manual_recovery_count", recoveries.size() - autoRecoveries.size())
        .put("window_start", start.toString()).put("window_end", end.toString());
  }

  static JsonObject aggregate(JsonArray perSensor, Instant start, Instant end) {
    if (perSensor.isEmpty()) {
      return null;
    }
    return new JsonObject().put("avg_mttr_seconds", avgOf(perSensor, "mttr_seconds"))
        .put("avg_auto_recovery_time_seconds", avgOf(perSensor, "auto_recovery_time_seconds"))
        .put("avg_mtbf_with_auto_recovery_seconds", avgOf(perSensor, "mtbf_with_auto_recovery_seconds"))
        .put("avg_mtbf_without_auto_recovery_seconds", avgOf(perSensor, "mtbf_without_auto_recovery_seconds"))
        .put("total_sensors", perSensor.size()).put("window_start", start.toString()).put("window_end", end.toString());
  }

  private static Double avgOf(JsonArray list, String key) {
    List<Double> values = new ArrayList<>();
    for (Object o : list) {
      if (((JsonObject) o).getValue(key) instanceof Number n) {
        values.add(n.doubleValue());
      }
    }
    return avg(values);
  }

  static Double avg(List<Double> values) {
    return values.isEmpty() ? null : Math.round(values.stream().mapToDouble(Double::doubleValue).sum() / values.size()
        * 100.0) / 100.0;
  }
}
