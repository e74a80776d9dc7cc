package org.openutm.verification.operation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * One operation, declared once: its display name (the YAML {@code step:}), client, phase, parameters, a timeout rule
 * derived from its (coerced) arguments, and the code that runs it. The catalogue, /operations, the validator and the
 * editor all read this declaration.
 */
public record OperationDef(String name, ClientType client, String phase, String description, List<ParamDef> params,
    ToLongFunction<Args> timeoutMillis, Operation run) {

  /** The code of an operation. It runs on its client's worker context and must not block. */
  @FunctionalInterface
  public interface Operation {
    Future<?> run(OperationContext ctx, Args args);
  }

  public ParamDef param(String name) {
    for (ParamDef p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  public JsonObject toJson() {
    JsonArray ps = new JsonArray();
    params.forEach(p -> ps.add(p.toJson()));
    return new JsonObject().put("id", client.category + "." + name).put("name", name).put("category", client.category)
        .put("client", client.key).put("description", description).put("parameters", ps).put("phase", phase);
  }

  public static Builder builder(String name, ClientType client) {
    return new Builder(name, client);
  }

  /** Fluent declaration, so each operation reads as one block. */
  public static final class Builder {
    private final String name;
    private final ClientType client;
    private String phase;
    private String description = "";
    private final List<ParamDef> params = new ArrayList<>();
    private ToLongFunction<Args> timeout = a -> 60_000;

    private Builder(String name, ClientType client) {
      this.name = name;
      this.client = client;
    }

    public Builder phase(String phase) {
      this.phase = phase;
      return this;
    }

    public Builder doc(String description) {
      this.description = description;
      return this;
    }

    public Builder param(ParamDef p) {
      params.add(p);
      return this;
    }

    /** Timeout of one execution, from its coerced arguments (never the bus's 30 s default by accident). */
    public Builder timeout(ToLongFunction<Args> timeout) {
      this.timeout = timeout;
      return this;
    }

    public OperationDef run(Operation op) {
      return new OperationDef(name, client, phase, description, List.copyOf(params), timeout, Objects.requireNonNull(op));
    }
  }
}
