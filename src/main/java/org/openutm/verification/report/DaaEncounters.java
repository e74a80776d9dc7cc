package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DAA encounters found in a scenario's step results (any result that is a list of F3442 incident logs): per alert
 * its ownship, intruder, highest level, closest range, first CPA time and events, and where the closest approach
 * happened when the logs carry positions (the emulator's do; a real server's may not).
 */
final class DaaEncounters {
  /** One alert as the logs tell it. */
  static final class Encounter {
    final String alertId;
    String ownship;
    String intruder;
    int maxLevel = -1;
    double minRange = Double.MAX_VALUE;
    Double firstCpa;
    int events;
    boolean resolved;
    double[] ownAtClosest;
    double[] intruderAtClosest;

    Encounter(String alertId) {
      this.alertId = alertId;
    }
  }

  final Map<String, Encounter> byAlert = new LinkedHashMap<>();

  static DaaEncounters of(JsonArray steps) {
    DaaEncounters d = new DaaEncounters();
    for (Object o : steps) {
      if (o instanceof JsonObject step && step.getValue("result") instanceof JsonArray logs) {
        for (Object l : logs) {
          if (l instanceof JsonObject log && log.getValue("event_type") instanceof String && log.containsKey("alert_level")) {
            d.add(log);
          }
        }
      }
    }
    return d;
  }

  private void add(JsonObject log) {
    String id = String.valueOf(log.getValue("alert_id", log.getValue("intruder_icao")));
    Encounter e = byAlert.computeIfAbsent(id, Encounter::new);
    e.events++;
    e.ownship = log.getValue("ownship_operation") == null ? e.ownship : String.valueOf(log.getValue("ownship_operation"));
    e.intruder = String.valueOf(log.getValue("intruder_icao"));
    if (log.getValue("alert_level") instanceof Number n) {
      e.maxLevel = Math.max(e.maxLevel, n.intValue());
    }
    e.resolved |= "alert_resolved".equals(log.getValue("event_type"));
    if (e.firstCpa == null && log.getValue("cpa_time_seconds") instanceof Number c) {
      e.firstCpa = c.doubleValue();
    }
    if (log.getValue("range_m") instanceof Number r && r.doubleValue() < e.minRange) {
      e.minRange = r.doubleValue();
      double[] own = point(log.getValue("ownship_position"));
      double[] intr = point(log.getValue("intruder_position"));
      if (own != null && intr != null) {
        e.ownAtClosest = own;
        e.intruderAtClosest = intr;
      }
    }
  }

  /** [lon, lat] of a {lat, lng} object, or null. */
  private static double[] point(Object v) {
    return v instanceof JsonObject p && p.getValue("lat") instanceof Number lat && p.getValue("lng") instanceof Number lng
        ? new double[] {lng.doubleValue(), lat.doubleValue()} : null;
  }

  boolean isEmpty() {
    return byAlert.isEmpty();
  }

  String table() {
    StringBuilder sb = new StringBuilder("<h3>DAA encounters (").append(byAlert.size()).append(")</h3><table class=\"daa\">"
        + "<tr><th>Alert</th><th>Ownship</th><th>Intruder</th><th>Highest level</th><th>Closest range</th>"
        + "<th>First CPA</th><th>Logs</th><th>Resolved</th></tr>");
    int shown = 0;
    for (Encounter e : byAlert.values()) {
      if (++shown > 500) {
        sb.append("<tr><td colspan=\"8\">... ").append(byAlert.size() - 500).append(" more in report.json</td></tr>");
        break;
      }
      sb.append("<tr class=\"level").append(e.maxLevel).append("\"><td>").append(HtmlReport.esc(shortId(e.alertId)))
          .append("</td><td>").append(HtmlReport.esc(shortId(e.ownship))).append("</td><td>").append(HtmlReport.esc(e.intruder))
          .append("</td><td>").append(e.maxLevel).append("</td><td>")
          .append(e.minRange == Double.MAX_VALUE ? "" : String.format(java.util.Locale.ROOT, "%.0f m", e.minRange))
          .append("</td><td>").append(e.firstCpa == null ? "" : String.format(java.util.Locale.ROOT, "%.1f s", e.firstCpa))
          .append("</td><td>").append(e.events).append("</td><td>").append(e.resolved ? "yes" : "no").append("</td></tr>");
    }
    return sb.append("</table>").toString();
  }

  private static String shortId(String id) {
    return id == null ? "" : id.length() > 13 ? id.substring(0, 8) + "..." : id;
  }
}
