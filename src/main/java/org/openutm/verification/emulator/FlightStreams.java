package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * Telemetry per declaration (accepted only for active operations, checked for conformance with the declared volume)
 * and air traffic per session (latest state per aircraft plus counters). Bounded: a full store refuses with 507.
 */
final class FlightStreams {
  /** One aircraft's latest observation in a session, and when it arrived. */
  record Track(JsonObject observation, long receivedMillis) {
  }

  private final EmulatorOptions options;
  private final Declarations declarations;
  private final DaaEngine daa;
  private final Map<String, Deque<JsonObject>> telemetry = new HashMap<>();
  private final Map<String, Map<String, Track>> traffic = new LinkedHashMap<>();
  private final Map<String, Long> observationsBySession = new HashMap<>();
  private long observationsTotal;
  private long telemetryTotal;

  FlightStreams(EmulatorOptions options, Declarations declarations, DaaEngine daa) {
    this.options = options;
    this.declarations = declarations;
    this.daa = daa;
  }

  JsonObject submitTelemetry(JsonObject body) {
    JsonArray observations = array(body, "observations");
    if (observations == null || observations.isEmpty()) {
      throw Refusal.message(400, "observations are required: a non-empty list of {current_states, flight_details}");
    }
    Instant now = Instant.now();
    for (int i = 0; i < observations.size(); i++) {
      JsonObject o = observations.getValue(i) instanceof JsonObject x ? x : null;
      JsonArray states = o == null ? null : array(o, "current_states");
      JsonObject details = o == null || !(o.getValue("flight_details") instanceof JsonObject d) ? null : d;
      if (states == null || states.isEmpty()) {
        throw Refusal.message(400, "observation " + i + ": current_states must be a non-empty list");
      }
      if (details == null || !(details.getValue("id") instanceof String id) || id.isBlank()) {
        throw Refusal.message(400, "observation " + i + ": flight_details with the declaration id is required");
      }
      for (Object s : states) {
        checkState(s, i);
      }
      JsonObject d;
      try {
        d = declarations.get(id);
      } catch (Refusal r) {
        throw Refusal.message(400, "Flight Declaration with ID " + id + " does not exist");
      }
      Instant start = Instant.parse(d.getString("start_datetime"));
      Instant end = Instant.parse(d.getString("end_datetime"));
      if (now.isBefore(start) || now.isAfter(end)) {
        throw Refusal.message(400, "The operation " + id + " is not active: telemetry is accepted between "
            + start + " and " + end);
      }
      int state = d.getInteger("state");
      if (!Declarations.ACTIVE_STATES.contains(state)) {
        throw Refusal.message(400, "The operation " + id + " is in state " + state + "; telemetry is accepted in "
            + "states 1, 2, 3 and 4");
      }
    }
    for (Object x : observations) {
      JsonObject o = (JsonObject) x;
      String id = o.getJsonObject("flight_details").getString("id");
      Deque<JsonObject> q = telemetry.computeIfAbsent(id, k -> new ArrayDeque<>());
      if (q.size() >= options.maxTelemetryPerDeclaration()) {
        throw Refusal.message(507, "Emulator storage full: " + q.size() + " telemetry observations for " + id
            + " (emulator.max_telemetry_per_declaration)");
      }
      for (Object s : o.getJsonArray("current_states")) {
        q.add((JsonObject) s);
        telemetryTotal++;
        daa.ownship(id, (JsonObject) s, now.toEpochMilli());
        conformance(declarations.get(id), (JsonObject) s);
      }
    }
    return new JsonObject().put("message", "Telemetry data successfully submitted");
  }

  private static void checkState(Object s, int i) {
    if (!(s instanceof JsonObject st) || !(st.getValue("position") instanceof JsonObject p)
        || !(p.getValue("lat") instanceof Number lat) || !(p.getValue("lng") instanceof Number lng)
        || Math.abs(lat.doubleValue()) > 90 || Math.abs(lng.doubleValue()) > 180) {
      throw Refusal.message(400, "observation " + i + ": each current state needs position.lat and position.lng");
    }
    if (!(st.getValue("timestamp") instanceof JsonObject ts) || !(ts.getValue("value") instanceof String)) {
      throw Refusal.message(400, "observation " + i + ": each current state needs timestamp.value (RFC3339)");
    }
  }

  /** Outside the declared volume while Activated: Nonconforming (3), as Flight Blender's conformance monitor does. */
  private void conformance(JsonObject d, JsonObject state) {
    if (d.getInteger("state") != 2) {
      return;
    }
    String[] b = d.getString("bounds").split(",");
    Geo.Box box = new Geo.Box(Double.parseDouble(b[0]), Double.parseDouble(b[1]), Double.parseDouble(b[2]),
        Double.parseDouble(b[3]));
    JsonObject p = state.getJsonObject("position");
    if (!box.contains(p.getDouble("lng"), p.getDouble("lat"), options.conformanceMarginDegrees())) {
      declarations.setState(d, 3, "conformance monitoring: position " + p.getDouble("lat") + "," + p.getDouble("lng")
          + " is outside the declared volume");
    }
  }

  int telemetryCount(String declarationId) {
    Deque<JsonObject> q = telemetry.get(declarationId);
    return q == null ? 0 : q.size();
  }

  Deque<JsonObject> telemetry(String declarationId) {
    return telemetry.getOrDefault(declarationId, new ArrayDeque<>());
  }

  JsonObject submitAirTraffic(String session, JsonObject body) {
    JsonArray observations = array(body, "observations");
    if (observations == null) {
      throw Refusal.message(400, "observations are required: a list of air traffic observations");
    }
    for (int i = 0; i < observations.size(); i++) {
      String problem = checkObservation(observations.getValue(i));
      if (problem != null) {
        throw new Refusal(400, new JsonObject().put("message", "observation " + i + ": " + problem)
            .put("status", 400));
      }
    }
    Map<String, Track> tracks = traffic.computeIfAbsent(session, k -> new LinkedHashMap<>());
    long now = System.currentTimeMillis();
    for (Object x : observations) {
      JsonObject o = (JsonObject) x;
      String icao = o.getString("icao_address");
      if (!tracks.containsKey(icao) && tracks.size() >= options.maxAircraftPerSession()) {
        throw Refusal.message(507, "Emulator storage full: " + tracks.size() + " aircraft in session " + session
            + " (emulator.max_aircraft_per_session)");
      }
      tracks.put(icao, new Track(o, now));
      daa.intruder(icao, o, now);
    }
    observationsTotal += observations.size();
    observationsBySession.merge(session, (long) observations.size(), Long::sum);
    return new JsonObject().put("message", "OK").put("status", 201);
  }

  static String checkObservation(Object x) {
    if (!(x instanceof JsonObject o)) {
      return "must be an object";
    }
    if (!(o.getValue("lat_dd") instanceof Number lat) || Math.abs(lat.doubleValue()) > 90) {
      return "lat_dd must be a latitude";
    }
    if (!(o.getValue("lon_dd") instanceof Number lon) || Math.abs(lon.doubleValue()) > 180) {
      return "lon_dd must be a longitude";
    }
    if (!(o.getValue("altitude_mm") instanceof Number)) {
      return "altitude_mm must be a number";
    }
    if (!(o.getValue("traffic_source") instanceof Number ts) || ts.intValue() < 0 || ts.intValue() > 15
        || ts.doubleValue() != ts.intValue()) {
      return "traffic_source must be an integer 0-15";
    }
    if (o.getValue("source_type") != null && !(o.getValue("source_type") instanceof Number)) {
      return "source_type must be an integer";
    }
    if (!(o.getValue("icao_address") instanceof String icao) || icao.isBlank() || icao.length() > 64) {
      return "icao_address must be a non-empty string";
    }
    if (!(o.getValue("timestamp") instanceof Number)) {
      return "timestamp must be a number";
    }
    if (o.getValue("metadata") != null && !(o.getValue("metadata") instanceof JsonObject)) {
      return "metadata must be an object";
    }
    return null;
  }

  /** Aircraft seen within {@code maxAgeMillis} in {@code session}, or in any session when it has none. */
  Map<String, Track> activeTracks(String session, long maxAgeMillis) {
    long cutoff = System.currentTimeMillis() - maxAgeMillis;
    Map<String, Track> out = new LinkedHashMap<>();
    Map<String, Track> own = traffic.get(session);
    Iterable<Map<String, Track>> sources = own != null && !own.isEmpty() ? java.util.List.of(own) : traffic.values();
    for (Map<String, Track> m : sources) {
      m.forEach((icao, t) -> {
        if (t.receivedMillis() >= cutoff) {
          out.put(icao, t);
        }
      });
    }
    return out;
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
