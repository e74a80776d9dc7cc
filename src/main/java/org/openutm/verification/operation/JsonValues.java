package org.openutm.verification.operation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.util.Collection;
import java.util.Map;

/** Turns what an operation returns (records, maps, lists, scalars) into values a JsonObject can carry. */
public final class JsonValues {
  private JsonValues() {
  }

  @SuppressWarnings("unchecked")
  public static Object of(Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean
        || v instanceof JsonObject || v instanceof JsonArray) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      return new JsonObject((Map<String, Object>) m);
    }
    if (v instanceof Collection<?> c) {
      return new JsonArray(c.stream().map(JsonValues::of).toList());
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    Object tree = DatabindCodec.mapper().convertValue(v, Object.class);
    return of(tree);
  }
}
