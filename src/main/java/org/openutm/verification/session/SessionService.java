package org.openutm.verification.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.SessionAction;
import org.openutm.verification.engine.BackgroundTask;
import org.openutm.verification.engine.Session;
import org.openutm.verification.engine.StepExecutor;
import org.openutm.verification.engine.StepResults;

/**
 * The sessions of one node and the actions on them (step, join, task, reset, results, info). Plain logic on the
 * session verticle's context; the verticle only registers consumers and publishes events.
 */
public final class SessionService {
  public static final String DEFAULT = org.openutm.verification.core.Addresses.DEFAULT_SESSION;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final StepExecutor executor;
  private final java.util.function.Function<String, java.util.function.Consumer<JsonObject>> events;
  private final int maxSessions;
  private final long ttlMillis;

  /** {@code events}: for a session id, where that session's events go (made once per session). */
  public SessionService(StepExecutor executor,
      java.util.function.Function<String, java.util.function.Consumer<JsonObject>> events, int maxSessions,
      long ttlMillis) {
    this.executor = executor;
    this.events = events;
    this.maxSessions = maxSessions;
    this.ttlMillis = ttlMillis;
  }

  public StepExecutor executor() {
    return executor;
  }

  public static String checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ServiceException.badInput("session", "a session id is 1-64 characters of A-Z a-z 0-9 _ -");
    }
    return id;
  }

  public Session create(String requestedId) {
    String id = requestedId == null ? UUID.randomUUID().toString() : checkId(requestedId);
    if (sessions.containsKey(id)) {
      throw new ServiceException(ErrorCode.CONFLICT, "session '" + id + "' exists already",
          new JsonObject().put("field", "session_id"));
    }
    if (sessions.size() >= maxSessions) {
      throw new ServiceException(ErrorCode.TOO_MANY, "this node holds its maximum of " + maxSessions + " sessions",
          new JsonObject().put("field", "session_id"));
    }
    Session s = new Session(id, events.apply(id));
    sessions.put(id, s);
    return s;
  }

  public Session get(String id) {
    Session s = sessions.get(id);
    if (s == null) {
      throw ServiceException.notFound("session", "no session '" + id + "'");
    }
    return s;
  }

  /** Sessions held (sampled for the metrics on the session verticle's thread). */
  public int count() {
    return sessions.size();
  }

  /** Background tasks still running in every session (for the metrics scrape). */
  public int runningTasks() {
    int n = 0;
    for (Session s : sessions.values()) {
      for (BackgroundTask t : s.tasks()) {
        if (StepResults.RUNNING.equals(t.status())) {
          n++;
        }
      }
    }
    return n;
  }

  public boolean exists(String id) {
    return sessions.containsKey(id);
  }

  /** Removes a session, failing its joins and cancelling what it runs. */
  public Session delete(String id, String reason) {
    Session s = sessions.remove(id);
    if (s == null) {
      throw ServiceException.notFound("session", "no session '" + id + "'");
    }
    s.clear(reason).forEach(exec -> executor.cancel(exec, reason));
    executor.sessionClosed(id, reason);
    return s;
  }

  /** Sessions idle for longer than the TTL (the default session never expires): removed, tasks cancelled. */
  public List<String> expire(long now) {
    List<String> expired = new ArrayList<>();
    for (Session s : new ArrayList<>(sessions.values())) {
      if (!DEFAULT.equals(s.id()) && now - s.lastAccess() > ttlMillis) {
        delete(s.id(), "session expired after " + ttlMillis / 1000 + " s idle");
        expired.add(s.id());
      }
    }
    return expired;
  }

  public JsonArray list() {
    JsonArray a = new JsonArray();
    sessions.values().forEach(s -> a.add(s.describe()));
    return a;
  }

  /** One of the session's own actions (see {@link SessionAction}: those whose handler is SESSION). */
  public Future<JsonObject> handle(String sessionId, SessionAction action, JsonObject request) {
    try {
      Session s = get(sessionId);
      s.touch();
      return switch (action) {
        case JOIN -> executor.join(s, taskId(request));
        case TASK -> Future.succeededFuture(s.task(taskId(request)).describe());
        case TASKS -> Future.succeededFuture(new JsonObject().put("tasks",
            new JsonArray(s.tasks().stream().map(BackgroundTask::describe).toList())));
        case RESET -> {
          JsonObject overrides = overrides(request.getValue("config"));
          s.clear("session reset").forEach(exec -> executor.cancel(exec, "session reset"));
          executor.sessionClosed(s.id(), "session reset");
          s.setConfigOverrides(overrides);
          yield Future.succeededFuture(new JsonObject().put("status", "session_reset").put("session_id", s.id())
              .put("config_overrides", new JsonArray(new java.util.ArrayList<>(overrides.fieldNames()))));
        }
        case RESULTS -> Future.succeededFuture(new JsonObject().put("session_id", s.id()).put("results", s.results())
            .put("report_data", Boolean.TRUE.equals(request.getValue("report_data")) ? s.reportData().copy() : null));
        case RUN_REPORT -> {
          // the last run's report while nothing was recorded after it: an editor that runs and then asks for a
          // report gets that one folder, not a second
          Future<String> report = s.currentRunReport();
          yield report == null ? Future.succeededFuture(new JsonObject().putNull("report_id"))
              : report.map(id -> new JsonObject().put("report_id", id)).otherwise(new JsonObject().putNull("report_id"));
        }
        case INFO -> Future.succeededFuture(s.describe());
        default -> throw new IllegalStateException(action + " is not the session's own action");
      };
    } catch (ServiceException e) {
      return Future.failedFuture(e);
    }
  }

  /** Session overrides, as the Python server allows them: flight_blender, data_files, air_traffic_simulator_settings. */
  static JsonObject overrides(Object v) {
    if (v == null) {
      return new JsonObject();
    }
    if (!(v instanceof JsonObject o)) {
      throw ServiceException.badInput("config", "'config' must be an object");
    }
    for (String k : o.fieldNames()) {
      if (!java.util.Set.of("flight_blender", "data_files", "air_traffic_simulator_settings").contains(k)
          || !(o.getValue(k) instanceof JsonObject)) {
        throw ServiceException.badInput("config." + k, "a session may override the objects flight_blender, data_files "
            + "and air_traffic_simulator_settings only");
      }
    }
    return o;
  }

  private static String taskId(JsonObject request) {
    Object v = request.getValue("task_id");
    if (!(v instanceof String s) || s.isBlank() || s.length() > 100) {
      throw ServiceException.badInput("task_id", "'task_id' is required and must be a string");
    }
    return s;
  }
}
