package org.openutm.verification.operation.flightblender;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DAA (ASTM F3442) verifications, pure functions over incident logs and active alerts. Each returns
 * {success, checks: {name: {passed, detail}}}; the operations fail when any check fails.
 * {@code bearing_deg} is read as the intruder's bearing relative to the ownship's track (0 ahead, clockwise).
 */
public final class DaaChecks {
  static final List<String> LOG_FIELDS = List.of("event_type", "timestamp", "alert_level", "alert_status",
      "priority_rank", "bearing_deg", "range_m", "vertical_separation_m", "cpa_time_seconds", "is_coasted");
  static final List<String> ALERT_FIELDS = List.of("id", "ownship_operation", "intruder_icao", "status", "current_level");

  private DaaChecks() {
  }

  static JsonObject check(boolean passed, String detail) {
    return new JsonObject().put("passed", passed).put("detail", detail);
  }

  static JsonObject result(JsonObject checks) {
    boolean ok = checks.stream().allMatch(e -> ((JsonObject) e.getValue()).getBoolean("passed"));
    return new JsonObject().put("success", ok).put("checks", checks);
  }

  public static JsonObject compliance(JsonArray logs, JsonArray alerts, int minLogs, boolean requireAlertEvents,
      boolean requirePeriodic) {
    JsonObject checks = new JsonObject();
    checks.put("min_incident_logs", check(logs.size() >= minLogs, logs.size() + " log(s), at least " + minLogs + " required"));
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      JsonObject l = logs.getValue(i) instanceof JsonObject o ? o : new JsonObject();
      for (String f : LOG_FIELDS) {
        if (!l.containsKey(f)) {
          missing.add("log " + i + " lacks " + f);
        }
      }
      if (l.getValue("alert_level") instanceof Number n && (n.intValue() < 0 || n.intValue() > 3)) {
        missing.add("log " + i + " has alert_level " + n + " outside 0-3");
      }
    }
    checks.put("log_fields", check(missing.isEmpty(), missing.isEmpty() ? "every log has " + LOG_FIELDS
        : String.join("; ", missing.subList(0, Math.min(5, missing.size())))));
    if (alerts != null) {
      List<String> bad = new ArrayList<>();
      for (int i = 0; i < alerts.size(); i++) {
        JsonObject a = alerts.getValue(i) instanceof JsonObject o ? o : new JsonObject();
        for (String f : ALERT_FIELDS) {
          if (!a.containsKey(f)) {
            bad.add("alert " + i + " lacks " + f);
          }
        }
      }
      checks.put("active_alert_fields", check(bad.isEmpty(), bad.isEmpty() ? alerts.size() + " active alert(s) well-formed"
          : String.join("; ", bad.subList(0, Math.min(5, bad.size())))));
    }
    Set<String> types = eventTypes(logs);
    if (requireAlertEvents) {
      checks.put("alert_events", check(types.contains("alert_triggered"), "event types seen: " + types));
    }
    if (requirePeriodic) {
      checks.put("periodic_updates", check(types.contains("periodic_update"), "event types seen: " + types));
    }
    return result(checks);
  }

  public static JsonObject encounter(JsonArray logs, JsonArray expectedLevels, String geometry, boolean requireEscalation,
      boolean requireCpa, boolean requireLifecycle, double maxGap) {
    JsonObject checks = new JsonObject();
    Map<String, List<JsonObject>> byAlert = byAlert(logs);
    checks.put("alerts", check(!byAlert.isEmpty(), byAlert.size() + " alert(s) in the logs"));
    Set<Integer> levels = new LinkedHashSet<>();
    logs.forEach(o -> {
      if (o instanceof JsonObject l && l.getValue("alert_level") instanceof Number n) {
        levels.add(n.intValue());
      }
    });
    if (expectedLevels != null) {
      List<Integer> missing = expectedLevels.stream().map(v -> ((Number) v).intValue()).filter(v -> !levels.contains(v)).toList();
      checks.put("alert_levels", check(missing.isEmpty(), "levels seen " + levels + (missing.isEmpty() ? "" : ", missing " + missing)));
    }
    List<String> escalation = new ArrayList<>();
    List<String> cpa = new ArrayList<>();
    List<String> lifecycle = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    List<String> shapes = new ArrayList<>();
    List<String> flat = new ArrayList<>();
    for (var e : byAlert.entrySet()) {
      List<JsonObject> seq = e.getValue();
      int max = -1;
      boolean rose = false;
      int first = level(seq.get(0));
      for (JsonObject l : seq) {
        int lv = level(l);
        if ("resolved".equals(l.getString("alert_status")) || "alert_resolved".equals(l.getString("event_type"))) {
          continue;
        }
        if (lv < max && !"alert_resolved".equals(l.getString("event_type"))) {
          escalation.add(e.getKey() + " dropped from " + max + " to " + lv + " before resolving");
        }
        rose |= lv > first;
        max = Math.max(max, lv);
      }
      if (!rose) {
        flat.add(e.getKey() + " stayed at level " + first);
      }
      double minCpa = seq.stream().filter(l -> l.getValue("cpa_time_seconds") instanceof Number)
          .mapToDouble(l -> l.getDouble("cpa_time_seconds")).min().orElse(Double.NaN);
      String rise = Double.isNaN(minCpa) || minCpa < 0 ? null : rise(seq, "cpa_time_seconds");
      if (Double.isNaN(minCpa) || minCpa < 0 || rise != null) {
        cpa.add(e.getKey() + (Double.isNaN(minCpa) ? " has no cpa_time_seconds" : minCpa < 0 ? " has a negative CPA time"
            : " has a CPA time that does not count down (" + rise + ")"));
      }
      Set<String> types = eventTypes(new JsonArray(new ArrayList<>(seq)));
      if (!types.contains("alert_triggered") || !types.contains("alert_resolved")) {
        lifecycle.add(e.getKey() + " events " + types + " (needs alert_triggered ... alert_resolved)");
      }
      double worst = 0;
      for (int i = 1; i < seq.size(); i++) {
        worst = Math.max(worst, seconds(seq.get(i)) - seconds(seq.get(i - 1)));
      }
      if (worst > maxGap) {
        gaps.add(e.getKey() + " has a " + String.format("%.2f", worst) + " s gap");
      }
      shapes.add(classify(seq));
    }
    if (requireEscalation) {
      // every alert's level only rises until it resolves, and the encounter escalates: at least one alert rises
      // (an intruder that only passes through the outer alerting volume may stay at level 1)
      if (!byAlert.isEmpty() && flat.size() == byAlert.size()) {
        escalation.add("no alert escalated: " + String.join("; ", flat.subList(0, Math.min(5, flat.size()))));
      }
      checks.put("escalation", check(escalation.isEmpty(), escalation.isEmpty() ? "levels only rise until resolved; "
          + (byAlert.size() - flat.size()) + " of " + byAlert.size() + " alert(s) escalated" : String.join("; ", escalation)));
    }
    if (requireCpa) {
      checks.put("cpa", check(cpa.isEmpty(), cpa.isEmpty() ? "CPA times count down for every alert" : String.join("; ", cpa)));
    }
    if (requireLifecycle) {
      checks.put("lifecycle", check(lifecycle.isEmpty(), lifecycle.isEmpty() ? "every alert triggered and resolved" : String.join("; ", lifecycle)));
    }
    checks.put("update_rate", check(gaps.isEmpty(), gaps.isEmpty() ? "no gap above " + maxGap + " s" : String.join("; ", gaps)));
    boolean any = geometry == null || "any".equals(geometry);
    checks.put("geometry", check(any || shapes.contains(geometry), "classified " + shapes + (any ? "" : ", expected " + geometry)));
    return result(checks).put("geometry", shapes);
  }

  public static JsonObject sharedIntruder(JsonArray logs, String icao, int expectedAlerts, double minDistinctRange,
      double minDistinctCpa, boolean allowOthers) {
    JsonObject checks = new JsonObject();
    Map<String, List<JsonObject>> byAlert = byAlert(logs);
    List<List<JsonObject>> mine = new ArrayList<>();
    Set<String> others = new LinkedHashSet<>();
    byAlert.values().forEach(seq -> {
      String who = seq.get(0).getString("intruder_icao");
      if (icao.equals(who)) {
        mine.add(seq);
      } else {
        others.add(who);
      }
    });
    checks.put("alert_count", check(mine.size() == expectedAlerts, mine.size() + " alert(s) for " + icao + ", expected " + expectedAlerts));
    List<Double> minRanges = mine.stream().map(s -> s.stream().mapToDouble(l -> l.getDouble("range_m", Double.MAX_VALUE)).min().orElse(0)).toList();
    // "initial CPA": when the first log of each alert predicted the closest approach (its time + cpa_time_seconds);
    // one intruder passing two ownships reaches them at different moments
    List<Double> firstCpa = mine.stream().map(s -> Math.round((seconds(s.get(0)) + s.get(0).getDouble("cpa_time_seconds", 0.0)) * 10) / 10.0).toList();
    checks.put("distinct_min_range", check(spread(minRanges) >= minDistinctRange, "minimum ranges " + minRanges));
    checks.put("distinct_initial_cpa", check(spread(firstCpa) >= minDistinctCpa, "predicted CPA instants (epoch s) "
        + firstCpa + ", at least " + minDistinctCpa + " s apart"));
    checks.put("other_intruders", check(allowOthers || others.isEmpty(), others.isEmpty() ? "none" : "also " + others));
    return result(checks);
  }

  /** head_on: ahead (|rel| <= 30) closing fast; overtake: from behind, or ahead closing slowly; else crossing. */
  static String classify(List<JsonObject> seq) {
    JsonObject first = seq.get(0);
    double rel = first.getDouble("bearing_deg", 0.0) % 360;
    double abs = Math.abs(rel > 180 ? rel - 360 : rel);
    double closing = 0;
    if (seq.size() > 1) {
      double dt = Math.max(1e-3, seconds(seq.get(Math.min(3, seq.size() - 1))) - seconds(first));
      closing = (first.getDouble("range_m", 0.0) - seq.get(Math.min(3, seq.size() - 1)).getDouble("range_m", 0.0)) / dt;
    }
    if (abs >= 150) {
      return "overtake";
    }
    if (abs <= 30) {
      return closing >= 20 ? "head_on" : "overtake";
    }
    return "crossing";
  }

  static Map<String, List<JsonObject>> byAlert(JsonArray logs) {
    Map<String, List<JsonObject>> by = new LinkedHashMap<>();
    for (Object o : logs) {
      if (o instanceof JsonObject l) {
        by.computeIfAbsent(String.valueOf(l.getValue("alert_id", l.getValue("intruder_icao"))), k -> new ArrayList<>()).add(l);
      }
    }
    by.values().forEach(s -> s.sort((a, b) -> Double.compare(seconds(a), seconds(b))));
    return by;
  }

  static Set<String> eventTypes(JsonArray logs) {
    Set<String> t = new LinkedHashSet<>();
    logs.forEach(o -> {
      if (o instanceof JsonObject l && l.getValue("event_type") != null) {
        t.add(String.valueOf(l.getValue("event_type")));
      }
    });
    return t;
  }

  static int level(JsonObject l) {
    return l.getValue("alert_level") instanceof Number n ? n.intValue() : -1;
  }

  static double seconds(JsonObject l) {
    Object t = l.getValue("timestamp");
    if (t instanceof Number n) {
      return n.doubleValue();
    }
    try {
      Instant i = Instant.parse(String.valueOf(t));
      return i.getEpochSecond() + i.getNano() / 1e9;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * Null when {@code field} counts down over the alert until its CPA (a later rise after the CPA is allowed): it never
   * rises by more than {@link #CPA_JITTER_SECONDS} from one log to the next; else what rose. The tolerance is the age
   * of the data a tick may use (a CPA predicted from a telemetry point a few seconds old lies that much later; under
   * load at speed 20 a 1.5 s tolerance failed 1 run in ~100); the toolkit checks only that CPA times are present.
   */
  static String rise(List<JsonObject> seq, String field) {
    double prev = Double.MAX_VALUE;
    for (JsonObject l : seq) {
      if (!(l.getValue(field) instanceof Number n)) {
        continue;
      }
      double v = n.doubleValue();
      if (v > prev + CPA_JITTER_SECONDS && prev > 0) {
        return "rose from " + prev + " to " + v + " s";
      }
      prev = v;
      if (v <= 0) {
        break;
      }
    }
    return null;
  }

  static final double CPA_JITTER_SECONDS = 5.0;

  static double spread(List<Double> values) {
    if (values.size() < 2) {
      return values.isEmpty() ? 0 : Double.MAX_VALUE;
    }
    double min = Double.MAX_VALUE;
    for (int i = 0; i < values.size(); i++) {
      for (int j = i + 1; j < values.size(); j++) {
        min = Math.min(min, Math.abs(values.get(i) - values.get(j)));
      }
    }
    return min;
  }
}
