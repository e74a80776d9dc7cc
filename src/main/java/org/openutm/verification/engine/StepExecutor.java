package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.Ids;
import org.openutm.verification.core.LocalJsonCodec;
import org.openutm.verification.core.Metrics;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.operation.Args;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.StepRequest;
import org.openutm.verification.scenario.expression.EvalContext;
import org.openutm.verification.scenario.expression.ExpressionException;
import org.openutm.verification.scenario.expression.Templates;

/**
 * The path of one step (design card, "A step, end to end"): look the operation up, resolve {@code ${{ }}}, coerce
 * and validate, then request its client worker with the operation's own timeout, in the foreground or as a
 * background task keyed by UUID; record the StepResult in the session. Runs on the session verticle's context.
 */
public final class StepExecutor {

  private final Vertx vertx;
  private final OperationCatalog catalog;
  private final int maxTasksPerSession;
  private final Dispatcher dispatcher;

  private org.openutm.verification.config.LiveConfig live;
  private org.openutm.verification.config.AppConfig startup;

  public StepExecutor(Vertx vertx, OperationCatalog catalog, int maxTasksPerSession) {
    this(vertx, catalog, maxTasksPerSession, Dispatcher.bus(vertx));
  }

  /** {@code dispatcher}: where steps go (the workers on the bus in the service; tests may run them directly). */
  public StepExecutor(Vertx vertx, OperationCatalog catalog, int maxTasksPerSession, Dispatcher dispatcher) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.maxTasksPerSession = maxTasksPerSession;
    this.dispatcher = dispatcher;
  }

  public Vertx vertx() {
    return vertx;
  }

  public OperationCatalog catalog() {
    return catalog;
  }

  /** Resolves each argument, naming the argument whose expression fails. */
  public static JsonObject resolveArguments(JsonObject arguments, EvalContext ctx) {
    JsonObject out = new JsonObject();
    for (String name : arguments.fieldNames()) {
      try {
        out.put(name, Templates.resolve(arguments.getValue(name), ctx));
      } catch (ExpressionException e) {
        throw new ServiceException(ErrorCode.BAD_INPUT, "argument '" + name + "': " + e.getMessage(),
            new JsonObject().put("field", "arguments." + name));
      }
    }
    return out;
  }

  /**
   * How a step is recorded: the run it belongs to (null for a single step), its continue-on-error flag, and the
   * run's own config overrides (a suite's data_files; the session's are added by the session).
   */
  public record StepOptions(String runId, boolean continueOnError, JsonObject configOverrides) {
    public static final StepOptions SINGLE = new StepOptions(null, false, null);
  }

  public Future<JsonObject> runForeground(Session s, String stepId, OperationDef op, Args args, StepOptions opts) {
    int generation = s.generation();
    // unique, not unguessable, and lives only while the step runs: no SecureRandom lock shared with the workers
    return dispatch(s, stepId, op, args, Ids.unique(), true, opts).map(result -> {
      result.put("continue_on_error", opts.continueOnError());
      if (generation == s.generation()) {
        s.record(result, opts.runId());
      }
      return result;
    });
  }

  /** 429 when the session runs {@code session.max_tasks_per_session} background tasks already. */
  public void checkTaskCapacity(Session s) {
    if (s.runningTasks() >= maxTasksPerSession) {
      throw new ServiceException(ErrorCode.TOO_MANY, "session '" + s.id() + "' already runs " + maxTasksPerSession
          + " background tasks", new JsonObject().put("field", "run_in_background"));
    }
  }

  /** As {@link #startTask}, returning the task (the scenario engine awaits its future for {@code needs}). */
  public BackgroundTask startTaskHandle(Session s, String stepId, OperationDef op, Args args, StepOptions opts) {
    checkTaskCapacity(s);
    String taskId = UUID.randomUUID().toString();
    BackgroundTask task = new BackgroundTask(taskId, stepId, taskId, op.name(), op.phase());
    s.addTask(task, opts.runId());
    int generation = s.generation();
    dispatch(s, stepId, op, args, taskId, false, opts).onSuccess(result -> {
      if (generation == s.generation()) {
        result.put("task_id", task.taskId()).put("continue_on_error", opts.continueOnError());
        s.record(result, opts.runId());
        if (task.complete(result)) {
          s.taskEnded();
        }
        s.publish(new JsonObject().put("type", "task").put("run_id", opts.runId()).put("task_id", task.taskId())
            .put("step_id", stepId).put("status", result.getString("status")));
      }
    });
    return task;
  }

  /** Waits for a task; a second join reads the same completed future. */
  public Future<JsonObject> join(Session s, String taskId) {
    try {
      return s.task(taskId).future();
    } catch (ServiceException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Requests the client worker; never fails: every failure becomes a failed StepResult. Foreground executions are
   * tracked in the session so a reset cancels them (background ones are tracked as tasks).
   */
  public Future<JsonObject> dispatch(Session s, String stepId, OperationDef op, Args args, String executionId,
      boolean foreground, StepOptions opts) {
    long timeout = Math.max(1_000, op.timeoutMillis().applyAsLong(args));
    StepRequest request = new StepRequest(op, args, s.id(), stepId, executionId, s.clientState(op.client().key),
        s.stepConfig(startup, live == null ? null : live.stepOverrides(), opts.configOverrides()));
    int generation = s.generation();
    if (foreground) {
      s.startExecution(executionId, opts.runId());
    }
    long start = SimClock.nanos();
    Future<JsonObject> sent = foreground ? dispatcher.send(request, timeout) : dispatcher.submit(request, timeout);
    // one step after the reply, metrics included (a running background step holds this one callback, nothing more)
    return sent.transform(ar -> {
      if (foreground) {
        s.endExecution(executionId);
      }
      JsonObject record = ar.succeeded() ? recordOf(s, generation, stepId, op, ar.result())
          : failureOf(stepId, op, executionId, timeout, start, ar.cause());
      Metrics.step(op.name(), record.getString("status", "failure"), SimClock.nanos() - start);
      return Future.succeededFuture(record);
    });
  }

  /** The step's record from the worker's reply; the client state and report data it brings go to the session. */
  private static JsonObject recordOf(Session s, int generation, String stepId, OperationDef op, JsonObject reply) {
    JsonObject updates = reply.getJsonObject("client_state_updates");
    if (updates != null && !updates.isEmpty() && generation == s.generation()) {
      s.updateClientState(op.client().key, updates);
    }
    if (generation == s.generation()) {
      s.addReportData(reply.getJsonObject("report_data"));
    }
    return StepResults.fromReply(stepId, op.name(), op.phase(), reply);
  }

  /** A failed record for a step no reply came for (a timeout cancels what may still run). */
  private JsonObject failureOf(String stepId, OperationDef op, String executionId, long timeout, long start,
      Throwable cause) {
    double seconds = (SimClock.nanos() - start) / 1e9;
    ServiceException e = ServiceException.from(cause);
    String message = e.getMessage();
    if (e.code() == ErrorCode.TIMEOUT) {
      cancel(executionId, "timed out");
      message = "'" + op.name() + "' timed out after " + String.format("%.1f", timeout / 1000.0) + " s";
    }
    return StepResults.failure(stepId, op.name(), op.phase(), seconds, message);
  }

  /** Tells every worker the session ended (reset, deleted, expired): they release what they hold for it. */
  public void sessionClosed(String sessionId, String reason) {
    dispatcher.sessionClosed(sessionId, reason);
  }

  /**
   * The startup config the workers were given, and the changes saved since (PUT /api/config), which reach the
   * operations under the session's own overrides.
   */
  public void config(org.openutm.verification.config.AppConfig startup,
      org.openutm.verification.config.LiveConfig live) {
    this.startup = startup;
    this.live = live;
  }

  /** The config a step sees: the saved one (PUT /api/config) when there is one, else {@code base}. */
  public org.openutm.verification.config.AppConfig current(org.openutm.verification.config.AppConfig base) {
    return live == null ? base : live.current();
  }

  public void cancel(String executionId, String reason) {
    dispatcher.cancel(executionId, reason);
  }
}
