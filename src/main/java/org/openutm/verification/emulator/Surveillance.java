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
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * SDSP surveillance sessions as both eras run them (master: services/surveillance_svc.py, tasks/scheduler.py,
 * tasks/surveillance_task.py; Django d874eb0: surveillance_monitoring_operations/views.py, tasks.py,
 * common/database_operations.py). START writes a session row valid for 30 minutes and two tasks, heartbeat and
 * track, that tick from one second after START until 60 s after it (their {@code expires}); master re-queues each
 * tick one second after its own work, Django's beat runs them every second. Each tick records an event (what
 * service_metrics computes from) and publishes a frame to the session's WebSocket listeners: master sends the bare
 * heartbeat object and the bare track array, Django wraps them in {@code heartbeat_data} / {@code track_data}.
 */
final class Surveillance {
  static final long SESSION_MILLIS = 30 * 60 * 1000L;
  static final long TASK_MILLIS = 60 * 1000L;
  static final int MAX_TRACK_HISTORY = 100;

  /** One session: its row, its tasks, the events they recorded and its active tracks. */
  static final class Session {
    final String id;
    final long startedMillis;
    final long validUntilMillis;
    boolean tasks = true;
    final List<long[]> heartbeats = new ArrayList<>();
    final List<long[]> trackTicks = new ArrayList<>();
    final Map<String, List<JsonObject>> tracks = new LinkedHashMap<>();
    final List<Long> timers = new ArrayList<>();

    Session(String id, long now) {
      this.id = id;
      this.startedMillis = now;
      this.validUntilMillis = now + SESSION_MILLIS;
    }

    boolean ticking(long now) {
      return tasks && now <= startedMillis + TASK_MILLIS;
    }
  }

  /** Timers of the verticle that owns this state. */
  interface Timers {
    long after(long millis, Runnable action);

    void cancel(long id);
  }

  final Map<String, Session> sessions = new LinkedHashMap<>();
  final Map<String, List<ServerWebSocket>> heartbeatListeners = new HashMap<>();
  final Map<String, List<ServerWebSocket>> trackListeners = new HashMap<>();
  private final EmulatorOptions options;
  private final Sensors sensors;
  private final AirTrafficFeed feed;

  Surveillance(EmulatorOptions options, Sensors sensors, AirTrafficFeed feed) {
    this.options = options;
    this.sensors = sensors;
    this.feed = feed;
  }

  /** PUT start_stop_surveillance_heartbeat_track/{id} with the body's action (already checked to be start/stop). */
  JsonObject startStop(String id, String action, Timers timers) {
    long now = SimClock.millis();
    Session existing = sessions.get(id);
    if ("start".equals(action)) {
      if (existing != null) {
        throw new Refusal(400, new JsonObject().put("error", "Surveillance monitoring heartbeat task already exists"));
      }
      Session s = new Session(id, now);
      sessions.put(id, s);
      schedule(s, true, timers);
      schedule(s, false, timers);
      return new JsonObject().put("status", "Surveillance monitoring heartbeat started");
    }
    if (existing == null) {
      throw new Refusal(400, new JsonObject().put("error", "Invalid surveillance_session_id provided: " + id));
    }
    if (!options.fastapi() && !existing.tasks) {
      throw new Refusal(400, new JsonObject().put("error", "No active surveillance monitoring tasks found for " + id));
    }
    stopTasks(existing, timers);
    return new JsonObject().put("status", "Surveillance monitoring tasks removed successfully");
  }

  void stopTasks(Session s, Timers timers) {
    s.tasks = false;
    s.timers.forEach(timers::cancel);
    s.timers.clear();
  }

  private void schedule(Session s, boolean heartbeat, Timers timers) {
    long delay = options.tickMillis() + (options.fastapi() ? options.tickDriftMillis() : 0);
    long[] timer = new long[1];
    timer[0] = timers.after(delay, () -> {
      s.timers.remove(timer[0]);
      long now = SimClock.millis();
      if (!s.ticking(now)) {
        return;
      }
      if (heartbeat) {
        heartbeat(s, now);
      } else {
        track(s, now);
      }
      schedule(s, heartbeat, timers);
    });
    s.timers.add(timer[0]);
  }

  private void heartbeat(Session s, long now) {
    int[] figures = sensors.primaryFigures();
    JsonObject beat = new JsonObject().put("surveillance_sdsp_name", s.id).put("meets_sla_surveillance_requirements", true)
        .put("meets_sla_rr_lr_requirements", true).put("average_latency_or_95_percentile_latency_ms", figures[0])
        .put("horizontal_or_vertical_95_percentile_accuracy_m", figures[1]).put("timestamp", Instant.ofEpochMilli(now).toString());
    send(heartbeatListeners.get(s.id), (options.fastapi() ? beat : new JsonObject().put("heartbeat_data", beat)).encode());
    s.heartbeats.add(new long[] {now, 1});
    trim(s.heartbeats);
  }

  private void track(Session s, long now) {
    for (JsonObject o : feed.readForTrack(now)) {
      List<JsonObject> history = s.tracks.computeIfAbsent(o.getString("icao_address"), k -> new ArrayList<>());
      history.add(o);
      if (history.size() > MAX_TRACK_HISTORY) {
        history.remove(0);
      }
    }
    JsonArray messages = new JsonArray();
    String ts = Instant.ofEpochMilli(now).toString();
    s.tracks.forEach((icao, history) -> messages.add(TrackMessages.of(icao, history, ts, options.trackQuirks())));
    send(trackListeners.get(s.id), (options.fastapi() ? messages : new JsonObject().put("track_data", messages)).toString());
    s.trackTicks.add(new long[] {now, messages.isEmpty() ? 0 : 1});
    trim(s.trackTicks);
  }

  private static void trim(List<long[]> events) {
    if (events.size() > 100_000) {
      events.remove(0);
    }
  }

  static void send(List<ServerWebSocket> listeners, String text) {
    if (listeners == null || listeners.isEmpty()) {
      return;
    }
    for (ServerWebSocket ws : new ArrayList<>(listeners)) {
      if (!ws.isClosed()) {
        ws.writeTextMessage(text);
      }
    }
  }

  /** GET service_metrics over [start, end]; {@code sessionId} (canonical) only that session, else those with events. */
  JsonObject metrics(String sessionId, Instant start, Instant end) {
    long from = start.toEpochMilli();
    long to = end.toEpochMilli();
    List<String> ids = new ArrayList<>();
    if (sessionId != null) {
      ids.add(sessionId);
    } else {
      sessions.values().forEach(s -> {
        if (s.heartbeats.stream().anyMatch(e -> e[0] >= from && e[0] <= to)
            || s.trackTicks.stream().anyMatch(e -> e[0] >= from && e[0] <= to)) {
          ids.add(s.id);
        }
      });
    }
    JsonArray rates = new JsonArray();
    JsonArray delivery = new JsonArray();
    JsonArray trackProb = new JsonArray();
    long observations = feed.countBetween(from, to);
    String ws = start.toString();
    String we = end.toString();
    for (String id : ids) {
      Session s = sessions.get(id);
      List<long[]> beats = new ArrayList<>();
      if (s != null) {
        s.heartbeats.stream().filter(e -> e[0] >= from && e[0] <= to).forEach(beats::add);
      }
      int total = beats.size();
      double rate = 0.0;
      if (total >= 2) {
        double span = (beats.get(total - 1)[0] - beats.get(0)[0]) / 1000.0;
        rate = span > 0 ? Math.round((total - 1) / span * 100.0) / 100.0 : 0.0;
      }
      long onTime = beats.stream().filter(e -> e[1] == 1).count();
      rates.add(new JsonObject().put("measured_rate_hz", rate).put("target_rate_hz", 1.0).put("session_id", id)
          .put("window_start", ws).put("window_end", we).put("total_heartbeats_in_window", total));
      delivery.add(new JsonObject().put("probability", total == 0 ? 0.0 : Math.round(onTime * 1e6 / total) / 1e6)
          .put("delivered_on_time", onTime).put("total_expected", total).put("session_id", id)
          .put("window_start", ws).put("window_end", we));
      trackProb.add(new JsonObject().put("probability", observations > 0 ? 1.0 : 0.0)
          .put("ticks_with_active_tracks", observations).put("total_ticks", observations).put("session_id", id)
          .put("window_start", ws).put("window_end", we));
    }
    JsonArray health = SensorHealthMetrics.perSensor(sensors, start, end);
    long now = SimClock.millis();
    return new JsonObject().put("heartbeat_rates", rates).put("heartbeat_delivery_probabilities", delivery)
        .put("track_update_probabilities", trackProb).put("per_sensor_health", health)
        .put("aggregate_health", SensorHealthMetrics.aggregate(health, start, end))
        .put("active_sessions", sessions.values().stream().filter(x -> x.validUntilMillis >= now).count())
        .put("window_start", ws).put("window_end", we);
  }

  void clear(Timers timers) {
    sessions.values().forEach(s -> stopTasks(s, timers));
    sessions.clear();
  }
}
