package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * Telemetry per declaration (accepted only for active operations, handed to the conformance monitor)
 * and air traffic per session (latest state per aircraft plus counters). Bounded: a full store refuses with 507.
 */
final class FlightStreams {
  /** One aircraft's latest observation in a session, and when it arrived. */
  record Track(JsonObject observation, long receivedMillis) {
  }

  private final EmulatorOptions options;
  private final ConformanceMonitor conformance;
  private final Declarations declarations;
  private final DaaEngine daa;
  private final AirTrafficFeed feed;
  private final Map<String, Deque<JsonObject>> telemetry = new HashMap<>();
  private final Map<String, Map<String, Track>> traffic = new LinkedHashMap<>();
  private final Map<String, Long> observationsBySession = new HashMap<>();
  private long observationsTotal;
  private long telemetryTotal;

  FlightStreams(EmulatorOptions options, Declarations declarations, DaaEngine daa, AirTrafficFeed feed,
      ConformanceMonitor conformance) {
    this.options = options;
    this.conformance = conformance;
    this.declarations = declarations;
    this.daa = daa;
    this.feed = feed;
  }

  /**
   * PUT set_telemetry as both eras handle it (master services/flight_feed_svc.py submit_telemetry, Django
   * flight_feed_operations/views.py): each flight in order, parsed ({@link TelemetryModel}), its operation active now
   * and in states 1-4 (no USS network), then streamed; a later flight's refusal does not undo an earlier one.
   */
  JsonObject submitTelemetry(JsonObject body) {
    if (!body.containsKey("observations")) {
      throw Refusal.message(400, "A flight observation object with current state and flight details is necessary");
    }
    if (!(body.getValue("observations") instanceof JsonArray observations)) {
      throw Refusal.serverError("observations is not a list: iterating it raises TypeError, uncaught in either era");
    }
    TelemetryModel model = new TelemetryModel(options.fastapi());
    Instant now = SimClock.now();
    for (Object x : observations) {
      JsonObject o = x instanceof JsonObject j ? j : null;
      if (o == null || !o.containsKey("flight_details") || !o.containsKey("current_states")) {
        throw Refusal.message(400, "A flights object with current states, flight details is necessary");
      }
      if (!(o.getValue("current_states") instanceof JsonArray states)) {
        throw Refusal.serverError("current_states is not a list: iterating it raises TypeError, uncaught in either era");
      }
      for (Object s : states) {
        model.state(s);
      }
      String id = model.details(o.getValue("flight_details"));
      JsonObject d = declarations.exists(id) ? declarations.get(id) : null;
      if (d == null || now.isBefore(Instant.parse(d.getString("start_datetime")))
          || now.isAfter(Instant.parse(d.getString("end_datetime")))) {
        throw Refusal.message(400, "The operation ID: " + id + " in the flight details object provided does not match "
            + "any current operation in Flight Blender");
      }
      if (!Declarations.ACTIVE_STATES.contains(d.getInteger("state"))) {
        throw Refusal.message(400, "The operation ID: " + id + " is not one of Activated, Contingent or Non-conforming "
            + "states in Flight Blender, telemetry submission will be ignored, please change the state first.");
      }
      Deque<JsonObject> q = telemetry.computeIfAbsent(id, k -> new ArrayDeque<>());
      if (q.size() + states.size() > options.maxTelemetryPerDeclaration()) {
        throw Refusal.message(507, "Emulator storage full: " + q.size() + " telemetry observations for " + id
            + " (emulator.max_telemetry_per_declaration)");
      }
      for (Object s : states) {
        q.add((JsonObject) s);
        telemetryTotal++;
        daa.ownship(id, (JsonObject) s, now.toEpochMilli());
      }
      conformance.telemetry(id, now, o.getJsonObject("flight_details"), states);
    }
    return new JsonObject().put("message", "Telemetry data successfully submitted");
  }

  int telemetryCount(String declarationId) {
    Deque<JsonObject> q = telemetry.get(declarationId);
    return q == null ? 0 : q.size();
  }

  Deque<JsonObject> telemetry(String declarationId) {
    return telemetry.getOrDefault(declarationId, new ArrayDeque<>());
  }

  /** POST set_air_traffic/{session}: parsed as the era does ({@link AirTrafficModel}), then stored. */
  JsonObject submitAirTraffic(String session, Object body) {
    JsonArray observations = AirTrafficModel.parse(body, options.fastapi());
    Map<String, Track> tracks = traffic.computeIfAbsent(session, k -> new LinkedHashMap<>());
    long now = SimClock.millis();
    for (Object x : observations) {
      JsonObject o = (JsonObject) x;
      String icao = o.getString("icao_address");
      if (!tracks.containsKey(icao) && tracks.size() >= options.maxAircraftPerSession()) {
        throw Refusal.message(507, "Emulator storage full: " + tracks.size() + " aircraft in session " + session
            + " (emulator.max_aircraft_per_session)");
      }
      tracks.put(icao, new Track(o, now));
      feed.add(session, o, now);
      daa.intruder(icao, o, now);
    }
    observationsTotal += observations.size();
    observationsBySession.merge(session, (long) observations.size(), Long::sum);
    return new JsonObject().put("message", "OK").put("status", 201);
  }

  JsonObject counts() {
    return new JsonObject().put("telemetry_observations", telemetryTotal).put("air_traffic_observations", observationsTotal)
        .put("air_traffic_sessions", traffic.size())
        .put("aircraft", traffic.values().stream().mapToInt(Map::size).sum());
  }

  void clear() {
    telemetry.clear();
    traffic.clear();
    observationsBySession.clear();
    observationsTotal = 0;
    telemetryTotal = 0;
  }

  static JsonArray array(JsonObject o, String key) {
    return o.getValue(key) instanceof JsonArray a ? a : null;
  }
}
