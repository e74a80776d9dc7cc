package org.openutm.verification.operation;

import io.vertx.core.json.JsonArray;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openutm.verification.operation.common.CommonOperations;

/** Every operation, by display name. Immutable once built; shared by the HTTP layer, the validator and the workers. */
public final class OperationCatalog {
  private final Map<String, OperationDef> byName = new LinkedHashMap<>();
  private final Map<String, OperationDef> byLowerName = new LinkedHashMap<>();

  public OperationCatalog(Collection<OperationDef> ops) {
    for (OperationDef op : ops) {
      if (byName.put(op.name(), op) != null) {
        throw new IllegalStateException("operation declared twice: " + op.name());
      }
      byLowerName.put(op.name().toLowerCase(Locale.ROOT), op);
      byName.put(op.client().category + "." + op.name(), op);
    }
  }

  /** The catalogue of every client built so far. */
  public static OperationCatalog standard() {
    List<OperationDef> all = new java.util.ArrayList<>(CommonOperations.all());
    all.addAll(org.openutm.verification.operation.flightblender.FlightBlenderOperations.all());
    all.addAll(org.openutm.verification.operation.airtraffic.StreamAirTraffic.all());
    all.addAll(org.openutm.verification.operation.amqp.AmqpOperations.all());
    return new OperationCatalog(all);
  }

  /** By display name, or by {@code <Category>.<name>} as the editor's ids read. Null when unknown. */
  public OperationDef find(String name) {
    if (name == null) {
      return null;
    }
    OperationDef op = byName.get(name);
    return op != null ? op : byLowerName.get(name.trim().toLowerCase(Locale.ROOT));
  }

  public List<OperationDef> all() {
    return byLowerName.values().stream().toList();
  }

  public List<OperationDef> of(ClientType client) {
    return all().stream().filter(o -> o.client() == client).toList();
  }

  /**
   * The join step's name: awaits a background task by its id. Run by the session, not by a client, so it is not one of
   * {@link #all()}; {@link #toJson()} lists it so editors (the toolkit's drops steps it cannot find) keep it.
   */
  public static final String JOIN_STEP = "SessionManager.join_task";

  /** The entry /operations shows for {@link #JOIN_STEP}. */
  static io.vertx.core.json.JsonObject joinStepJson() {
    return new io.vertx.core.json.JsonObject().put("id", JOIN_STEP).put("name", JOIN_STEP).put("category", "SessionManager")
        .put("client", "session").put("description", "Waits for a background step to finish and gives its result: "
            + "task_id is the step id of the background step, or the task_id its result carries.")
        .put("parameters", new JsonArray().add(ParamDef.required("task_id", ParamType.ANY,
            "the background step's id, e.g. ${{ steps.stream.result }}, or its task UUID").toJson()))
        .putNull("phase");
  }

  /** What /operations answers: every operation, then the join step. */
  public JsonArray toJson() {
    JsonArray a = new JsonArray();
    all().forEach(op -> a.add(op.toJson()));
    a.add(joinStepJson());
    return a;
  }

  /** Names close to {@code name}, for "did you mean" in errors. */
  public List<String> suggestions(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return all().stream().map(OperationDef::name)
        .filter(s -> { String l = s.toLowerCase(Locale.ROOT); return !n.isEmpty() && (l.contains(n) || n.contains(l)
            || l.split(" ")[0].equals(n.split(" ")[0])); })
        .limit(5).toList();
  }
}
