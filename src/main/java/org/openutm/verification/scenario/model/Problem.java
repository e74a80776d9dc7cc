package org.openutm.verification.scenario.model;

import io.vertx.core.json.JsonObject;
import org.openutm.verification.core.yaml.Pos;

/** One thing wrong with a scenario, with where it is: line:column when known, the step and a path. */
public record Problem(Pos pos, String step, String path, String message) {
  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("message", message).put("path", path).put("step", step);
    if (pos != null) {
      j.put("line", pos.line()).put("column", pos.column());
    }
    return j;
  }

  @Override
  public String toString() {
    return (pos != null ? pos + " " : "") + (step != null ? "[" + step + "] " : "") + message;
  }
}
