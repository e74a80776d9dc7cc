package org.openutm.verification.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads {@code conf/config.yaml} (or OPENUTM_CONFIG_PATH, or an explicit path), applies environment overrides
 * (FLIGHT_BLENDER_URL, AMQP_URL, LOG_LEVEL, HTTP_HOST, HTTP_PORT) and then explicit overrides (tests, CLI flags).
 * Blocking file IO: call it before Vert.x starts or from executeBlocking.
 */
public final class ConfigLoader {
  public static final String DEFAULT_PATH = "conf/config.yaml";

  private ConfigLoader() {
  }

  public static AppConfig load(String explicitPath, Map<String, String> env, JsonObject overrides) {
    String pathText = explicitPath != null ? explicitPath : env.getOrDefault("OPENUTM_CONFIG_PATH", DEFAULT_PATH);
    Path path = Path.of(pathText).toAbsolutePath().normalize();
    JsonObject json = Files.isRegularFile(path) ? readYaml(path) : new JsonObject();
    if (!Files.isRegularFile(path) && (explicitPath != null || env.containsKey("OPENUTM_CONFIG_PATH"))) {
      throw new ServiceException(ErrorCode.NOT_FOUND, "config file not found: " + path,
          new JsonObject().put("field", "config_path"));
    }
    JsonObject merged = defaults().mergeIn(json, true);
    applyEnv(merged, env);
    if (overrides != null) {
      merged.mergeIn(overrides, true);
    }
    return new AppConfig(merged, path);
  }

  static JsonObject readYaml(Path path) {
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
      if (doc == null) {
        return new JsonObject();
      }
      if (!(doc instanceof Map<?, ?> map)) {
        throw new ServiceException(ErrorCode.BAD_INPUT, "config file must be a YAML mapping: " + path);
      }
      return new JsonObject(toJsonSafe(map));
    } catch (IOException | YAMLException e) {
      throw new ServiceException(ErrorCode.BAD_INPUT, "cannot read config " + path + ": " + e.getMessage());
    }
  }

  static Map<String, Object> toJsonSafe(Map<?, ?> map) {
    return toJsonSafe(map, 0);
  }

  /** Nested at most 50 deep: a recursive alias would otherwise never end. */
  private static Map<String, Object> toJsonSafe(Map<?, ?> map, int depth) {
    if (depth > 50) {
      throw new ServiceException(ErrorCode.BAD_INPUT, "the config nests more than 50 levels (a recursive alias?)");
    }
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), toJsonValue(v, depth + 1)));
    return out;
  }

  private static Object toJsonValue(Object v, int depth) {
    if (v instanceof Map<?, ?> m) {
      return toJsonSafe(m, depth);
    }
    if (v instanceof List<?> l) {
      if (depth > 50) {
        throw new ServiceException(ErrorCode.BAD_INPUT, "the config nests more than 50 levels (a recursive alias?)");
      }
      return l.stream().map(x -> toJsonValue(x, depth + 1)).toList();
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant().toString();
    }
    return v;
  }

  private static void applyEnv(JsonObject cfg, Map<String, String> env) {
    setIfPresent(env, "FLIGHT_BLENDER_URL", v -> cfg.getJsonObject("flight_blender").put("url", v));
    setIfPresent(env, "AMQP_URL", v -> cfg.getJsonObject("amqp").put("url", v));
    setIfPresent(env, "LOG_LEVEL", v -> cfg.getJsonObject("logging").put("level", v));
    setIfPresent(env, "HTTP_HOST", v -> cfg.getJsonObject("http").put("host", v));
    setIfPresent(env, "API_AUTH_TOKEN", v -> cfg.getJsonObject("http").put("auth_token", v));
    setIfPresent(env, "HTTP_PORT", v -> {
      try {
        cfg.getJsonObject("http").put("port", Integer.parseInt(v.trim()));
      } catch (NumberFormatException e) {
        throw new ServiceException(ErrorCode.BAD_INPUT, "HTTP_PORT must be a number, got '" + v + "'");
      }
    });
  }

  private static void setIfPresent(Map<String, String> env, String name, java.util.function.Consumer<String> setter) {
    String v = env.get(name);
    if (v != null && !v.isBlank()) {
      setter.accept(v.trim());
    }
  }

  /** Built-in defaults, so a missing key never needs a null check downstream. */
  static JsonObject defaults() {
    return new JsonObject()
        .put("version", "1.0")
        .put("flight_blender", new JsonObject().put("url", "").put("auth", new JsonObject().put("type", "none")
            .put("audience", "testflight.flightblender.com")
            .put("scopes", new JsonArray().add("flightblender.write").add("flightblender.read"))))
        .put("amqp", new JsonObject().put("url", "").put("exchange_name", "operational_events")
            .put("exchange_type", "topic").put("routing_key", "#").put("queue_name", ""))
        .put("data_files", new JsonObject())
        .put("suites", new JsonObject())
        .put("reporting", new JsonObject().put("output_dir", "reports"))
        .put("logging", new JsonObject().put("level", "INFO"))
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 8989).put("instances", 2)
            .put("body_limit_bytes", 1_048_576))
        .put("session", new JsonObject().put("ttl_seconds", 3600).put("sweep_seconds", 30)
            .put("max_sessions", 1000).put("max_tasks_per_session", 20_000)
            .put("max_request_seconds", 86_400))
        .put("workers", new JsonObject().put("instances", 1))
        .put("scenarios", new JsonObject().put("dir", "scenarios").put("docs_dir", "docs/scenarios")
            .put("max_steps", 50_000))
        .put("emulator", new JsonObject().put("enabled", true).put("port", 0));
  }
}
