package org.openutm.verification.scenario;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.load.ScenarioLoader;
import org.openutm.verification.scenario.model.Problem;
import org.openutm.verification.scenario.model.ScenarioDef;
import org.openutm.verification.scenario.validate.ScenarioValidator;

/** Load + validate in one place: what /api/scenarios/validate, a run and the CLI all use. */
public final class Scenarios {
  /** A checked scenario: the definition (null when it could not be read) and every problem. */
  public record Checked(ScenarioDef scenario, List<Problem> problems, int structural) {
    public boolean ok() {
      return scenario != null && problems.isEmpty();
    }

    /** Readable as a scenario (maybe with unknown operations or bad references): what a draft save needs. */
    public boolean wellFormed() {
      return scenario != null && structural == 0;
    }

    public JsonObject toJson() {
      JsonArray ps = new JsonArray();
      problems.forEach(p -> ps.add(p.toJson()));
      return new JsonObject().put("valid", ok()).put("name", scenario == null ? null : scenario.name())
          .put("problems", ps);
    }

    /** The definition, or a 400 listing every problem. */
    public ScenarioDef orThrow() {
      if (!ok()) {
        throw new ServiceException(ErrorCode.BAD_INPUT, "the scenario has " + problems.size() + " problem(s): "
            + problems.get(0), new JsonObject().put("field", "scenario").put("problems", toJson().getJsonArray("problems")));
      }
      return scenario;
    }
  }

  private Scenarios() {
  }

  public static Checked checkYaml(String yaml, OperationCatalog catalog, int maxSteps) {
    return check(ScenarioLoader.fromYaml(yaml), catalog, maxSteps);
  }

  public static Checked checkJson(JsonObject json, OperationCatalog catalog, int maxSteps) {
    return check(ScenarioLoader.fromJson(json), catalog, maxSteps);
  }

  private static Checked check(ScenarioLoader.Loaded loaded, OperationCatalog catalog, int maxSteps) {
    List<Problem> problems = new ArrayList<>(loaded.problems());
    ScenarioDef def = loaded.scenario();
    if (def != null && def.size() > maxSteps) {
      throw new ServiceException(ErrorCode.TOO_LARGE, "the scenario has " + def.size() + " steps; the limit is "
          + maxSteps + " (scenario.max_steps)", new JsonObject().put("field", "steps"));
    }
    if (def != null) {
      problems.addAll(ScenarioValidator.validate(def, catalog));
    }
    return new Checked(def, problems, loaded.problems().size());
  }

  /** A request body {scenario: {...}} or {yaml: "..."} or the definition itself. */
  public static Checked checkRequest(JsonObject body, OperationCatalog catalog, int maxSteps) {
    Object yaml = body.getValue("yaml");
    if (yaml != null) {
      if (!(yaml instanceof String y)) {
        throw ServiceException.badInput("yaml", "'yaml' must be the scenario's YAML text");
      }
      return checkYaml(y, catalog, maxSteps);
    }
    Object scenario = body.getValue("scenario");
    if (scenario != null) {
      if (!(scenario instanceof JsonObject o)) {
        throw ServiceException.badInput("scenario", "'scenario' must be a scenario object");
      }
      return checkJson(o, catalog, maxSteps);
    }
    return checkJson(body, catalog, maxSteps);
  }
}
