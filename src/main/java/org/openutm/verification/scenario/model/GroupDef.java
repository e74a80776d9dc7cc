package org.openutm.verification.scenario.model;

import java.util.List;

public record GroupDef(String name, String description, List<StepDef> steps, Pos pos) {
}
