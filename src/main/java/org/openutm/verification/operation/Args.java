package org.openutm.verification.operation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Coerced arguments of one execution: every declared parameter is present (its default when not given). */
public record Args(JsonObject json) {
  public Object get(String name) {
    return json.getValue(name);
  }

  public String string(String name) {
    Object v = json.getValue(name);
    return v == null ? null : String.valueOf(v);
  }

  public Long integer(String name) {
    Number n = (Number) json.getValue(name);
    return n == null ? null : n.longValue();
  }

  public Double number(String name) {
    Number n = (Number) json.getValue(name);
    return n == null ? null : n.doubleValue();
  }

  public boolean bool(String name) {
    return Boolean.TRUE.equals(json.getValue(name));
  }

  /** A duration parameter in seconds (coerced from 5, "5s", "1m"...). */
  public double seconds(String name, double fallback) {
    Number n = (Number) json.getValue(name);
    return n == null ? fallback : n.doubleValue();
  }

  public JsonObject object(String name) {
    return json.getJsonObject(name);
  }

  public JsonArray array(String name) {
    return json.getJsonArray(name);
  }
}
