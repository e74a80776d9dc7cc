package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * GeoFencePutSchema as each era loads a set_geo_fence body (marshmallow 4, unknown fields raise); the 400 body is
 * marshmallow's {@code err.messages} itself. Master (schemas/geo_fence.py): features of {type, properties: {name,
 * upper_limit, lower_limit, start_time?, end_time?}, geometry: {type, coordinates: list of lists of lists of
 * floats}}. Django (geo_fence_operations/serializers.py): its GeoJSONFeature declares properties and geometry as
 * Schema instances, not fields, so marshmallow does not know them: a feature carrying either is "Unknown field.".
 */
final class GeofenceSchema {
  private static final String MISSING = "Missing data for required field.";

  private GeofenceSchema() {
  }

  static JsonObject errors(JsonObject body, boolean fastapi) {
    JsonObject errors = new JsonObject();
    str(errors, body, "type", true);
    if (!body.containsKey("features")) {
      errors.put("features", msg(MISSING));
    } else if (body.getValue("features") == null) {
      errors.put("features", msg("Field may not be null."));
    } else if (!(body.getValue("features") instanceof JsonArray features)) {
      errors.put("features", msg("Not a valid list."));
    } else {
      JsonObject items = new JsonObject();
      for (int i = 0; i < features.size(); i++) {
        JsonObject e = feature(features.getValue(i), fastapi);
        if (!e.isEmpty()) {
          items.put(String.valueOf(i), e);
        }
      }
      if (!items.isEmpty()) {
        errors.put("features", items);
      }
    }
    unknown(errors, body, Set.of("type", "features"));
    return errors;
  }

  private static JsonObject feature(Object raw, boolean fastapi) {
    JsonObject e = new JsonObject();
    if (!(raw instanceof JsonObject f)) {
      return e.put("_schema", msg("Invalid input type."));
    }
    str(e, f, "type", true);
    if (fastapi) {
      nested(e, f, "properties", GeofenceSchema::properties);
      nested(e, f, "geometry", GeofenceSchema::geometry);
      unknown(e, f, Set.of("type", "properties", "geometry"));
    } else {
      unknown(e, f, Set.of("type"));
    }
    return e;
  }

  private static void nested(JsonObject e, JsonObject f, String key, java.util.function.Function<JsonObject, JsonObject> check) {
    if (!f.containsKey(key)) {
      return;
    }
    Object v = f.getValue(key);
    if (v == null) {
      e.put(key, msg("Field may not be null."));
    } else if (!(v instanceof JsonObject o)) {
      e.put(key, new JsonObject().put("_schema", msg("Invalid input type.")));
    } else {
      JsonObject inner = check.apply(o);
      if (!inner.isEmpty()) {
        e.put(key, inner);
      }
    }
  }

  private static JsonObject properties(JsonObject p) {
    JsonObject e = new JsonObject();
    str(e, p, "name", true);
    integer(e, p, "upper_limit");
    integer(e, p, "lower_limit");
    str(e, p, "start_time", false);
    str(e, p, "end_time", false);
    unknown(e, p, Set.of("name", "upper_limit", "lower_limit", "start_time", "end_time"));
    return e;
  }

  private static JsonObject geometry(JsonObject g) {
    JsonObject e = new JsonObject();
    str(e, g, "type", true);
    if (g.containsKey("coordinates")) {
      Object c = lists(g.getValue("coordinates"), 3);
      if (c != null) {
        e.put("coordinates", c);
      }
    }
    unknown(e, g, Set.of("type", "coordinates"));
    return e;
  }

  /** List nested {@code depth} deep around Floats: null when valid, else messages or index -> messages. */
  private static Object lists(Object v, int depth) {
    if (depth == 0) {
      boolean number = v instanceof Number && !(v instanceof Boolean) || v instanceof String s && isFloat(s);
      return number ? null : msg(v == null ? "Field may not be null." : "Not a valid number.");
    }
    if (!(v instanceof JsonArray a)) {
      return msg(v == null ? "Field may not be null." : "Not a valid list.");
    }
    JsonObject out = new JsonObject();
    for (int i = 0; i < a.size(); i++) {
      Object inner = lists(a.getValue(i), depth - 1);
      if (inner != null) {
        out.put(String.valueOf(i), inner);
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static boolean isFloat(String s) {
    try {
      Double.parseDouble(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void str(JsonObject e, JsonObject o, String key, boolean required) {
    if (!o.containsKey(key)) {
      if (required) {
        e.put(key, msg(MISSING));
      }
      return;
    }
    Object v = o.getValue(key);
    if (!(v instanceof String)) {
      e.put(key, msg(v == null ? "Field may not be null." : "Not a valid string."));
    }
  }

  private static void integer(JsonObject e, JsonObject o, String key) {
    if (!o.containsKey(key)) {
      e.put(key, msg(MISSING));
      return;
    }
    Object v = o.getValue(key);
    boolean ok = v instanceof Number n && Double.isFinite(n.doubleValue())
        || v instanceof String s && s.trim().matches("[+-]?\\d+");
    if (!ok) {
      e.put(key, msg(v == null ? "Field may not be null." : "Not a valid integer."));
    }
  }

  private static void unknown(JsonObject e, JsonObject o, Set<String> known) {
    for (String k : o.fieldNames()) {
      if (!known.contains(k)) {
        e.put(k, msg("Unknown field."));
      }
    }
  }

  private static JsonArray msg(String m) {
    return new JsonArray().add(m);
  }
}
