package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.SessionAction;
import org.openutm.verification.scenario.Scenarios;
import org.openutm.verification.scenario.model.ScenarioDef;

/**
 * The runs of this node's sessions: one active run per session, the last few kept for status and replay.
 * Actions {@code run}, {@code stop}, {@code run-status} on a session's address land here.
 */
public final class RunService {
  private static final int KEEP_PER_SESSION = 20;

  private final StepExecutor executor;
  private final AppConfig config;
  private final int maxSteps;
  private final Map<String, Deque<ScenarioRun>> bySession = new HashMap<>();
  private final Map<String, String> sessionOfRun = new HashMap<>();
  private final Map<String, ScenarioRun> byId = new HashMap<>();
  private final Map<String, SingleSteps> singleSteps = new HashMap<>();
  private RunObserver.Factory observers = (s, run, scenario) -> null;

  /**
   * Makes the observer (the report writer) of every run that asked for a report (HTTP runs do by default), as the
   * run starts, on the session's thread.
   */
  public void onReport(RunObserver.Factory factory) {
    this.observers = factory;
  }

  public RunService(StepExecutor executor, AppConfig config) {
    this.executor = executor;
    this.config = config;
    this.maxSteps = config.section("scenarios").getInteger("max_steps", 50_000);
  }

  private SingleSteps steps(Session s) {
    return singleSteps.computeIfAbsent(s.id(), k -> new SingleSteps(s));
  }

  /** A session was reset: its single steps start afresh (the loaded scenario stays). */
  public void resetSteps(String sessionId) {
    SingleSteps steps = singleSteps.get(sessionId);
    if (steps != null) {
      steps.reset();
    }
  }

  /** One of the run actions (see {@link SessionAction}: those whose handler is RUNS). */
  public Future<JsonObject> handle(Session s, SessionAction action, JsonObject request) {
    try {
      return switch (action) {
        case RUN -> run(s, request);
        case STEP -> steps(s).run(request, executor, executor.current(config));
        case RESOLVE -> Future.succeededFuture(steps(s).resolve(request, executor.current(config)));
        case SCENARIO -> check(withoutAction(request)).map(def -> steps(s).load(def));
        case STOP -> Future.succeededFuture(stop(s));
        case PAUSE -> Future.succeededFuture(running(s).pause().put("run_id", active(s.id()).runId()));
        case RESUME -> Future.succeededFuture(running(s).resume(request).put("run_id", active(s.id()).runId()));
        case RUN_STATUS -> Future.succeededFuture(status(s, request));
        default -> throw new IllegalStateException(action + " is no run action");
      };
    } catch (ServiceException e) {
      return Future.failedFuture(e);
    } catch (ClassCastException e) {
      return Future.failedFuture(ServiceException.badInput("body", "malformed run request: " + e.getMessage()));
    }
  }

  private static JsonObject withoutAction(JsonObject request) {
    JsonObject body = request.copy();
    body.remove("action");
    return body;
  }

  /**
   * Loads and validates a scenario request on a worker thread (a large YAML takes a while; the session loop serves
   * every other session of this node meanwhile); completes back on the caller's context.
   */
  private Future<ScenarioDef> check(JsonObject body) {
    return executor.vertx().<ScenarioDef>executeBlocking(() -> Scenarios.checkRequest(body, executor.catalog(), maxSteps)
        .orThrow(), false).recover(t -> Future.failedFuture(t instanceof ClassCastException
            ? ServiceException.badInput("body", "malformed run request: " + t.getMessage()) : t));
  }

  /** The session's active run, else a 409 (pause and resume act on a run). */
  private ScenarioRun running(Session s) {
    ScenarioRun run = active(s.id());
    if (run == null) {
      throw new ServiceException(ErrorCode.CONFLICT, "session '" + s.id() + "' runs no scenario now",
          new JsonObject().put("field", "session"));
    }
    return run;
  }

  private void checkIdle(Session s) {
    ScenarioRun active = active(s.id());
    if (active != null) {
      throw new ServiceException(ErrorCode.CONFLICT, "session '" + s.id() + "' is running " + active.runId()
          + " already; stop it first", new JsonObject().put("field", "session").put("run_id", active.runId()));
    }
  }

  private Future<JsonObject> run(Session s, JsonObject request) {
    checkIdle(s);
    JsonObject body = request.copy();
    body.remove("action");
    boolean wait = Boolean.TRUE.equals(body.remove("wait"));
    boolean report = !Boolean.FALSE.equals(body.remove("report"));
    Object dataFiles = body.remove("data_files");
    java.util.Set<String> breakpoints = breakpoints(body.remove("breakpoints"));
    SpeedCheck.requested(body.remove("speed"), org.openutm.verification.clock.SimClock.speed());
    if (dataFiles != null && !(dataFiles instanceof JsonObject)) {
      throw ServiceException.badInput("data_files", "'data_files' overrides must be an object of name -> path");
    }
    int generation = s.generation();
    return check(body).compose(def -> {
      if (generation != s.generation()) {
        throw new ServiceException(ErrorCode.CONFLICT, "session '" + s.id() + "' was reset or deleted while its run request "
            + "was validated", new JsonObject().put("field", "session"));
      }
      checkIdle(s);
      SpeedCheck.check(def, config, org.openutm.verification.clock.SimClock.speed());
      checkBreakpoints(def, breakpoints);
      return start(s, def, (JsonObject) dataFiles, wait, report, breakpoints);
    });
  }

  private static java.util.Set<String> breakpoints(Object v) {
    if (v == null) {
      return java.util.Set.of();
    }
    if (!(v instanceof io.vertx.core.json.JsonArray a) || a.stream().anyMatch(x -> !(x instanceof String))) {
      throw ServiceException.badInput("breakpoints", "'breakpoints' must be a list of step ids");
    }
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    a.forEach(x -> out.add((String) x));
    return out;
  }

  /** Every breakpoint names a step of the scenario (top level or in a group): a typo is a 400, not a run that never stops. */
  private static void checkBreakpoints(ScenarioDef def, java.util.Set<String> breakpoints) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    def.steps().forEach(st -> ids.add(st.effectiveId()));
    def.groups().values().forEach(g -> g.steps().forEach(st -> ids.add(st.effectiveId())));
    for (String b : breakpoints) {
      if (!ids.contains(b)) {
        throw new ServiceException(ErrorCode.BAD_INPUT, "breakpoint '" + b + "' names no step of the scenario",
            new JsonObject().put("field", "breakpoints").put("step_id", b));
      }
    }
  }

  private Future<JsonObject> start(Session s, ScenarioDef def, JsonObject dataFiles, boolean wait, boolean report,
      java.util.Set<String> breakpoints) {
    String runId = UUID.randomUUID().toString();
    RunObserver observer = report ? observers.open(s, runId, def.name()) : null;
    ScenarioRun run = new ScenarioRun(runId, s, executor, executor.current(config), def,
        dataFiles == null ? null : new JsonObject().put("data_files", dataFiles), breakpoints, observer);
    Deque<ScenarioRun> runs = bySession.computeIfAbsent(s.id(), k -> new ArrayDeque<>());
    runs.addLast(run);
    byId.put(run.runId(), run);
    sessionOfRun.put(run.runId(), s.id());
    while (runs.size() > KEEP_PER_SESSION) {
      ScenarioRun old = runs.removeFirst();
      byId.remove(old.runId());
      sessionOfRun.remove(old.runId());
    }
    Future<JsonObject> completion = run.start().onSuccess(summary ->
        org.openutm.verification.core.Metrics.run(summary.getString("status", "unknown")));
    if (observer != null) {
      completion.onSuccess(observer::ended);
    }
    // the scenario data goes to the report this service writes, not into the answer (a caller writing its own
    // report, as the CLI, asks for none and gets it)
    return wait && !report ? completion : wait ? completion.map(summary -> {
      JsonObject answer = new JsonObject(new java.util.LinkedHashMap<>(summary.getMap()));
      answer.remove("report_data");
      return answer;
    }) : Future.succeededFuture(new JsonObject().put("run_id", run.runId())
        .put("status", "running"));
  }

  public JsonObject stop(Session s) {
    ScenarioRun active = active(s.id());
    boolean stopped = active != null && active.stop();
    return new JsonObject().put("stopped", stopped).put("run_id", active == null ? null : active.runId());
  }

  private JsonObject status(Session s, JsonObject request) {
    Object id = request.getValue("run_id");
    ScenarioRun run;
    if (id == null) {
      Deque<ScenarioRun> runs = bySession.get(s.id());
      run = runs == null ? null : runs.peekLast();
    } else {
      run = id instanceof String rid && s.id().equals(sessionOfRun.get(rid)) ? byId.get(rid) : null;
    }
    if (run == null) {
      throw ServiceException.notFound("run_id", id == null ? "no run in session '" + s.id() + "'" : "no run '" + id + "'");
    }
    JsonObject j = run.summary(Boolean.TRUE.equals(request.getValue("results")));
    if (Boolean.TRUE.equals(request.getValue("events"))) {
      j.put("events", run.events());
    }
    return j;
  }

  /** The session that ran {@code runId} on this node, or null. */
  public String sessionOf(String runId) {
    return sessionOfRun.get(runId);
  }

  /** The ids of the runs going on now, in any session of this node. */
  public io.vertx.core.json.JsonArray activeRuns() {
    io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
    bySession.keySet().forEach(id -> {
      ScenarioRun r = active(id);
      if (r != null) {
        out.add(r.runId());
      }
    });
    return out;
  }

  public ScenarioRun active(String sessionId) {
    Deque<ScenarioRun> runs = bySession.get(sessionId);
    ScenarioRun last = runs == null ? null : runs.peekLast();
    return last != null && !last.isDone() ? last : null;
  }

  /** A session goes away (delete, expiry): stop its run and forget its runs. */
  public void forget(String sessionId) {
    ScenarioRun active = active(sessionId);
    if (active != null) {
      active.stop();
    }
    singleSteps.remove(sessionId);
    Deque<ScenarioRun> runs = bySession.remove(sessionId);
    if (runs != null) {
      runs.forEach(r -> {
        byId.remove(r.runId());
        sessionOfRun.remove(r.runId());
      });
    }
  }
}
