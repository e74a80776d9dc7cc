package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Django era's conformance monitor with ENABLE_CONFORMANCE_MONITORING=1 and no USS network (d874eb0
 * conformance_monitoring_operations): an operator's activation from Accepted starts a task every
 * HEARTBEAT_RATE_SECS (first run one period later, django-celery-beat; it expires at the declaration's end; ending,
 * withdrawing or cancelling removes it). Each run (tasks.py check_flight_conformance) checks the authorization
 * (C9/C10), then the latest observation (C3-C8, altitude in millimetres as stored), and on a failure does what
 * custom_signals.py does: an AMQP notification with the real text, a ConformanceRecord, a state-history entry. It
 * changes no state: without a USS network the transition handlers only touch the DSS. With
 * {@code emulator.conformance_state_changes} (an extension) it applies the recorded state where the era's state
 * machine allows it, comparing altitude in metres.
 */
final class ConformanceMonitor {
  /** The latest stored observation of a declaration (rid_operations/tasks.py stream_rid_telemetry_data). */
  record Observation(double lat, double lng, double altitudeMm, String icaoAddress) {
  }

  /** A signal's effect (custom_signals.py): the message (null: none sent), the state recorded and its event. */
  record Signal(String message, int newState, String event) {
  }

  private static final int MAX_RECORDS = 1_000;
  private final EmulatorOptions options;
  private final Declarations declarations;
  private final Geofences geofences;
  private final Map<String, long[]> tasks = new LinkedHashMap<>();
  private final Map<String, Instant> latestTelemetry = new HashMap<>();
  private final Map<String, Observation> latest = new HashMap<>();
  private final Deque<JsonObject> records = new ArrayDeque<>();
  private final Map<String, List<JsonObject>> history = new HashMap<>();
  private long runs;
  private long crashes;

  ConformanceMonitor(EmulatorOptions options, Declarations declarations, Geofences geofences) {
    this.options = options;
    this.declarations = declarations;
    this.geofences = geofences;
  }

  boolean enabled() {
    return options.conformanceMonitoring();
  }

  /** conformance_checks_handler.py: a task on operator_activates from Accepted; removed on ended, withdrawn, cancelled. */
  void operatorChanged(JsonObject d, int from, int to, Instant now) {
    if (!enabled()) {
      return;
    }
    String id = d.getString("id");
    if (from == 1 && to == 2) {
      long period = options.heartbeatRateSeconds() * 1000L;
      tasks.put(id, new long[] {now.toEpochMilli() + period,
          Declarations.parseTime(d.getString("end_datetime")).toEpochMilli()});
    } else if (to == 5 || to == 6 || to == 7) {
      tasks.remove(id);
    }
  }

  void removed(String id) {
    tasks.remove(id);
    latestTelemetry.remove(id);
    latest.remove(id);
  }

  /** A flight of set_telemetry: latest_telemetry_datetime, then each state stored as the latest observation. */
  void telemetry(String id, Instant at, JsonObject flightDetails, JsonArray states) {
    latestTelemetry.put(id, at);
    Object serial = flightDetails.getValue("uas_id") instanceof JsonObject u ? u.getValue("serial_number") : null;
    if (serial == null || states.isEmpty()) {
      return;
    }
    JsonObject p = states.getJsonObject(states.size() - 1).getJsonObject("position");
    latest.put(id, new Observation(p.getDouble("lat"), p.getDouble("lng"), p.getDouble("alt") * 1000,
        String.valueOf(serial)));
  }

  /** Runs every due task once (a beat that fell behind does not run a task twice). */
  void tick(Instant now) {
    long t = now.toEpochMilli();
    long period = options.heartbeatRateSeconds() * 1000L;
    for (Map.Entry<String, long[]> e : new ArrayList<>(tasks.entrySet())) {
      long[] task = e.getValue();
      if (t < task[0]) {
        continue;
      }
      while (task[0] <= t) {
        task[0] += period;
      }
      if (t > task[1]) {
        tasks.remove(e.getKey());
        continue;
      }
      run(e.getKey(), now);
    }
  }

  /** check_flight_conformance for one declaration. */
  void run(String id, Instant now) {
    runs++;
    JsonObject d = declarations.exists(id) ? declarations.get(id) : null;
    int auth = ConformanceChecks.authorization(d, latestTelemetry.get(id), now);
    if (auth != ConformanceChecks.CONFORMANT) {
      signal(d, id, auth, authorizationSignal(id, auth),
          "Flight Operational Intent Reference non-conformance detected: " + ConformanceChecks.CODES.get(auth),
          "State changed by flight authorization checks: ", now);
      return;
    }
    Observation o = latest.get(id);
    if (o == null) {
      return;
    }
    double altitude = options.conformanceStateChanges() ? o.altitudeMm() / 1000 : o.altitudeMm();
    int code;
    try {
      code = ConformanceChecks.telemetry(d, o.icaoAddress(), o.lat(), o.lng(), altitude, active(now), now);
    } catch (ConformanceChecks.Crash e) {
      crashes++;
      return;
    }
    if (code != ConformanceChecks.TELEMETRY_CONFORMANT) {
      Signal s = telemetrySignal(id, code);
      signal(d, id, code, s, s.message() == null ? "" : s.message(),
          "State changed by telemetry conformance checks because of telemetry non-conformance: ", now);
    }
  }

  private void signal(JsonObject d, String id, int code, Signal s, String description, String notes, Instant now) {
    if (s.message() != null) {
      declarations.events().publish(id, s.message(), "error");
    }
    if (d == null) {
      return;
    }
    String at = now.toString();
    records.addLast(new JsonObject().put("id", UUID.randomUUID().toString()).put("flight_declaration_id", id)
        .put("conformance_state", code).put("timestamp", at).put("description", description)
        .put("event_type", "deviation").put("geofence_breach", false).putNull("geofence_id").put("resolved", false)
        .put("created_at", at).put("updated_at", at));
    while (records.size() > MAX_RECORDS) {
      records.removeFirst();
    }
    if (s.event() == null) {
      return;
    }
    int from = d.getInteger("state");
    history.computeIfAbsent(id, k -> new ArrayList<>()).add(new JsonObject().put("original_state", String.valueOf(from))
        .put("new_state", String.valueOf(s.newState())).put("notes", notes + ConformanceChecks.CODES.get(code)));
    if (options.conformanceStateChanges() && DjangoStateMachine.next(from, s.event()) == s.newState()) {
      declarations.setState(d, s.newState(), "conformance monitoring");
    }
  }

  /** process_flight_operational_intent_reference_non_conformance_message. */
  static Signal authorizationSignal(String id, int code) {
    return switch (code) {
      case ConformanceChecks.C9A -> new Signal("The telemetry for operation " + id + ", has not been received in the past "
          + "15 seconds. Check C9a Failed", 4, "timeout");
      case ConformanceChecks.C9B -> new Signal("The telemetry for operation " + id + ", has never been received. Check "
          + "C9b Failed", 4, "flight_blender_confirms_contingent");
      case ConformanceChecks.C10 -> new Signal("The authorization for operation " + id + ", has been expired. You must "
          + "stop operation ", 4, "flight_blender_confirms_contingent");
      default -> new Signal(null, 0, null);
    };
  }

  /** process_telemetry_conformance_message (its C7a text speaks of altitude, its C7b text of bounds: as written). */
  static Signal telemetrySignal(String id, int code) {
    String op = "operation " + id;
    return switch (code) {
      case ConformanceChecks.C3 -> new Signal("The aircraft ID provided in telemetry for " + op + ", does not match the "
          + "declared / authorized aircraft, you must stop operation. C3 Check failed.", 4, "flight_blender_confirms_contingent");
      case ConformanceChecks.C4, ConformanceChecks.C5 -> new Signal("The state for " + op + ", is not one of 'Accepted' or "
          + "'Activated', your authorization is invalid. C4+C5 Check failed.", 3, "flight_blender_confirms_contingent");
      case ConformanceChecks.C6 -> new Signal("The telemetry timestamp provided for " + op + ", is not within the start / "
          + "end time for an operation. C6 Check failed.", 3, "ua_departs_early_late");
      case ConformanceChecks.C7A -> new Signal("The telemetry timestamp provided for " + op + ", is not within the "
          + "altitude bounds C7a check failed.", 3, "ua_exits_coordinated_op_intent");
      case ConformanceChecks.C7B -> new Signal("The telemetry location provided for " + op + ", is not within the "
          + "declared bounds for an operation. C7b check failed.", 3, "ua_exits_coordinated_op_intent");
      default -> new Signal(null, 0, null);
    };
  }

  /** get_active_geofences: start_datetime <= now <= end_datetime. */
  private List<JsonObject> active(Instant now) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject g : geofences.all()) {
      if (!Instant.parse(g.getString("start_datetime")).isAfter(now) && !Instant.parse(g.getString("end_datetime")).isBefore(now)) {
        out.add(g);
      }
    }
    return out;
  }

  /** Records with created_at in [start, end] (master conformance_repo get_conformance_records_for_duration). */
  JsonArray records(Instant start, Instant end) {
    JsonArray out = new JsonArray();
    for (JsonObject r : records) {
      Instant at = Instant.parse(r.getString("created_at"));
      if (!at.isBefore(start) && !at.isAfter(end)) {
        out.add(r);
      }
    }
    return out;
  }

  /** For /emulator/conformance: tasks, records, history (no Flight Blender route shows them in the Django era). */
  JsonObject state() {
    JsonObject h = new JsonObject();
    history.forEach((k, v) -> h.put(k, new JsonArray(new ArrayList<>(v))));
    return new JsonObject().put("enabled", enabled()).put("tasks", new JsonArray(new ArrayList<>(tasks.keySet())))
        .put("runs", runs).put("crashes", crashes).put("records", new JsonArray(new ArrayList<>(records)))
        .put("history", h);
  }

  void clear() {
    tasks.clear();
    latestTelemetry.clear();
    latest.clear();
    records.clear();
    history.clear();
    runs = 0;
    crashes = 0;
  }
}
