package org.openutm.verification.operation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One declared parameter. {@code options} (enums only) map a name to its value, e.g. ACTIVATED -> 2.
 * A parameter with no default and {@code required} must be given; {@code nullable} ones accept null.
 */
public record ParamDef(String name, ParamType type, Object defaultValue, boolean required, boolean nullable,
    List<Map.Entry<String, Object>> options, String description) {

  public static ParamDef required(String name, ParamType type, String description) {
    return new ParamDef(name, type, null, true, false, List.of(), description);
  }

  public static ParamDef optional(String name, ParamType type, Object defaultValue, String description) {
    return new ParamDef(name, type, defaultValue, false, true, List.of(), description);
  }

  public static ParamDef enumeration(String name, List<Map.Entry<String, Object>> options, Object defaultValue,
      boolean required, String description) {
    return new ParamDef(name, ParamType.ENUM, defaultValue, required, !required, List.copyOf(options), description);
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("name", name).put("type", type.wire).put("default", defaultValue)
        .put("required", required).put("description", description);
    if (type == ParamType.ENUM) {
      JsonArray opts = new JsonArray();
      options.forEach(e -> opts.add(new JsonObject().put("name", e.getKey()).put("value", e.getValue())));
      j.put("isEnum", true).put("options", opts);
    }
    return j;
  }
}
