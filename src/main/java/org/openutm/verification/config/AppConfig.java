package org.openutm.verification.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;

/** The effective configuration: the YAML file merged over defaults, env and explicit overrides. */
public record AppConfig(JsonObject json, Path path) {
  private static final Set<String> SECRET_KEYS = Set.of("client_secret", "password", "token", "auth_token",
      "access_token", "secret", "api_key");
  public static final String MASK = org.openutm.verification.core.Urls.MASK;

  public JsonObject section(String name) {
    JsonObject s = json.getJsonObject(name);
    return s == null ? new JsonObject() : s;
  }

  public String httpHost() {
    return section("http").getString("host", "127.0.0.1");
  }

  public int httpPort() {
    return section("http").getInteger("port", 8989);
  }

  /** The config with every secret replaced by {@link #MASK}: secret keys, and credentials inside URLs. */
  public JsonObject masked() {
    return (JsonObject) mask(json.copy());
  }

  public static Object mask(Object v) {
    if (v instanceof JsonObject o) {
      for (String k : o.fieldNames()) {
        Object val = o.getValue(k);
        if (SECRET_KEYS.contains(k.toLowerCase()) && val != null && !"".equals(val)) {
          o.put(k, MASK);
        } else {
          o.put(k, mask(val));
        }
      }
      return o;
    }
    if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, mask(a.getValue(i)));
      }
      return a;
    }
    if (v instanceof String s) {
      return maskUrl(s);
    }
    return v;
  }

  /** {@code amqp://guest:secret@host} becomes {@code amqp://guest:********@host}. */
  public static String maskUrl(String s) {
    return org.openutm.verification.core.Urls.maskCredentials(s);
  }
}
