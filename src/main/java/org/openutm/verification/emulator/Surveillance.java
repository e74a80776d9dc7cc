package org.openutm.verification.emulator;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * SDSP surveillance sessions: started and stopped by id, each ticking at 1 Hz for up to 30 minutes. A tick is a
 * heartbeat, and a track update built from the air traffic received; both are pushed to the session's WebSocket
 * subscribers. Every tick is recorded, so service_metrics reports what really happened.
 */
final class Surveillance {
  static final Pattern SESSION_ID = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
  static final long SESSION_MILLIS = 30 * 60 * 1000L;
  static final long TRACK_MAX_AGE_MILLIS = 5_000;

  /** One session: its ticks (time, on schedule, had tracks) and its timer. */
  static final class Session {
    final String id;
    final long startedMillis = System.currentTimeMillis();
    long timerId = -1;
    long stoppedMillis = -1;
    long lastTickNanos;
    final List<long[]> ticks = new ArrayList<>();

    Session(String id) {
      this.id = id;
    }

    boolean active() {
      return stoppedMillis < 0;
    }
  }

  final Map<String, Session> sessions = new LinkedHashMap<>();
  final Map<String, List<ServerWebSocket>> heartbeatSubscribers = new HashMap<>();
  final Map<String, List<ServerWebSocket>> trackSubscribers = new HashMap<>();
  private final EmulatorOptions options;
  private final FlightStreams streams;

  Surveillance(EmulatorOptions options, FlightStreams streams) {
    this.options = options;
    this.streams = streams;
  }

  static String checkId(String id) {
    if (id == null || !SESSION_ID.matcher(id).matches()) {
      throw new Refusal(400, new JsonObject().put("error", "Invalid surveillance_session_id provided: " + id));
    }
    return id;
  }

  /** start/stop; {@code startTimer} starts the 1 Hz ticker and answers its id. */
  JsonObject startStop(String id, JsonObject body, java.util.function.Function<Session, Long> startTimer,
      java.util.function.LongConsumer cancelTimer) {
    checkId(id);
    Object action = body.getValue("action");
    if ("start".equals(action)) {
      Session existing = sessions.get(id);
      if (existing != null && existing.active()) {
        throw new Refusal(400, new JsonObject().put("error", "Surveillance monitoring heartbeat task already exists"));
      }
      Session s = new Session(id);
      s.lastTickNanos = System.nanoTime();
      sessions.put(id, s);
      s.timerId = startTimer.apply(s);
      return new JsonObject().put("status", "Surveillance monitoring heartbeat started");
    }
    if ("stop".equals(action)) {
      Session s = sessions.get(id);
      if (s == null || !s.active()) {
        throw new Refusal(400, new JsonObject().put("error", "No surveillance monitoring task for session " + id));
      }
      stop(s, cancelTimer);
      return new JsonObject().put("status", "Surveillance monitoring tasks removed successfully");
    }
    throw new Refusal(400, new JsonObject().put("error", "action must be start or stop"));
  }

  void stop(Session s, java.util.function.LongConsumer cancelTimer) {
    s.stoppedMillis = System.currentTimeMillis();
    cancelTimer.accept(s.timerId);
  }

  /** One 1 Hz tick: record it, push a heartbeat and the current tracks to the subscribers. */
  void tick(Session s, java.util.function.LongConsumer cancelTimer) {
    long now = System.nanoTime();
    long interval = now - s.lastTickNanos;
    s.lastTickNanos = now;
    if (System.currentTimeMillis() - s.startedMillis > SESSION_MILLIS) {
      stop(s, cancelTimer);
      return;
    }
    double expected = options.tickMillis() * 1e6;
    boolean onTime = Math.abs(interval - expected) <= expected * 0.1;
    Map<String, FlightStreams.Track> tracks = streams.activeTracks(s.id, TRACK_MAX_AGE_MILLIS);
    s.ticks.add(new long[] {System.currentTimeMillis(), onTime ? 1 : 0, tracks.isEmpty() ? 0 : 1});
    if (s.ticks.size() > 10_000) {
      s.ticks.remove(0);
    }
    String ts = Instant.now().toString();
    JsonObject heartbeat = new JsonObject().put("surveillance_sdsp_name", "Flight Blender emulator SDSP")
        .put("meets_sla_surveillance_requirements", true).put("meets_sla_rr_lr_requirements", true)
        .put("average_latency_or_95_percentile_latency_ms", 250).put("horizontal_or_vertical_95_percentile_accuracy_m", 30)
        .put("timestamp", ts);
    send(heartbeatSubscribers.get(s.id), options.fastapi() ? heartbeat : new JsonObject().put("heartbeat_data", heartbeat));
    JsonArray trackData = new JsonArray();
    tracks.forEach((icao, t) -> trackData.add(track(icao, t.observation(), ts)));
    send(trackSubscribers.get(s.id), options.fastapi() ? new JsonObject().put("tracks", trackData)
        : new JsonObject().put("track_data", trackData));
  }

  private static JsonObject track(String icao, JsonObject o, String ts) {
    JsonObject meta = o.getValue("metadata") instanceof JsonObject m ? m : new JsonObject();
    JsonObject cs = meta.getValue("current_state") instanceof JsonObject c ? c : new JsonObject();
    double altM = ((Number) o.getValue("altitude_mm")).doubleValue() / 1000.0;
    return new JsonObject().put("sdsdp_identifier", "flight-blender-emulator").put("unique_aircraft_identifier", icao)
        .put("state", new JsonObject().put("position", new JsonObject().put("lat", o.getValue("lat_dd"))
            .put("lng", o.getValue("lon_dd")).put("alt", altM).put("accuracy_h", "HAUnknown").put("accuracy_v", "VAUnknown")
            .put("extrapolated", false).put("pressure_altitude", altM))
            .put("speed_accuracy", "SAUnknown").put("speed", cs.getValue("speed", 0)).put("track", cs.getValue("track", 0))
            .put("vertical_speed", cs.getValue("vertical_speed", 0)))
        .put("timestamp", ts).put("source", o.getValue("traffic_source")).put("track_state", "active");
  }

  private static void send(List<ServerWebSocket> subscribers, JsonObject frame) {
    if (subscribers == null || subscribers.isEmpty()) {
      return;
    }
    String text = frame.encode();
    for (ServerWebSocket ws : new ArrayList<>(subscribers)) {
      if (!ws.isClosed()) {
        ws.writeTextMessage(text);
      }
    }
  }

  /** service_metrics over [start, end] for one session id or all. */
  JsonObject metrics(String sessionId, Instant start, Instant end, Sensors sensors) {
    JsonArray rates = new JsonArray();
    JsonArray delivery = new JsonArray();
    JsonArray trackProb = new JsonArray();
    long from = start.toEpochMilli();
    long to = end.toEpochMilli();
    for (Session s : sessions.values()) {
      if (sessionId != null && !sessionId.replace("-", "").equalsIgnoreCase(s.id.replace("-", ""))) {
        continue;
      }
      long activeFrom = Math.max(from, s.startedMillis);
      long activeTo = Math.min(to, s.active() ? System.currentTimeMillis() : s.stoppedMillis);
      if (activeTo <= activeFrom) {
        continue;
      }
      int total = 0;
      int onTime = 0;
      int withTracks = 0;
      for (long[] t : s.ticks) {
        if (t[0] >= activeFrom && t[0] <= activeTo) {
          total++;
          onTime += (int) t[1];
          withTracks += (int) t[2];
        }
      }
      double seconds = (activeTo - activeFrom) / 1000.0;
      long expected = Math.max(total, (long) Math.floor(seconds * 1000.0 / options.tickMillis()));
      String ws = Instant.ofEpochMilli(activeFrom).toString();
      String we = Instant.ofEpochMilli(activeTo).toString();
      rates.add(new JsonObject().put("measured_rate_hz", seconds <= 0 ? 0.0 : Math.min(total / seconds, 1000.0 / options.tickMillis()))
          .put("target_rate_hz", 1000.0 / options.tickMillis()).put("session_id", s.id).put("window_start", ws)
          .put("window_end", we).put("total_heartbeats_in_window", total));
      delivery.add(new JsonObject().put("probability", expected == 0 ? 0.0 : (double) onTime / expected)
          .put("delivered_on_time", onTime).put("total_expected", expected).put("session_id", s.id)
          .put("window_start", ws).put("window_end", we));
      trackProb.add(new JsonObject().put("probability", total == 0 ? 0.0 : (double) withTracks / total)
          .put("ticks_with_active_tracks", withTracks).put("total_ticks", total).put("session_id", s.id)
          .put("window_start", ws).put("window_end", we));
    }
    JsonArray health = sensors.health(start, end);
    return new JsonObject().put("heartbeat_rates", rates).put("heartbeat_delivery_probabilities", delivery)
        .put("track_update_probabilities", trackProb).put("per_sensor_health", health)
        .put("aggregate_health", aggregate(health, start, end))
        .put("active_sessions", sessions.values().stream().filter(Session::active).count())
        .put("window_start", start.toString()).put("window_end", end.toString());
  }

  private static JsonObject aggregate(JsonArray health, Instant start, Instant end) {
    return new JsonObject().put("avg_mttr_seconds", avg(health, "mttr_seconds"))
        .put("avg_auto_recovery_time_seconds", avg(health, "auto_recovery_time_seconds"))
        .put("avg_mtbf_with_auto_recovery_seconds", avg(health, "mtbf_with_auto_recovery_seconds"))
        .put("avg_mtbf_without_auto_recovery_seconds", avg(health, "mtbf_without_auto_recovery_seconds"))
        .put("total_sensors", health.size()).put("window_start", start.toString()).put("window_end", end.toString());
  }

  private static Double avg(JsonArray health, String key) {
    double sum = 0;
    int n = 0;
    for (Object o : health) {
      Object v = ((JsonObject) o).getValue(key);
      if (v instanceof Number x) {
        sum += x.doubleValue();
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }
}
