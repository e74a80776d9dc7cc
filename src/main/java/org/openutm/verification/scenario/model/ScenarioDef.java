package org.openutm.verification.scenario.model;

import java.util.List;
import java.util.Map;

/** A scenario as the Python toolkit defines it: name, description, groups, steps. Unknown keys are ignored. */
public record ScenarioDef(String name, String description, Map<String, GroupDef> groups, List<StepDef> steps) {
  public int size() {
    return steps.size() + groups.values().stream().mapToInt(g -> g.steps().size()).sum();
  }
}
