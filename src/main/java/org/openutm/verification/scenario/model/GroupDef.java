package org.openutm.verification.scenario.model;

import java.util.List;
import org.openutm.verification.core.yaml.Pos;

public record GroupDef(String name, String description, List<StepDef> steps, Pos pos) {
}
