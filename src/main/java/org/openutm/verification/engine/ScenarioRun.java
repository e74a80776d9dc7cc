package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.engine.StepExecutor.StepOptions;
import org.openutm.verification.operation.Args;
import org.openutm.verification.operation.ArgumentCoercer;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.scenario.expression.Evaluator;
import org.openutm.verification.scenario.expression.ExpressionException;
import org.openutm.verification.scenario.expression.ExpressionParser;
import org.openutm.verification.scenario.expression.Templates;
import org.openutm.verification.scenario.model.GroupDef;
import org.openutm.verification.scenario.model.LoopDef;
import org.openutm.verification.scenario.model.ScenarioDef;
import org.openutm.verification.scenario.model.StepDef;
import org.openutm.verification.scenario.validate.ScenarioValidator;

/**
 * One run of a (validated) scenario in a session: walks the steps in order, evaluates {@code if}, waits on
 * {@code needs}, starts background steps as tasks, runs loops and groups, records every result through the session
 * (so events and results follow the same path as single steps). Lives on the session verticle's context.
 */
public final class ScenarioRun {
  private final Session session;
  private final StepExecutor executor;
  private final ScenarioDef def;
  private final RunState state;
  private final Scope top;
  private final Map<String, BackgroundTask> backgroundBySteps;
  private final List<Future<JsonObject>> backgroundFutures = new ArrayList<>();
  private final Promise<JsonObject> done = Promise.promise();
  /** A session's single steps: a step without {@code if} runs regardless of earlier failures. */
  private final boolean single;

  /** The run's step options, without and with continue-on-error (made once: a running task holds its options). */
  private final StepOptions[] options;
  private Debugger debugger;
  private RunObserver observer;

  /** {@code overrides}: config overrides for this run (a suite's data_files for its scenario), or null. */
  public ScenarioRun(String runId, Session session, StepExecutor executor, AppConfig config, ScenarioDef def,
      JsonObject overrides) {
    this(runId, session, executor, config, def, overrides, java.util.Set.of(), null);
  }

  /**
   * As above, pausing before each of {@code breakpoints} (step ids) and on {@code pause} (see {@link Debugger}), each
   * event of the run shown to {@code observer} too (null: none).
   */
  public ScenarioRun(String runId, Session session, StepExecutor executor, AppConfig config, ScenarioDef def,
      JsonObject overrides, java.util.Set<String> breakpoints, RunObserver observer) {
    this(session, executor, config, def, overrides, new RunState(runId, def.name(), session::result), new HashMap<>(),
        false);
    this.debugger = new Debugger(breakpoints, e -> session.publish(e.put("run_id", runId)));
    this.observer = observer;
  }

  /** The run's debugger (pause, resume). */
  public JsonObject pause() {
    return debugger.requestPause();
  }

  public JsonObject resume(JsonObject request) {
    return debugger.resume(request);
  }

  /** The walk of one single step over the session's single-step state (see {@link SingleSteps}). */
  ScenarioRun(Session session, StepExecutor executor, AppConfig config, ScenarioDef def, RunState state,
      Map<String, BackgroundTask> background) {
    this(session, executor, config, def, null, state, background, true);
  }

  private ScenarioRun(Session session, StepExecutor executor, AppConfig config, ScenarioDef def, JsonObject overrides,
      RunState state, Map<String, BackgroundTask> background, boolean single) {
    this.session = session;
    this.executor = executor;
    this.def = def;
    this.state = state;
    this.backgroundBySteps = background;
    this.single = single;
    this.options = new StepOptions[] {new StepOptions(state.runId, false, overrides),
        new StepOptions(state.runId, true, overrides)};
    this.top = new Scope(state, session.expressionConfig(config, overrides), "", false, null, null);
  }

  /**
   * Runs one step as a run runs it ({@code if}, {@code needs}, {@code loop}, a group of the scenario, background,
   * continue-on-error) and answers its record: the step's, the aggregate of a loop or group, or a background step's
   * running record.
   */
  Future<JsonObject> runSingle(StepDef s) {
    String id = s.effectiveId();
    return runStep(s, top).map(v -> {
      JsonObject r = state.get(id);
      return r == null ? StepResults.failure(id, s.step(), phase(s), 0.0, "the step recorded no result") : r;
    });
  }

  /** The task a background single step started (the latest of that id). */
  BackgroundTask task(String stepId) {
    return backgroundBySteps.get(stepId);
  }

  public String runId() {
    return state.runId;
  }

  public boolean isDone() {
    return state.done();
  }

  /** Starts the run; the future completes with the summary (with results) when every step and task has ended. */
  public Future<JsonObject> start() {
    RunObserver o = observer;
    session.addRunSink(state.runId, o == null ? state::onEvent : e -> {
      state.onEvent(e);
      o.event(e);
    });
    session.clearReportData();
    session.publish(new JsonObject().put("type", "run").put("run_id", state.runId).put("status", "running")
        .put("scenario", def.name()));
    runSteps(def.steps(), top)
        .compose(v -> Future.join(new ArrayList<>(backgroundFutures)).otherwiseEmpty())
        .onComplete(ar -> finish(ar.failed() ? ar.cause() : null));
    return done.future();
  }

  /** Stops: nothing more runs except always()/cancelled() steps; every execution in flight is cancelled. */
  public boolean stop() {
    if (state.done() || state.stopped) {
      return false;
    }
    state.stopped = true;
    if (debugger != null) {
      debugger.release();
    }
    // this run's executions only: a script's single steps in the same session go on
    session.executionsOf(state.runId).forEach(exec -> executor.cancel(exec, "scenario stopped"));
    backgroundBySteps.values().stream().filter(t -> !t.future().isComplete())
        .forEach(t -> executor.cancel(t.executionId(), "scenario stopped"));
    return true;
  }

  public JsonObject summary(boolean withResults) {
    JsonObject j = state.summary(withResults);
    return debugger == null || state.done() ? j : j.put("paused_at", debugger.state().getString("paused_at"));
  }

  /** Events so far (for replay to a late SSE consumer), each with its session sequence number. */
  public JsonArray events() {
    return new JsonArray(new ArrayList<>(state.events));
  }

  public Future<JsonObject> completion() {
    return done.future();
  }

  private void finish(Throwable failure) {
    state.endTime = SimClock.now();
    state.duration = (SimClock.nanos() - state.startNanos) / 1e9;
    state.wallDuration = (SimClock.wallNanos() - state.startWallNanos) / 1e9;
    state.status = state.stopped ? "cancelled" : failure != null || state.countedFailures > 0 ? "failure" : "success";
    if (failure != null) {
      state.error = failure.getMessage();
    } else if (state.countedFailures > 0) {
      state.error = state.countedFailures + " step(s) failed";
    }
    session.publish(new JsonObject().put("type", "done").put("run_id", state.runId).put("status", state.status)
        .put("error", state.error).put("duration", state.duration).put("wall_duration", state.wallDuration)
        .put("speed", SimClock.speed()).put("achieved_speed", state.achieved()));
    session.removeRunSink(state.runId);
    done.complete(state.summary(true).put("report_data", session.reportData().copy()));
  }

  private Future<Void> runSteps(List<StepDef> steps, Scope scope) {
    return Sequence.each(i -> i < steps.size(), i -> runStep(steps.get(i), scope));
  }

  private Future<Void> runStep(StepDef s, Scope scope) {
    String id = scope.prefix + s.effectiveId();
    return awaitNeeds(s, scope).compose(failedNeed -> {
      String skip = StepGate.skipReason(s, scope, failedNeed, state.stopped, single);
      if (skip != null) {
        return skip.startsWith("!") ? fail(id, s, skip.substring(1)) : skip(id, s, skip);
      }
      return s.loop() != null ? runLoop(s, scope, id) : runOnce(s, scope, id);
    });
  }

  /** Waits for each need; answers the id of the first need that did not succeed, or null. */
  private Future<String> awaitNeeds(StepDef s, Scope scope) {
    List<Future<JsonObject>> waits = new ArrayList<>();
    for (String need : s.needs()) {
      BackgroundTask t = backgroundBySteps.get(scope.prefix + need);
      if (t == null) {
        t = backgroundBySteps.get(need);
      }
      waits.add(t != null ? t.future().otherwise(e -> null) : Future.succeededFuture(scope.lookup(need)));
    }
    if (waits.isEmpty()) {
      return Future.succeededFuture(null);
    }
    return Future.join(waits).transform(ar -> {
      for (int i = 0; i < waits.size(); i++) {
        JsonObject r = waits.get(i).result();
        if (r == null || !StepResults.SUCCESS.equals(r.getString("status"))) {
          return Future.succeededFuture(s.needs().get(i));
        }
      }
      return Future.succeededFuture(null);
    });
  }

  private Future<Void> runLoop(StepDef s, Scope scope, String id) {
    LoopDef loop = s.loop();
    long startNanos = SimClock.nanos();
    Integer count;
    JsonArray items;
    try {
      Object c = loop.count() == null ? null : Templates.resolve(loop.count(), scope);
      Object it = loop.items() == null ? null : Templates.resolve(loop.items(), scope);
      if (c != null && !(c instanceof Number)) {
        return fail(id, s, "loop count must be a number, got " + c);
      }
      if (it != null && !(it instanceof JsonArray)) {
        return fail(id, s, "loop items must be a list, got " + it);
      }
      if (c != null && (((Number) c).doubleValue() < 0 || ((Number) c).doubleValue() > LoopDef.MAX_ITERATIONS)
          || it != null && ((JsonArray) it).size() > LoopDef.MAX_ITERATIONS) {
        return fail(id, s, "a loop runs 0 to " + LoopDef.MAX_ITERATIONS + " iterations");
      }
      count = c == null ? null : ((Number) c).intValue();
      items = (JsonArray) it;
    } catch (ExpressionException e) {
      return fail(id, s, "Parameter resolution failed: " + e.getMessage());
    }
    int limit = count != null ? count : items != null ? items.size() : LoopDef.MAX_WHILE_ITERATIONS;
    List<String> iterationIds = new ArrayList<>();
    boolean[] ended = new boolean[1];
    return Sequence.each(i -> !ended[0] && i < limit, i -> {
      // as the toolkit: loop.item is the item of an items loop, the index in count and while loops
      Scope iter = scope.iteration(i, items == null ? (Object) i : items.getValue(i));
      if (loop.whileCondition() != null) {
        try {
          if (!Evaluator.truthy(Evaluator.eval(ExpressionParser.parseCondition(loop.whileCondition()), iter))) {
            ended[0] = true;
            return Future.succeededFuture();
          }
        } catch (ExpressionException e) {
          ended[0] = true;
          return fail(id + "[" + i + "]", s, "Loop condition failed: " + e.getMessage());
        }
      }
      String iterationId = id + "[" + i + "]";
      iterationIds.add(iterationId);
      return runOnce(s, iter, iterationId).map(v -> {
        JsonObject r = state.get(iterationId);
        if (r != null && StepResults.FAILURE.equals(r.getString("status"))) {
          ended[0] = true;
        }
        return null;
      });
    }).compose(v -> aggregate(id, s, iterationIds, startNanos, "iterations"));
  }

  private Future<Void> runOnce(StepDef s, Scope scope, String id) {
    GroupDef group = def.groups().get(s.step());
    if (group != null && executor.catalog().find(s.step()) == null) {
      // a breakpoint on a group's node pauses before the group (it has no arguments of its own)
      return pauseFirst(id, s, new JsonObject(), ignored -> runGroup(scope, id, s, group));
    }
    StepOptions opts = options[s.continueOnError() ? 1 : 0];
    if (OperationCatalog.JOIN_STEP.equals(s.step())) {
      Object taskId;
      try {
        taskId = Templates.resolve(s.arguments().get("task_id"), Session.taskIdView(scope));
      } catch (ExpressionException e) {
        return fail(id, s, "Parameter resolution failed: " + e.getMessage());
      }
      if (taskId instanceof JsonObject o) {
        taskId = o.getValue("task_id");
      }
      return pauseFirst(id, s, new JsonObject().put("task_id", taskId), args -> join(s, id, args.getValue("task_id")));
    }
    OperationDef op = executor.catalog().find(s.step());
    JsonObject resolved;
    try {
      resolved = (JsonObject) Templates.resolve(new JsonObject(s.arguments()), scope);
    } catch (ExpressionException e) {
      return fail(id, s, "Parameter resolution failed: " + e.getMessage());
    }
    return pauseFirst(id, s, resolved, arguments -> execute(s, id, op, arguments, opts));
  }

  /**
   * Runs {@code then} with the step's resolved arguments, or first pauses there when the debugger says so (then with
   * the arguments it is resumed with; a stop while paused skips the step).
   */
  private Future<Void> pauseFirst(String id, StepDef s, JsonObject resolved,
      java.util.function.Function<JsonObject, Future<Void>> then) {
    if (debugger == null || state.stopped || !debugger.pausesBefore(id)) {
      return then.apply(resolved);
    }
    return debugger.pause(id, resolved).compose(arguments -> state.stopped
        ? skip(id, s, "Skipped: the scenario was stopped while paused before this step")
        : then.apply(arguments));
  }

  private Future<Void> runGroup(Scope scope, String id, StepDef s, GroupDef group) {
    long startNanos = SimClock.nanos();
    boolean looped = id.endsWith("]");
    Scope inner = scope.enterGroup(looped ? id + "." : scope.prefix);
    List<String> ids = group.steps().stream().map(g -> inner.prefix + g.effectiveId()).toList();
    return runSteps(group.steps(), inner).compose(v -> aggregate(id, s, ids, startNanos, "steps"));
  }

  /** Coerces the step's (resolved, maybe edited) arguments and runs it in the foreground or the background. */
  private Future<Void> execute(StepDef s, String id, OperationDef op, JsonObject resolved, StepOptions opts) {
    Args args;
    try {
      args = ArgumentCoercer.coerce(op, resolved);
    } catch (ServiceException e) {
      return fail(id, s, e.getMessage());
    }
    Object expected = op.param("duration") != null ? args.get("duration") : null;
    session.publish(new JsonObject().put("type", "started").put("run_id", state.runId).put("step_id", id)
        .put("name", op.name()).put("background", s.background())
        .put("expected_seconds", expected instanceof Number ? expected : null));
    if (s.background()) {
      try {
        BackgroundTask t = executor.startTaskHandle(session, id, op, args, opts);
        backgroundBySteps.put(id, t);
        backgroundFutures.add(t.future());
      } catch (ServiceException e) {
        return fail(id, s, e.getMessage());
      }
      return Future.succeededFuture();
    }
    return executor.runForeground(session, id, op, args, opts).mapEmpty();
  }

  private Future<Void> join(StepDef s, String id, Object taskId) {
    return executor.join(session, String.valueOf(taskId)).transform(ar -> {
      JsonObject r = ar.succeeded() ? ar.result() : null;
      JsonObject rec = r == null ? StepResults.failure(id, OperationCatalog.JOIN_STEP, null, 0, ar.cause().getMessage())
          : StepResults.of(id, OperationCatalog.JOIN_STEP, null, r.getString("status"), 0.0, r.getValue("result"),
              r.getString("error_message"), null);
      session.record(rec.put("continue_on_error", s.continueOnError()), state.runId);
      return Future.succeededFuture();
    });
  }

  private Future<Void> aggregate(String id, StepDef s, List<String> ids, long startNanos, String kind) {
    JsonArray inner = new JsonArray();
    boolean failed = false;
    for (String i : ids) {
      JsonObject r = state.get(i);
      if (r != null) {
        inner.add(new JsonObject().put("id", i).put("status", r.getString("status")).put("result", r.getValue("result")));
        failed |= StepResults.FAILURE.equals(r.getString("status")) && !r.getBoolean("continue_on_error", false);
      }
    }
    String status = failed ? StepResults.FAILURE : StepResults.SUCCESS;
    JsonObject rec = StepResults.of(id, s.step(), null, status, (SimClock.nanos() - startNanos) / 1e9,
        new JsonObject().put(kind, inner.size()).put("results", inner), failed ? "a " + (kind.equals("steps")
            ? "step of the group" : "loop iteration") + " failed" : null, null)
        .put("continue_on_error", s.continueOnError()).put("aggregate", true);
    session.record(rec, state.runId);
    return Future.succeededFuture();
  }

  private Future<Void> skip(String id, StepDef s, String reason) {
    session.record(StepResults.of(id, s.step(), phase(s), StepResults.SKIPPED, 0.0, null, reason, null)
        .put("continue_on_error", s.continueOnError()), state.runId);
    return Future.succeededFuture();
  }

  private Future<Void> fail(String id, StepDef s, String message) {
    session.record(StepResults.failure(id, s.step(), phase(s), 0.0, message)
        .put("continue_on_error", s.continueOnError()), state.runId);
    return Future.succeededFuture();
  }

  private String phase(StepDef s) {
    OperationDef op = executor.catalog().find(s.step());
    return op == null ? null : op.phase();
  }
}
