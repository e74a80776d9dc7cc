package org.openutm.verification.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openutm.verification.clock.SimClock;

/**
 * What a run knows, fed by its own event stream: the latest record of each step (in first-seen order), the number
 * of counted failures (continue-on-error ones excluded), and the events so far for replay to late SSE consumers.
 */
final class RunState {
  static final int MAX_EVENTS = 200_000;

  final String runId;
  final String scenario;
  final Instant startTime = SimClock.now();
  final long startNanos = SimClock.nanos();
  final long startWallNanos = SimClock.wallNanos();
  final Map<String, JsonObject> results = new LinkedHashMap<>();
  final List<JsonObject> events = new ArrayList<>();
  int countedFailures;
  boolean stopped;
  String status = "running";
  String error;
  Instant endTime;
  double duration;
  double wallDuration;
  long droppedEvents;

  private final boolean keepEvents;

  RunState(String runId, String scenario) {
    this(runId, scenario, true);
  }

  /** {@code keepEvents}: false for a session's single steps, which have no replay log. */
  RunState(String runId, String scenario, boolean keepEvents) {
    this.runId = runId;
    this.scenario = scenario;
    this.keepEvents = keepEvents;
  }

  void onEvent(JsonObject event) {
    if (!keepEvents) {
      // the record only
    } else if (events.size() < MAX_EVENTS) {
      events.add(event);
    } else {
      droppedEvents++;
    }
    if ("step".equals(event.getString("type"))) {
      JsonObject r = event.getJsonObject("result");
      String id = r.getString("id");
      JsonObject old = results.put(id, r);
      countedFailures += counts(r) - (old == null ? 0 : counts(old));
    }
  }

  private static int counts(JsonObject r) {
    // an aggregate (loop or group) record repeats its inner failures: it is not counted again
    return "failure".equals(r.getString("status")) && !r.getBoolean("continue_on_error", false)
        && !r.getBoolean("aggregate", false) ? 1 : 0;
  }

  /** Simulated seconds per wall second of this run so far (the configured speed when nothing held the clock back). */
  double achieved() {
    double wall = endTime == null ? (SimClock.wallNanos() - startWallNanos) / 1e9 : wallDuration;
    double sim = endTime == null ? (SimClock.nanos() - startNanos) / 1e9 : duration;
    return wall <= 0 ? SimClock.speed() : Math.round(sim / wall * 100) / 100.0;
  }

  boolean done() {
    return endTime != null;
  }

  JsonObject summary(boolean withResults) {
    JsonObject j = new JsonObject().put("run_id", runId).put("scenario", scenario).put("status", status)
        .put("error", error).put("start_time", startTime.toString())
        .put("end_time", endTime == null ? null : endTime.toString())
        .put("duration", endTime == null ? (SimClock.nanos() - startNanos) / 1e9 : duration)
        .put("wall_duration", endTime == null ? (SimClock.wallNanos() - startWallNanos) / 1e9 : wallDuration)
        .put("speed", SimClock.speed()).put("achieved_speed", achieved())
        .put("steps", results.size()).put("failures", countedFailures);
    if (withResults) {
      j.put("results", new JsonArray(new ArrayList<>(results.values())));
    }
    return j;
  }
}
