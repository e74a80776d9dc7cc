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
  /**
   * The latest record of each step, in first-seen order. A background step's running record is not kept (it is
   * rendered by the session from its task when asked: about 700 bytes less per running task); {@link #RUNNING} holds
   * its place.
   */
  private final Map<String, JsonObject> results = new LinkedHashMap<>();
  /** How many of {@link #results} carry each display name (references may name a step by its name). */
  private final Map<String, Integer> names = new java.util.HashMap<>();
  private static final JsonObject RUNNING = new JsonObject();
  /** The session's record of a step (what a running background step's record is rendered from). */
  private final java.util.function.Function<String, JsonObject> live;
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

  RunState(String runId, String scenario, java.util.function.Function<String, JsonObject> live) {
    this(runId, scenario, true, live);
  }

  /** {@code keepEvents}: false for a session's single steps, which have no replay log. */
  RunState(String runId, String scenario, boolean keepEvents, java.util.function.Function<String, JsonObject> live) {
    this.runId = runId;
    this.scenario = scenario;
    this.keepEvents = keepEvents;
    this.live = live;
  }

  /** The latest record of step {@code id}, or null. */
  JsonObject get(String id) {
    JsonObject r = results.get(id);
    return r == RUNNING ? running(id) : r;
  }

  private JsonObject running(String id) {
    JsonObject r = live.apply(id);
    return r == null ? StepResults.of(id, null, null, StepResults.RUNNING, 0.0, null, null, null) : r;
  }

  /** Every record, in first-seen order. */
  List<JsonObject> records() {
    List<JsonObject> out = new ArrayList<>(results.size());
    results.forEach((id, r) -> out.add(r == RUNNING ? running(id) : r));
    return out;
  }

  /** The latest record with this display name, or null. */
  JsonObject byName(String name) {
    if (!names.containsKey(name)) {
      return null;
    }
    JsonObject found = null;
    for (String id : results.keySet()) {
      JsonObject r = get(id);
      if (name.equals(r.getString("name"))) {
        found = r;
      }
    }
    return found;
  }

  /** The latest record whose id ends in ".{@code key}" (a looped group's inner step), or null. */
  JsonObject bySuffix(String key) {
    String suffix = "." + key;
    String last = null;
    for (String id : results.keySet()) {
      if (id.endsWith(suffix)) {
        last = id;
      }
    }
    return last == null ? null : get(last);
  }

  /** The ids and display names a later step may refer to. */
  java.util.Set<String> keys() {
    java.util.Set<String> keys = new java.util.LinkedHashSet<>(results.keySet());
    keys.addAll(names.keySet());
    return keys;
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
      boolean running = StepResults.RUNNING.equals(r.getString("status")) && r.getValue("task_id") != null;
      JsonObject old = results.put(id, running ? RUNNING : r);
      if (old == RUNNING) {
        old = null; // a running record counts nothing and its name is counted below once more: undo that first
        String name = r.getString("name");
        if (name != null) {
          names.computeIfPresent(name, (k, n) -> n == 1 ? null : n - 1);
        }
      }
      countedFailures += counts(r) - (old == null ? 0 : counts(old));
      if (old != null && old.getString("name") != null) {
        names.computeIfPresent(old.getString("name"), (k, n) -> n == 1 ? null : n - 1);
      }
      if (r.getString("name") != null) {
        names.merge(r.getString("name"), 1, Integer::sum);
      }
    }
  }

  /** Whether a recorded step has this id or this display name. */
  boolean knows(Object key) {
    return results.containsKey(key) || names.containsKey(key);
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
      j.put("results", new JsonArray(records()));
    }
    return j;
  }
}
