package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.emulator.DaaGeometry.Kinematics;
import org.openutm.verification.emulator.DaaGeometry.Thresholds;

/**
 * Detect and avoid (ASTM F3442) as the emulator models it: every tick, each active declaration's latest telemetry
 * (the ownship) against every aircraft of the air traffic feed (the intruders), both projected to the tick along
 * their velocity. An alert per (ownship, intruder) is triggered at level >= 1, escalated when the level rises, held
 * at its highest level while the threat lasts (hysteresis), logged at every tick while active, and resolved after
 * {@code calm_ticks} ticks at level 0, when a track is lost, or when the operation ends.
 * Confined to the emulator verticle's context.
 */
final class DaaEngine {
  /** The engine's settings ({@code emulator.daa}). */
  record Options(Thresholds thresholds, long staleMillis, long dropMillis, int calmTicks, double considerRangeM,
      int maxLogs, double velocityWindowSeconds) {
    static Options from(JsonObject c) {
      JsonObject d = c == null ? new JsonObject() : c;
      return new Options(Thresholds.from(d), d.getLong("coast_after_millis", 3_000L),
          d.getLong("drop_after_millis", 10_000L), d.getInteger("calm_ticks", 3),
          d.getDouble("consider_range_m", 20_000.0), d.getInteger("max_logs", 200_000),
          d.getDouble("velocity_window_seconds", 20.0));
    }
  }

  static final class Alert {
    final String id = UUID.randomUUID().toString();
    final String ownship;
    final String intruder;
    final Instant created = SimClock.now();
    int level;
    int calm;
    DaaLog lastLog;

    Alert(String ownship, String intruder) {
      this.ownship = ownship;
      this.intruder = intruder;
    }

    JsonObject json() {
      return new JsonObject().put("id", id).put("ownship_operation", ownship).put("intruder_icao", intruder)
          .put("status", "active").put("current_level", level).put("created_at", created.toString())
          .put("active_log_entry", lastLog == null ? null : lastLog.json());
    }
  }

  /** One pending log of a tick, ranked before it is written. */
  private record Pending(Alert alert, String event, int level, DaaGeometry g, boolean coasted, Kinematics own,
      Kinematics intruder) {
  }

  private final Options options;
  private final EventSink events;
  private final Map<String, DaaTrack> ownships = new LinkedHashMap<>();
  private final Map<String, DaaTrack> intruders = new LinkedHashMap<>();
  private final Map<String, Alert> active = new LinkedHashMap<>();
  private final Deque<DaaLog> logs = new ArrayDeque<>();
  private long logSeq;
  private long ticks;
  private long pairsEvaluated;

  DaaEngine(Options options, EventSink events) {
    this.options = options;
    this.events = events;
  }

  void ownship(String declarationId, JsonObject state, long nowMillis) {
    ownships.computeIfAbsent(declarationId, k -> new DaaTrack(options.velocityWindowSeconds)).add(DaaTrack.fromTelemetry(state, nowMillis),
        DaaTrack.number(state, "speed"), DaaTrack.number(state, "track"));
  }

  void intruder(String icao, JsonObject observation, long nowMillis) {
    intruders.computeIfAbsent(icao, k -> new DaaTrack(options.velocityWindowSeconds)).add(DaaTrack.fromObservation(observation, nowMillis), null,
        null);
  }

  /** One evaluation at {@code nowMillis}; {@code operating} says whether a declaration is still in an active state. */
  void tick(long nowMillis, Predicate<String> operating) {
    ticks++;
    if (ownships.isEmpty() && active.isEmpty()) {
      return;
    }
    Instant now = Instant.ofEpochMilli(nowMillis);
    intruders.values().removeIf(t -> nowMillis - t.lastReceived() > options.dropMillis);
    Map<String, List<Pending>> byOwnship = new HashMap<>();
    for (Iterator<Map.Entry<String, DaaTrack>> it = ownships.entrySet().iterator(); it.hasNext();) {
      Map.Entry<String, DaaTrack> e = it.next();
      String own = e.getKey();
      if (!operating.test(own) || nowMillis - e.getValue().lastReceived() > options.dropMillis) {
        it.remove();
        continue;
      }
      boolean ownCoasted = nowMillis - e.getValue().lastReceived() > options.staleMillis;
      Kinematics o = e.getValue().at(nowMillis, options.staleMillis / 1000.0);
      List<Pending> pending = byOwnship.computeIfAbsent(own, k -> new ArrayList<>());
      for (Map.Entry<String, DaaTrack> i : intruders.entrySet()) {
        String key = own + "|" + i.getKey();
        Alert alert = active.get(key);
        Kinematics k = i.getValue().at(nowMillis, options.staleMillis / 1000.0);
        if (alert == null && far(o, k)) {
          continue;
        }
        pairsEvaluated++;
        DaaGeometry g = DaaGeometry.of(o, k);
        boolean coasted = ownCoasted || nowMillis - i.getValue().lastReceived() > options.staleMillis;
        Pending p = step(key, own, i.getKey(), alert, g.level(options.thresholds), g, coasted);
        if (p != null) {
          pending.add(new Pending(p.alert, p.event, p.level, g, coasted, o, k));
        }
      }
    }
    // alerts whose ownship or intruder is gone
    for (Iterator<Alert> it = active.values().iterator(); it.hasNext();) {
      Alert a = it.next();
      if (!ownships.containsKey(a.ownship) || !intruders.containsKey(a.intruder)) {
        it.remove();
        byOwnship.computeIfAbsent(a.ownship, k -> new ArrayList<>()).add(resolvedAsLastSeen(a));
      }
    }
    byOwnship.values().forEach(list -> write(list, now));
  }

  /** The operation ended (or was deleted): its alerts resolve now, not at the next tick. */
  void ownshipEnded(String declarationId, long nowMillis) {
    ownships.remove(declarationId);
    List<Pending> resolved = new ArrayList<>();
    for (Iterator<Alert> it = active.values().iterator(); it.hasNext();) {
      Alert a = it.next();
      if (a.ownship.equals(declarationId)) {
        it.remove();
        resolved.add(resolvedAsLastSeen(a));
      }
    }
    write(resolved, Instant.ofEpochMilli(nowMillis));
  }

  /** An alert resolved without a fresh geometry (track lost, operation ended): its last logged figures. */
  private static Pending resolvedAsLastSeen(Alert a) {
    DaaLog l = a.lastLog;
    DaaGeometry g = l == null ? new DaaGeometry(0, 0, 0, 0, 0, 0, 0)
        : new DaaGeometry(l.range(), l.vertical(), l.bearing(), 0, 0, l.range(), 0);
    Kinematics own = l == null ? null : new Kinematics(l.ownLat(), l.ownLng(), l.ownAlt(), 0, 0, 0, 0);
    Kinematics intr = l == null ? null : new Kinematics(l.intLat(), l.intLng(), l.intAlt(), 0, 0, 0, 0);
    return new Pending(a, "alert_resolved", 0, g, true, own, intr);
  }

  /** The lifecycle of one pair at one tick: the event to log, or null for none. */
  private Pending step(String key, String own, String icao, Alert alert, int level, DaaGeometry g, boolean coasted) {
    if (alert == null) {
      if (level < 1) {
        return null;
      }
      Alert a = new Alert(own, icao);
      a.level = level;
      active.put(key, a);
      return new Pending(a, "alert_triggered", level, g, coasted, null, null);
    }
    if (level > alert.level) {
      alert.level = level;
      alert.calm = 0;
      return new Pending(alert, "alert_updated", level, g, coasted, null, null);
    }
    alert.calm = level == 0 ? alert.calm + 1 : 0;
    if (alert.calm >= options.calmTicks) {
      active.remove(key);
      return new Pending(alert, "alert_resolved", 0, g, coasted, null, null);
    }
    return new Pending(alert, "periodic_update", alert.level, g, coasted, null, null);
  }

  /** Ranks one ownship's alerts (1 = most urgent: highest level, then soonest CPA) and logs them. */
  private void write(List<Pending> pending, Instant now) {
    pending.sort(Comparator.comparingInt((Pending p) -> -p.level).thenComparingDouble(p -> p.g.cpaSeconds()));
    int rank = 0;
    for (Pending p : pending) {
      boolean resolved = p.event.equals("alert_resolved");
      Kinematics o = p.own;
      Kinematics k = p.intruder;
      DaaLog log = new DaaLog(++logSeq, p.alert.id, p.alert.ownship, p.alert.intruder, p.event, now.toEpochMilli(), p.level,
          resolved ? 0 : ++rank, (float) p.g.bearingDeg(), (float) p.g.rangeM(), (float) Math.abs(p.g.verticalSepM()),
          (float) p.g.cpaSeconds(), (float) p.g.missDistanceM(), (float) p.g.closingMps(), p.coasted,
          o == null ? Double.NaN : o.lat(), o == null ? Double.NaN : o.lon(), o == null ? 0f : (float) o.altM(),
          k == null ? Double.NaN : k.lat(), k == null ? Double.NaN : k.lon(), k == null ? 0f : (float) k.altM());
      p.alert.lastLog = log;
      logs.addLast(log);
      if (logs.size() > options.maxLogs) {
        logs.removeFirst();
      }
      if (!p.event.equals("periodic_update")) {
        events.publish(p.alert.ownship, "DAA " + p.event + ": intruder " + p.alert.intruder + " level " + p.level
            + " range " + Math.round(p.g.rangeM()) + " m, CPA in " + Math.round(p.g.cpaSeconds()) + " s"
            + " (alert " + p.alert.id + ")", resolved ? "info" : p.level >= 3 ? "critical" : "warning");
      }
    }
  }

  private boolean far(Kinematics a, Kinematics b) {
    double dLat = Math.abs(a.lat() - b.lat()) * DaaGeometry.M_PER_DEG_LAT;
    double dLon = Math.abs(a.lon() - b.lon()) * DaaGeometry.M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(a.lat()));
    return dLat > options.considerRangeM || dLon > options.considerRangeM;
  }

  JsonArray activeAlerts() {
    JsonArray out = new JsonArray();
    active.values().forEach(a -> out.add(a.json()));
    return out;
  }

  /** Incident logs, oldest first, filtered; null filters match everything. */
  JsonArray logs(String eventType, Integer level, Instant start, Instant end, String alertId, String ownship) {
    return toJson(matching(eventType, level, start, end, alertId, ownship));
  }

  /** The matching logs themselves (immutable records: the list may be encoded on another thread). */
  java.util.List<DaaLog> matching(String eventType, Integer level, Instant start, Instant end, String alertId,
      String ownship) {
    java.util.List<DaaLog> out = new java.util.ArrayList<>();
    for (DaaLog l : logs) {
      if (eventType != null && !eventType.equals(l.event()) || level != null && level != l.level()
          || alertId != null && !alertId.equals(l.alertId()) || ownship != null && !ownship.equals(l.ownship())
          || start != null && l.timeMillis() < start.toEpochMilli() || end != null && l.timeMillis() > end.toEpochMilli()) {
        continue;
      }
      out.add(l);
    }
    return out;
  }

  static JsonArray toJson(java.util.List<DaaLog> logs) {
    JsonArray out = new JsonArray();
    logs.forEach(l -> out.add(l.json()));
    return out;
  }

  JsonObject counts() {
    return new JsonObject().put("daa_ownships", ownships.size()).put("daa_intruders", intruders.size())
        .put("daa_active_alerts", active.size()).put("daa_logs", logs.size()).put("daa_ticks", ticks)
        .put("daa_pairs_evaluated", pairsEvaluated);
  }

  void clear() {
    ownships.clear();
    intruders.clear();
    active.clear();
    logs.clear();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
