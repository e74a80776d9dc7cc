package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Consumer;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * A run's breakpoints and pauses (the editor's debugger, and any script through the session's address): the run
 * pauses before a step whose id is a breakpoint (every iteration of a looped one), or before the next step after
 * {@code pause} or a {@code resume} in step mode; it publishes {@code paused {step_id, resolved_arguments}} and waits,
 * holding no timer, until {@code resume} (optionally with edited arguments for this step) or a stop. Background
 * steps already started go on meanwhile, and joins on them answer as they end. Confined to the session's context.
 */
final class Debugger {
  private final Set<String> breakpoints;
  private final Consumer<JsonObject> publish;
  private boolean pauseNext;
  private String pausedAt;
  private Promise<JsonObject> waiting;
  private JsonObject resolved;

  /** {@code publish}: puts an event of this run on the session's address. */
  Debugger(Set<String> breakpoints, Consumer<JsonObject> publish) {
    this.breakpoints = Set.copyOf(breakpoints);
    this.publish = publish;
  }

  /** Whether the run pauses before step {@code id} ("each[2]" and "grp[1].inner" match "each" and "inner"). */
  boolean pausesBefore(String id) {
    if (pauseNext) {
      return true;
    }
    if (breakpoints.isEmpty()) {
      return false;
    }
    String base = id.replaceAll("\\[\\d+]", "");
    int dot = base.lastIndexOf('.');
    return breakpoints.contains(id) || breakpoints.contains(base) || dot >= 0 && breakpoints.contains(base.substring(dot + 1));
  }

  /** Pauses before {@code id}; completes with the arguments to run it with (the resolved ones, or as edited). */
  Future<JsonObject> pause(String id, JsonObject resolvedArguments) {
    pauseNext = false;
    pausedAt = id;
    resolved = resolvedArguments;
    Promise<JsonObject> go = Promise.promise();
    waiting = go;
    // a listener may resume (or stop) at once, inside this publish
    publish.accept(new JsonObject().put("type", "paused").put("step_id", id)
        .put("resolved_arguments", resolvedArguments.copy()));
    return go.future();
  }

  /** The {@code pause} action: the run pauses before its next step. */
  JsonObject requestPause() {
    if (pausedAt == null) {
      pauseNext = true;
    }
    return state();
  }

  /** The {@code resume} action {step_id?, arguments?, mode: step|continue}. */
  JsonObject resume(JsonObject request) {
    if (pausedAt == null) {
      throw new ServiceException(ErrorCode.CONFLICT, "the run is not paused", new JsonObject().put("field", "action"));
    }
    Object stepId = request.getValue("step_id");
    if (stepId != null && !(stepId instanceof String)) {
      throw ServiceException.badInput("step_id", "'step_id' must be the id of the step the run is paused before");
    }
    if (stepId != null && !pausedAt.equals(stepId)) {
      throw new ServiceException(ErrorCode.CONFLICT, "the run is paused before '" + pausedAt + "', not '" + stepId + "'",
          new JsonObject().put("field", "step_id").put("paused_at", pausedAt));
    }
    Object mode = request.getValue("mode", "continue");
    if (!"step".equals(mode) && !"continue".equals(mode)) {
      throw ServiceException.badInput("mode", "'mode' is step (run this step, pause before the next) or continue");
    }
    Object arguments = request.getValue("arguments");
    if (arguments != null && !(arguments instanceof JsonObject)) {
      throw ServiceException.badInput("arguments", "'arguments' must be an object of argument name -> value");
    }
    String step = pausedAt;
    Promise<JsonObject> go = waiting;
    JsonObject args = arguments == null ? resolved : (JsonObject) arguments;
    clear();
    pauseNext = "step".equals(mode);
    publish.accept(new JsonObject().put("type", "resumed").put("step_id", step).put("mode", mode)
        .put("edited", arguments != null));
    go.complete(args);
    return new JsonObject().put("resumed", step).put("mode", mode);
  }

  /** A stop while paused: the paused step goes on (to be skipped by the run); nothing waits any more. */
  void release() {
    pauseNext = false;
    if (waiting != null) {
      Promise<JsonObject> go = waiting;
      JsonObject args = resolved;
      clear();
      go.complete(args);
    }
  }

  JsonObject state() {
    return new JsonObject().put("paused_at", pausedAt).put("pause_requested", pauseNext)
        .put("breakpoints", new JsonArray(breakpoints.stream().sorted().toList()));
  }

  private void clear() {
    pausedAt = null;
    waiting = null;
    resolved = null;
  }
}
