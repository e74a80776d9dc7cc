package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

/**
 * A background step: keyed by a UUID, completed with its final StepResult. Every join reads the same future, so a
 * second join returns the same result. Failed (GONE) when its session is reset, deleted or expires.
 */
public final class BackgroundTask {
  private final String taskId;
  private final String stepId;
  private final String executionId;
  private final String name;
  private final String phase;
  private final Promise<JsonObject> promise = Promise.promise();

  public BackgroundTask(String taskId, String stepId, String executionId, String name, String phase) {
    this.taskId = taskId;
    this.stepId = stepId;
    this.executionId = executionId;
    this.name = name;
    this.phase = phase;
  }

  /** The step's record while it runs: {status: running, result: {task_id}}; built on demand, not stored. */
  public JsonObject runningRecord() {
    return StepResults.of(stepId, name, phase, StepResults.RUNNING, 0.0, new JsonObject().put("task_id", taskId),
        null, null).put("task_id", taskId);
  }

  public String taskId() {
    return taskId;
  }

  public String stepId() {
    return stepId;
  }

  public String name() {
    return name;
  }

  public String executionId() {
    return executionId;
  }

  public Future<JsonObject> future() {
    return promise.future();
  }

  public boolean complete(JsonObject stepResult) {
    return promise.tryComplete(stepResult);
  }

  public boolean fail(Throwable t) {
    return promise.tryFail(t);
  }

  public String status() {
    Future<JsonObject> f = promise.future();
    if (!f.isComplete()) {
      return StepResults.RUNNING;
    }
    return f.succeeded() ? f.result().getString("status") : "cancelled";
  }

  public JsonObject describe() {
    JsonObject j = new JsonObject().put("task_id", taskId).put("step_id", stepId).put("status", status());
    Future<JsonObject> f = promise.future();
    if (f.isComplete()) {
      j.put("result", f.succeeded() ? f.result() : null);
      if (f.failed()) {
        j.put("error_message", f.cause().getMessage());
      }
    }
    return j;
  }
}
