package org.openutm.verification.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.scenario.expression.EvalContext;
import org.openutm.verification.scenario.expression.ExpressionException;

/**
 * One user's session: results by step id, background tasks by UUID, executions in flight. Confined to the session
 * verticle's context (its only writer), so it needs no locks. {@link #generation()} changes on every reset, so late
 * replies from a previous generation are dropped rather than written into the new one.
 */
public final class Session {
  private final String id;
  private final long createdAt = SimClock.wallMillis();
  private long lastAccess = createdAt;
  private int generation;
  private int running;
  /** By step id: a StepResult, or the BackgroundTask of a step still running (its record is built on demand). */
  /** A step's entry: its record once done, or the task that still runs it. */
  sealed interface Entry permits Done, Running {
    JsonObject record();

    String name();
  }

  record Done(JsonObject record) implements Entry {
    public String name() {
      return record.getString("name");
    }
  }

  record Running(BackgroundTask task) implements Entry {
    public JsonObject record() {
      return task.runningRecord();
    }

    public String name() {
      return task.name();
    }
  }

  private final Map<String, Entry> results = new LinkedHashMap<>();
  private final Map<String, BackgroundTask> tasks = new LinkedHashMap<>();
  /** Foreground executions in flight: execution id -> the run it belongs to ("" for a single step). */
  private final Map<String, String> executions = new java.util.HashMap<>();
  private final Consumer<JsonObject> events;
  private final Map<String, Consumer<JsonObject>> runSinks = new java.util.HashMap<>();
  private Consumer<JsonObject> stepListener;
  private long seq;
  private final Map<String, JsonObject> clientStates = new java.util.HashMap<>();
  private JsonObject configOverrides = new JsonObject();
  private final EffectiveConfig.Cache stepConfigs = new EffectiveConfig.Cache();
  private final EffectiveConfig.Cache expressionConfigs = new EffectiveConfig.Cache();
  /** Results recorded so far; the last run's report stands for the session while no result came after it. */
  private long recorded;
  private long runReportAt = -1;
  private io.vertx.core.Future<String> runReport;
  /** The toolkit's scenario data (flight_declaration_data, telemetry_data, air_traffic_data, ...) since the run began. */
  private JsonObject reportData = new JsonObject();

  public Session(String id, Consumer<JsonObject> events) {
    this.id = id;
    this.events = events;
  }

  public String id() {
    return id;
  }

  public int generation() {
    return generation;
  }

  public void touch() {
    lastAccess = SimClock.wallMillis();
  }

  public long lastAccess() {
    return lastAccess;
  }

  /** Stores (or replaces) a step's result under its id and publishes it. */
  public void record(JsonObject stepResult) {
    record(stepResult, null);
  }

  /** As {@link #record(JsonObject)}, the event tagged with the run it belongs to (null: a single step). */
  public void record(JsonObject stepResult, String runId) {
    String key = stepResult.getString("id") != null ? stepResult.getString("id") : stepResult.getString("name");
    if (key != null) {
      results.remove(key);
      results.put(key, new Done(stepResult));
    }
    recorded++;
    publish(new JsonObject().put("type", "step").put("run_id", runId).put("result", stepResult));
  }

  /**
   * Publishes an event on the session's address, numbered by a per-session sequence; an event of a run also goes to
   * that run's sink (its replay log and state).
   */
  public void publish(JsonObject event) {
    event.put("session", id).put("seq", ++seq);
    if (stepListener != null && "step".equals(event.getString("type"))) {
      stepListener.accept(event);
    }
    String runId = event.getString("run_id");
    if (runId != null) {
      Consumer<JsonObject> sink = runSinks.get(runId);
      if (sink != null) {
        sink.accept(event);
      }
    } else {
      event.remove("run_id");
    }
    events.accept(event);
  }

  /**
   * The config a step's operation sees: the startup config, the sections saved since (PUT /api/config), the
   * session's overrides (POST /session/reset {"config"}) and the run's; built once while none of them changes.
   */
  public org.openutm.verification.config.AppConfig stepConfig(org.openutm.verification.config.AppConfig startup,
      JsonObject saved, JsonObject run) {
    return stepConfigs.get(startup, saved, configOverrides, run).config();
  }

  /** What {@code ${{ config... }}} and {@code data_files} of a run read: the current config with the same overrides. */
  EffectiveConfig expressionConfig(org.openutm.verification.config.AppConfig current, JsonObject run) {
    return expressionConfigs.get(current, configOverrides, run);
  }

  public void setConfigOverrides(JsonObject overrides) {
    this.configOverrides = overrides == null ? new JsonObject() : overrides.copy();
  }

  public JsonObject configOverrides() {
    return configOverrides;
  }

  /**
   * What a client remembers for this session between steps (latest declaration id, generated telemetry...): a
   * snapshot that is never changed (workers read it while the session goes on); {@link #updateClientState} replaces it.
   */
  public JsonObject clientState(String client) {
    return clientStates.computeIfAbsent(client, k -> new JsonObject());
  }

  /** A new snapshot: the current one with {@code updates} on top (shallow; a worker sends whole values). */
  public void updateClientState(String client, JsonObject updates) {
    JsonObject next = new JsonObject(new java.util.LinkedHashMap<>(clientState(client).getMap()));
    clientStates.put(client, next.mergeIn(updates));
  }

  /** Sees every step record of the session, of runs and single steps alike (the single-step engine's state). */
  public void onStep(Consumer<JsonObject> listener) {
    this.stepListener = listener;
  }

  public void addRunSink(String runId, Consumer<JsonObject> sink) {
    runSinks.put(runId, sink);
  }

  public void removeRunSink(String runId) {
    runSinks.remove(runId);
  }

  public JsonObject result(String stepId) {
    Entry e = results.get(stepId);
    return e == null ? null : e.record();
  }

  public JsonArray results() {
    JsonArray a = new JsonArray(new ArrayList<>(results.size()));
    results.values().forEach(v -> a.add(v.record()));
    return a;
  }

  /** The session's tasks, a copy. */
  public List<BackgroundTask> tasks() {
    return List.copyOf(tasks.values());
  }

  /**
   * Registers a started task and records its step as running (publishing the running record); the running count
   * falls when its future completes.
   */
  public void addTask(BackgroundTask task, String runId) {
    tasks.put(task.taskId(), task);
    results.remove(task.stepId());
    results.put(task.stepId(), new Running(task));
    publish(new JsonObject().put("type", "step").put("run_id", runId).put("result", task.runningRecord()));
    running++;
  }

  /** A task of this generation ended (its executor completed it): one fewer running. A reset counts afresh. */
  public void taskEnded() {
    running--;
  }

  public int runningTasks() {
    return running;
  }

  public void startExecution(String executionId, String runId) {
    executions.put(executionId, runId == null ? "" : runId);
  }

  public void endExecution(String executionId) {
    executions.remove(executionId);
  }

  /** The foreground executions of one run in flight (a stop cancels these, not the session's others). */
  public List<String> executionsOf(String runId) {
    return executions.entrySet().stream().filter(e -> e.getValue().equals(runId)).map(Map.Entry::getKey).toList();
  }

  /** A task by its UUID or, as the toolkit's joins name them, by the step id it runs (the latest task of that step). */
  public BackgroundTask task(String taskId) {
    BackgroundTask t = tasks.get(taskId);
    if (t == null && taskId != null) {
      for (BackgroundTask candidate : tasks.values()) {
        if (taskId.equals(candidate.stepId())) {
          t = candidate;
        }
      }
    }
    if (t == null) {
      throw ServiceException.notFound("task_id", "no task '" + taskId + "' in session '" + id + "'");
    }
    return t;
  }

  /** Keeps what a step's operation reported; air_traffic_data accumulates (at most 100,000 observations). */
  public void addReportData(JsonObject data) {
    if (data == null) {
      return;
    }
    for (String k : data.fieldNames()) {
      Object v = data.getValue(k);
      if (k.equals("air_traffic_data") && v instanceof JsonArray more) {
        JsonArray all = reportData.getJsonArray(k, new JsonArray());
        for (int i = 0; i < more.size() && all.size() < 100_000; i++) {
          all.add(more.getValue(i));
        }
        reportData.put(k, all);
      } else {
        reportData.put(k, v);
      }
    }
  }

  public JsonObject reportData() {
    return reportData;
  }

  /** A run starts its scenario's data afresh, as the toolkit's scenario state does. */
  public void clearReportData() {
    reportData = new JsonObject();
  }

  /** The report a run of this session is writing (or wrote): it holds every result recorded so far. */
  public void runReport(io.vertx.core.Future<String> reportId) {
    runReport = reportId;
    runReportAt = recorded;
  }

  /** The last run's report id while no result came after that run, else null (POST /session/generate-report). */
  public io.vertx.core.Future<String> currentRunReport() {
    return runReport != null && runReportAt == recorded ? runReport : null;
  }

  /**
   * Ends every task and forgets every result. Pending joins fail with GONE; the execution ids in flight are returned
   * so the caller can publish their cancellation.
   */
  public List<String> clear(String reason) {
    generation++;
    List<String> cancelled = new ArrayList<>(executions.keySet());
    executions.clear();
    tasks.values().stream().filter(t -> !t.future().isComplete()).forEach(t -> cancelled.add(t.executionId()));
    ServiceException gone = new ServiceException(ErrorCode.GONE, "task cancelled: " + reason);
    tasks.values().forEach(t -> t.fail(gone));
    tasks.clear();
    running = 0;
    results.clear();
    clientStates.clear();
    runReport = null;
    reportData = new JsonObject();
    return cancelled;
  }

  /** A step's record by id, by display name (the latest), or by a looped id ending in ".id". */
  public JsonObject lookup(String key) {
    Entry r = results.get(key);
    if (r != null) {
      return r.record();
    }
    Entry found = null;
    for (Entry v : results.values()) {
      if (key.equals(v.name())) {
        found = v;
      }
    }
    if (found == null) {
      for (Map.Entry<String, Entry> e : results.entrySet()) {
        if (e.getKey().endsWith("." + key)) {
          found = e.getValue();
        }
      }
    }
    return found == null ? null : found.record();
  }

  /** The expression context of a single step: the session's results. */
  public EvalContext evalContext() {
    return key -> {
      JsonObject r = lookup(key);
      if (r == null) {
        throw new ExpressionException("no step '" + key + "' has run in session '" + id + "'");
      }
      return r;
    };
  }

  /**
   * The context a join's {@code task_id} is resolved in: a background step's record reads as it did when it started
   * ({@code result: {task_id}}), even after its final result replaced it, so {@code steps.X.result.task_id} always
   * names the task.
   */
  public EvalContext taskIdContext() {
    return taskIdView(evalContext());
  }

  /** {@code base} with every background step's record read as {result: {task_id}} (see {@link #taskIdContext}). */
  public static EvalContext taskIdView(EvalContext base) {
    return new EvalContext() {
      @Override
      public Object step(String key) {
        JsonObject r = (JsonObject) base.step(key);
        String taskId = r.getString("task_id");
        return taskId == null ? r : r.copy().put("result", new JsonObject().put("task_id", taskId));
      }

      @Override
      public Object group(String key) {
        return base.group(key);
      }

      @Override
      public Object loop(String field) {
        return base.loop(field);
      }
    };
  }

  public JsonObject describe() {
    return new JsonObject().put("session_id", id).put("created_at", java.time.Instant.ofEpochMilli(createdAt).toString())
        .put("last_access", java.time.Instant.ofEpochMilli(lastAccess).toString()).put("results", results.size())
        .put("tasks", tasks.size()).put("running_tasks", runningTasks());
  }
}
