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

  public JsonArray toJson() {
    JsonArray a = new JsonArray();
    all().forEach(op -> a.add(op.toJson()));
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
