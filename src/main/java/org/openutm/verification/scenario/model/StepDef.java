package org.openutm.verification.scenario.model;

import java.util.List;
import java.util.Map;
import org.openutm.verification.core.yaml.Pos;

/**
 * One step of a scenario or group. {@code path} locates it for errors when there are no positions
 * ("steps[3]", "groups.setup.steps[0]"); {@code keyPos} holds the position of each key ("step", "if",
 * "arguments.duration", ...).
 */
public record StepDef(String id, String step, Map<String, Object> arguments, List<String> needs, boolean background,
    String description, String condition, LoopDef loop, boolean continueOnError, String path, Pos pos,
    Map<String, Pos> keyPos) {

  /** The id results are stored under: {@code id}, else the step's name. */
  public String effectiveId() {
    return id != null && !id.isBlank() ? id : step;
  }

  public Pos posOf(String key) {
    Pos p = keyPos.get(key);
    return p != null ? p : pos;
  }
}
