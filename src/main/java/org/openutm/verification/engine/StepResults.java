package org.openutm.verification.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The StepResult record: {id, name, phase, status, duration, result, error_message, logs, continue_on_error,
 * http_exchanges}, as the Python toolkit shapes it. Statuses: success, failure, running, waiting, skipped.
 */
public final class StepResults {
  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";
  public static final String RUNNING = "running";
  public static final String SKIPPED = "skipped";

  private StepResults() {
  }

  public static JsonObject of(String id, String name, String phase, String status, double duration, Object result,
      String errorMessage, JsonArray logs) {
    return new JsonObject().put("id", id).put("name", name).put("phase", phase).put("status", status)
        .put("duration", duration).put("result", result).put("error_message", errorMessage)
        .put("logs", logs == null ? new JsonArray() : logs).put("continue_on_error", false);
  }

  /** From a worker's reply {status, result, error_message, logs, http_exchanges, duration}. */
  public static JsonObject fromReply(String id, String name, String phase, JsonObject reply) {
    return of(id, name, phase, reply.getString("status", FAILURE), reply.getDouble("duration", 0.0),
        reply.getValue("result"), reply.getString("error_message"), reply.getJsonArray("logs"))
        .put("started_at", reply.getString("started_at")).put("finished_at", reply.getString("finished_at"))
        .put("wall_duration", reply.getDouble("wall_duration", reply.getDouble("duration", 0.0)))
        .put("http_exchanges", reply.getJsonArray("http_exchanges", new JsonArray()));
  }

  public static JsonObject failure(String id, String name, String phase, double duration, String message) {
    return of(id, name, phase, FAILURE, duration, null, message, new JsonArray());
  }

  public static boolean isDone(JsonObject r) {
    String s = r.getString("status");
    return !RUNNING.equals(s) && !"waiting".equals(s);
  }
}
