package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.load.ScenarioLoader;
import org.openutm.verification.scenario.model.Problem;
import org.openutm.verification.scenario.model.ScenarioDef;
import org.openutm.verification.scenario.model.StepDef;
import org.openutm.verification.scenario.validate.ScenarioValidator;

/**
 * A session's single steps (/api/step, the bus's {@code step} action, the editor's step-by-step mode) on the run
 * engine: each request is a whole StepDefinition ({@code if}, {@code loop}, {@code needs}, {@code continue-on-error},
 * {@code background}, a group of the scenario loaded with {@code POST /api/sessions/{id}/scenario}) walked by the same
 * code as a scenario run, over one state the session keeps across its steps: every step record of the session (runs
 * included) for {@code ${{ steps.x }}}, {@code success()} and {@code failure()}, and the background tasks its steps
 * started for {@code needs}. A reset, or loading a scenario, starts that state afresh.
 */
final class SingleSteps {
  private final Session session;
  private ScenarioDef scenario = new ScenarioDef("single steps", null, Map.of(), List.of());
  private RunState state;
  private Map<String, BackgroundTask> background;

  SingleSteps(Session session) {
    this.session = session;
    reset();
    session.onStep(e -> state.onEvent(e));
  }

  void reset() {
    state = new RunState(null, scenario.name(), false, session::result);
    background = new HashMap<>();
  }

  /** The scenario being stepped: its groups can be called by name; success()/failure() start afresh. */
  JsonObject load(ScenarioDef def) {
    scenario = def;
    reset();
    return new JsonObject().put("status", "loaded").put("name", def.name()).put("steps", def.steps().size())
        .put("groups", new JsonArray(List.copyOf(def.groups().keySet())));
  }

  /**
   * Runs one StepDefinition; its record, or for the seed's {@code run_in_background: true} {@code {task_id,
   * status: running}}. A definition that does not parse, names an unknown operation, or gives an argument of the wrong
   * type is a 400 listing every problem; what fails while it runs is a failed record, as in a run.
   */
  Future<JsonObject> run(JsonObject request, StepExecutor executor, AppConfig config) {
    JsonObject def = request.copy();
    def.remove("action");
    Object seedFlag = def.remove("run_in_background");
    if (seedFlag != null && !(seedFlag instanceof Boolean)) {
      throw ServiceException.badInput("run_in_background", "'run_in_background' must be true or false");
    }
    boolean seed = Boolean.TRUE.equals(seedFlag);
    if (seed) {
      def.put("background", true);
    }
    if ("join_task".equals(def.getValue("step"))) {
      def.put("step", OperationCatalog.JOIN_STEP);
    }
    checkShape(def, executor);
    ScenarioLoader.Loaded loaded = ScenarioLoader.fromJson(new JsonObject().put("name", scenario.name())
        .put("steps", new JsonArray().add(def)));
    if (!loaded.problems().isEmpty() || loaded.scenario() == null) {
      throw invalid(loaded.problems());
    }
    StepDef step = loaded.scenario().steps().get(0);
    ScenarioDef wrapper = new ScenarioDef(scenario.name(), scenario.description(), scenario.groups(), List.of(step));
    List<Problem> problems = ScenarioValidator.validateSteps(wrapper, executor.catalog(), known());
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    if (step.background()) {
      executor.checkTaskCapacity(session);
    }
    ScenarioRun walk = new ScenarioRun(session, executor, config, wrapper, state, background);
    return walk.runSingle(step).map(record -> {
      BackgroundTask task = walk.task(step.effectiveId());
      if (seed && task != null && StepResults.RUNNING.equals(record.getString("status"))) {
        return new JsonObject().put("task_id", task.taskId()).put("status", StepResults.RUNNING);
      }
      if (step.background() && !seed && StepResults.RUNNING.equals(record.getString("status"))) {
        // the toolkit's background: true answers its running StepResult, the task named by the step id
        return record.copy().put("result", new JsonObject().put("task_id", step.effectiveId()));
      }
      return record;
    });
  }

  /**
   * What a step's arguments resolve to now, over the same state its run would read (the session's records, its
   * config): the step-by-step debugger shows them before the step runs. A 400 names the argument that fails.
   */
  JsonObject resolve(JsonObject request, AppConfig config) {
    if (!(request.getValue("arguments", new JsonObject()) instanceof JsonObject arguments)) {
      throw ServiceException.badInput("arguments", "'arguments' must be an object");
    }
    Scope scope = new Scope(state, session.expressionConfig(config, null), "", false, null, null);
    return new JsonObject().put("resolved_arguments", StepExecutor.resolveArguments(arguments, scope));
  }

  /** The request's own mistakes, each a 400 naming its field (the loader would read some leniently). */
  private void checkShape(JsonObject def, StepExecutor executor) {
    if (!(def.getValue("step") instanceof String name) || name.isBlank()) {
      throw ServiceException.badInput("step", "'step' is required and must name an operation, a group of the loaded "
          + "scenario, or " + OperationCatalog.JOIN_STEP);
    }
    for (String field : List.of("id", "if", "description")) {
      if (def.getValue(field) != null && !(def.getValue(field) instanceof String)) {
        throw ServiceException.badInput(field, "'" + field + "' must be a string");
      }
    }
    for (String field : List.of("background", "continue-on-error")) {
      if (def.getValue(field) != null && !(def.getValue(field) instanceof Boolean)) {
        throw ServiceException.badInput(field, "'" + field + "' must be true or false");
      }
    }
    Object arguments = def.getValue("arguments");
    if (arguments != null && !(arguments instanceof JsonObject)) {
      throw ServiceException.badInput("arguments", "'arguments' must be an object");
    }
    if (OperationCatalog.JOIN_STEP.equals(name)) {
      JsonObject args = arguments == null ? new JsonObject() : (JsonObject) arguments;
      for (String k : args.fieldNames()) {
        if (!k.equals("task_id")) {
          throw ServiceException.badInput("arguments." + k, "'" + OperationCatalog.JOIN_STEP + "' takes only task_id");
        }
      }
      if (!(args.getValue("task_id") instanceof String id) || id.isBlank()) {
        throw ServiceException.badInput("arguments.task_id", "task_id is required (a task id or a ${{ }} reference to one)");
      }
    } else if (executor.catalog().find(name) == null && !scenario.groups().containsKey(name)) {
      throw new ServiceException(ErrorCode.BAD_INPUT, "unknown operation '" + name + "'", new JsonObject()
          .put("field", "step").put("suggestions", new JsonArray(executor.catalog().suggestions(name))));
    }
  }

  /**
   * What the session's earlier steps left to refer to: ids and display names of every record, as a view (the
   * validator asks only for what a step refers to; copying every key per step made a long session's steps O(n)).
   */
  private Set<String> known() {
    RunState current = state;
    return new java.util.AbstractSet<>() {
      @Override
      public boolean contains(Object k) {
        return current.knows(k);
      }

      @Override
      public java.util.Iterator<String> iterator() {
        return current.keys().iterator();
      }

      @Override
      public int size() {
        return current.keys().size();
      }
    };
  }

  private static ServiceException invalid(List<Problem> problems) {
    JsonArray list = new JsonArray();
    problems.forEach(p -> list.add(p.toJson()));
    Problem first = problems.isEmpty() ? null : problems.get(0);
    String field = first == null || first.path() == null ? "step" : first.path().replaceFirst("^steps\\[0]\\.?", "");
    return new ServiceException(ErrorCode.BAD_INPUT, first == null ? "the step does not parse" : first.message(),
        new JsonObject().put("field", field.isEmpty() ? "step" : field).put("problems", list));
  }
}
