package org.openutm.verification.operation;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one execution of an operation sees: Vert.x, the config, who asked (session, step, execution id), its log, the
 * HTTP exchanges it made, and cancellation. Every wait goes through {@link #sleep} so a cancel ends it at once.
 * Confined to the worker context that runs it.
 */
public final class OperationContext {
  private static final Logger LOG = LoggerFactory.getLogger("operation");
  private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int MAX_LOG_LINES = 2000;

  private final Vertx vertx;
  private final AppConfig config;
  private final String sessionId;
  private final String stepId;
  private final String executionId;
  private final JsonArray logs = new JsonArray(new ArrayList<>(2));
  // made on first use: a background task that waits holds only what it used (heap per running task)
  private JsonArray httpExchanges;
  /** What runs on a cancel: null, one Runnable, or a List of them (one is the common case: a wait). */
  private Object onCancel;
  private String cancelReason;
  private JsonObject clientState = new JsonObject();
  /** Whether {@link #clientState} is the session's snapshot (shared, read-only): the first remember copies it. */
  private boolean sharedState;
  private JsonObject stateUpdates;
  private JsonObject reportData;
  private java.util.Map<Class<?>, Object> services = java.util.Map.of();

  public OperationContext(Vertx vertx, AppConfig config, String sessionId, String stepId, String executionId) {
    this.vertx = vertx;
    this.config = config;
    this.sessionId = sessionId;
    this.stepId = stepId;
    this.executionId = executionId;
  }

  /**
   * The session's state for this client (ids remembered between steps), as the session sent it: read it, never
   * change it or what it holds (write with {@link #remember}, putting a changed copy of a nested value).
   */
  public JsonObject clientState() {
    return clientState;
  }

  /** Remembers {@code value} under {@code key} in the session's state for this client (sent back with the reply). */
  public void remember(String key, Object value) {
    if (sharedState) {
      clientState = new JsonObject(new java.util.LinkedHashMap<>(clientState.getMap()));
      sharedState = false;
    }
    clientState.put(key, value);
    if (stateUpdates == null) {
      stateUpdates = new JsonObject();
    }
    stateUpdates.put(key, value);
  }

  public JsonObject stateUpdates() {
    return stateUpdates == null ? new JsonObject() : stateUpdates;
  }

  /**
   * What the toolkit's reports keep of a scenario beside its steps ({@code flight_declaration_data},
   * {@code telemetry_data}, ...): set by the operations that make that data, carried in the reply as {@code report_data}
   * and gathered by the session per run.
   */
  public void report(String key, Object value) {
    reportData().put(key, value);
  }

  public JsonObject reportData() {
    if (reportData == null) {
      reportData = new JsonObject();
    }
    return reportData;
  }

  /** Whether an operation reported scenario data (see {@link #report}). */
  public boolean hasReportData() {
    return reportData != null && !reportData.isEmpty();
  }

  OperationContext withClientState(JsonObject state, java.util.Map<Class<?>, Object> services) {
    this.clientState = state == null ? new JsonObject() : state;
    this.sharedState = state != null;
    this.services = services;
    return this;
  }

  /** A shared helper of this client's worker (e.g. the Flight Blender HTTP client). */
  public <T> T service(Class<T> type) {
    Object s = services.get(type);
    if (s == null) {
      throw new IllegalStateException("no " + type.getSimpleName() + " in this worker");
    }
    return type.cast(s);
  }

  public Vertx vertx() {
    return vertx;
  }

  public AppConfig config() {
    return config;
  }

  public String sessionId() {
    return sessionId;
  }

  public String stepId() {
    return stepId;
  }

  public String executionId() {
    return executionId;
  }

  public JsonArray logs() {
    return logs;
  }

  public JsonArray httpExchanges() {
    if (httpExchanges == null) {
      httpExchanges = new JsonArray(new ArrayList<>(2));
    }
    return httpExchanges;
  }

  public void info(String message) {
    log("INFO", message);
  }

  public void warn(String message) {
    log("WARNING", message);
  }

  public void error(String message) {
    log("ERROR", message);
  }

  public void log(String level, String message) {
    String masked = AppConfig.maskUrl(message);
    if (logs.size() < MAX_LOG_LINES) {
      logs.add(LocalTime.ofInstant(SimClock.now(), java.time.ZoneId.systemDefault()).format(HMS) + " | " + level + " | " + masked);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("[{}/{}] {}", sessionId, stepId, masked);
    }
  }

  public boolean isCancelled() {
    return cancelReason != null;
  }

  /**
   * Runs {@code action} when this execution is cancelled (at once if it already is).
   * @return a handle that unregisters the action once it is no longer needed
   */
  public Runnable onCancel(Runnable action) {
    if (cancelReason != null) {
      action.run();
      return () -> { };
    }
    addCancelHook(action);
    return () -> removeCancelHook(action);
  }

  @SuppressWarnings("unchecked")
  private void addCancelHook(Runnable action) {
    if (onCancel == null) {
      onCancel = action;
    } else if (onCancel instanceof List<?> list) {
      ((List<Runnable>) list).add(action);
    } else {
      List<Runnable> list = new ArrayList<>(2);
      list.add((Runnable) onCancel);
      list.add(action);
      onCancel = list;
    }
  }

  private void removeCancelHook(Runnable action) {
    if (onCancel == action) {
      onCancel = null;
    } else if (onCancel instanceof List<?> list) {
      list.remove(action);
    }
  }

  @SuppressWarnings("unchecked")
  public void cancel(String reason) {
    if (cancelReason != null) {
      return;
    }
    cancelReason = reason;
    Object hooks = onCancel;
    onCancel = null;
    if (hooks instanceof List<?> list) {
      new ArrayList<>((List<Runnable>) list).forEach(Runnable::run);
    } else if (hooks != null) {
      ((Runnable) hooks).run();
    }
  }

  public String cancelReason() {
    return cancelReason;
  }

  /** A timer-based wait that fails with {@link CancelledException} as soon as the execution is cancelled. */
  public Future<Void> sleep(long millis) {
    if (cancelReason != null) {
      return Future.failedFuture(new CancelledException(cancelReason));
    }
    if (millis <= 0) {
      return Future.succeededFuture();
    }
    Sleep sleep = new Sleep();
    addCancelHook(sleep);
    sleep.timer = SimClock.setTimer(vertx, millis, sleep);
    return sleep.promise.future();
  }

  /** A wait: its timer's handler and its cancel hook in one object (10,000 waiting steps hold 10,000 of these). */
  private final class Sleep implements io.vertx.core.Handler<Long>, Runnable {
    final Promise<Void> promise = Promise.promise();
    long timer;

    @Override
    public void handle(Long id) {
      removeCancelHook(this);
      promise.tryComplete();
    }

    @Override
    public void run() {
      SimClock.cancelTimer(vertx, timer);
      promise.tryFail(new CancelledException(cancelReason));
    }
  }

  /** Snapshot of this execution's record for the reply. */
  public JsonObject describe() {
    return new JsonObject().put("session", sessionId).put("step_id", stepId).put("execution_id", executionId);
  }
}
