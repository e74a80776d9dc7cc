package org.openutm.verification.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.yaml.YNode;
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
    if (!Files.isRegularFile(path) && (explicitPath != null || env.containsKey("OPENUTM_CONFIG_PATH"))) {
      throw new ServiceException(ErrorCode.NOT_FOUND, "config file not found: " + path,
          new JsonObject().put("field", "config_path"));
    }
    Path bundle = null;
    if (!Files.isRegularFile(path)) {
      bundle = BundledConfig.extract();
      if (bundle != null) {
        sayBundled(path, bundle);
        path = bundle.resolve("conf/config.yaml");
      }
    }
    YNode doc = Files.isRegularFile(path) ? readDocument(path) : null;
    List<ConfigSchema.Problem> problems = new ArrayList<>(doc == null ? List.of() : ConfigSchema.check(doc, ConfigSchema.ROOT));
    if (overrides != null) {
      problems.addAll(ConfigSchema.check(YNode.ofJson(overrides), ConfigSchema.ROOT));
    }
    JsonObject json = doc == null ? new JsonObject() : (JsonObject) doc.plain();
    JsonObject merged = defaults().mergeIn(json, true);
    if (bundle != null) {
      // the bundle's scenarios are beside its conf/, not in the working directory
      JsonObject sc = merged.getJsonObject("scenarios");
      for (String key : List.of("dir", "docs_dir")) {
        if (sc.getValue(key) instanceof String v && !Path.of(v).isAbsolute()) {
          sc.put(key, bundle.resolve(v).toString());
        }
      }
    }
    applyEnv(merged, env);
    if (overrides != null) {
      merged.mergeIn(overrides, true);
    }
    AppConfig config = new AppConfig(merged, path);
    if (problems.isEmpty()) {
      problems.addAll(missingDataFiles(config, doc));
    }
    if (!problems.isEmpty()) {
      throw invalid(path.toString(), problems);
    }
    return config;
  }

  private static boolean bundledSaid;

  private static synchronized void sayBundled(Path missing, Path bundle) {
    if (!bundledSaid) {
      bundledSaid = true;
      org.slf4j.LoggerFactory.getLogger(ConfigLoader.class).warn("no {} (and no --config or OPENUTM_CONFIG_PATH): using "
          + "the bundled default config {} with its data files and scenarios", missing, bundle.resolve("conf/config.yaml"));
    }
  }

  /** One error listing every problem ({@code details.problems}: path, line, column, message). */
  public static ServiceException invalid(String where, List<ConfigSchema.Problem> problems) {
    io.vertx.core.json.JsonArray list = new io.vertx.core.json.JsonArray();
    problems.forEach(p -> list.add(p.json()));
    String first = problems.stream().limit(5).map(ConfigSchema.Problem::toString)
        .collect(java.util.stream.Collectors.joining("; "));
    return new ServiceException(ErrorCode.BAD_INPUT, "invalid config " + where + ": " + problems.size() + " problem(s): "
        + first + (problems.size() > 5 ? "; ..." : ""), new JsonObject().put("field", problems.get(0).path())
        .put("problems", list));
  }

  /**
   * data_files.* and each suite scenario's file overrides must name existing files (relative to the config file's
   * folder, the working directory, or a data_search_paths entry): found at load, not mid-run.
   */
  static List<ConfigSchema.Problem> missingDataFiles(AppConfig config, YNode doc) {
    List<ConfigSchema.Problem> out = new ArrayList<>();
    JsonObject files = config.section("data_files");
    for (String key : files.fieldNames()) {
      check(config, doc, "data_files." + key, files.getValue(key), out);
    }
    String editor = config.section("http").getString("web_editor_path", "");
    if (!editor.isBlank() && !java.nio.file.Files.isRegularFile(Path.of(editor, "dist", "index.html"))
        && !java.nio.file.Files.isRegularFile(Path.of(editor, "index.html"))) {
      org.openutm.verification.core.yaml.Pos pos = positionOf(doc, "http.web_editor_path");
      out.add(new ConfigSchema.Problem("http.web_editor_path", pos == null ? 0 : pos.line(), pos == null ? 0 : pos.column(),
          "no editor build in " + Path.of(editor).toAbsolutePath().normalize() + " (neither dist/index.html nor "
          + "index.html; run 'npm run build' in the web-editor folder)"));
    }
    JsonObject suites = config.section("suites");
    for (String suite : suites.fieldNames()) {
      Object list = suites.getJsonObject(suite, new JsonObject()).getValue("scenarios");
      if (!(list instanceof io.vertx.core.json.JsonArray a)) {
        continue;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.getValue(i) instanceof JsonObject entry) {
          for (String key : entry.fieldNames()) {
            if (!key.equals("name")) {
              check(config, doc, "suites." + suite + ".scenarios[" + i + "]." + key, entry.getValue(key), out);
            }
          }
        }
      }
    }
    return out;
  }

  private static void check(AppConfig config, YNode doc, String keyPath, Object value, List<ConfigSchema.Problem> out) {
    if (!(value instanceof String name) || name.isBlank()) {
      return;
    }
    try {
      DataPaths.resolve(config, name);
    } catch (RuntimeException e) {
      org.openutm.verification.core.yaml.Pos pos = positionOf(doc, keyPath);
      out.add(new ConfigSchema.Problem(keyPath, pos == null ? 0 : pos.line(), pos == null ? 0 : pos.column(),
          e.getMessage()));
    }
  }

  /** Where {@code a.b[2].c} is in the file, or null. */
  static org.openutm.verification.core.yaml.Pos positionOf(YNode doc, String keyPath) {
    YNode n = doc;
    org.openutm.verification.core.yaml.Pos pos = null;
    for (String part : keyPath.split("\\.")) {
      if (n == null) {
        return null;
      }
      String key = part.replaceAll("\\[\\d+]$", "");
      if (!n.isMap() || n.get(key) == null) {
        return null;
      }
      pos = n.keyPos(key);
      n = n.get(key);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)]$").matcher(part);
      if (m.find()) {
        int i = Integer.parseInt(m.group(1));
        if (!n.isList() || i >= n.list().size()) {
          return pos;
        }
        n = n.list().get(i);
        pos = n.pos();
      }
    }
    return pos;
  }

  /** The file as a YAML document with positions (a recursive alias is refused, not followed). */
  static YNode readDocument(Path path) {
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      org.yaml.snakeyaml.nodes.Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(r);
      if (node == null) {
        return YNode.ofJson(new JsonObject());
      }
      YNode doc = YNode.of(node);
      if (!doc.isMap()) {
        throw new ServiceException(ErrorCode.BAD_INPUT, "config file must be a YAML mapping: " + path);
      }
      return doc;
    } catch (IOException | YAMLException e) {
      throw new ServiceException(ErrorCode.BAD_INPUT, "cannot read config " + path + ": " + firstLine(e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new ServiceException(ErrorCode.BAD_INPUT, "cannot read config " + path + ": " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().limit(3).collect(java.util.stream.Collectors.joining(" "));
  }

  private static void applyEnv(JsonObject cfg, Map<String, String> env) {
    fallbacks(cfg, env);
    setIfPresent(env, "FLIGHT_BLENDER_URL", v -> cfg.getJsonObject("flight_blender").put("url", v));
    setIfPresent(env, "AMQP_URL", v -> cfg.getJsonObject("amqp").put("url", v));
    setIfPresent(env, "LOG_LEVEL", v -> cfg.getJsonObject("logging").put("level", v));
    setIfPresent(env, "HTTP_HOST", v -> cfg.getJsonObject("http").put("host", v));
    setIfPresent(env, "API_AUTH_TOKEN", v -> cfg.getJsonObject("http").put("auth_token", v));
    setIfPresent(env, "WEB_EDITOR_PATH", v -> cfg.getJsonObject("http").put("web_editor_path", v));
    // the toolkit's folders of scenario YAML and of their markdown docs
    setIfPresent(env, "SCENARIOS_PATH", v -> cfg.getJsonObject("scenarios").put("dir", v));
    setIfPresent(env, "DOCS_PATH", v -> cfg.getJsonObject("scenarios").put("docs_dir", v));
    setIfPresent(env, "HTTP_PORT", v -> {
      try {
        cfg.getJsonObject("http").put("port", Integer.parseInt(v.trim()));
      } catch (NumberFormatException e) {
        throw new ServiceException(ErrorCode.BAD_INPUT, "HTTP_PORT must be a number, got '" + v + "'");
      }
    });
  }

  /** Secrets and passport settings from the environment fill what the file leaves empty (the Python toolkit's order). */
  private static void fallbacks(JsonObject cfg, Map<String, String> env) {
    JsonObject fbAuth = section(section(cfg, "flight_blender"), "auth");
    JsonObject skyAuth = section(section(cfg, "opensky"), "auth");
    fill(env, "BLENDER_WRITE_CLIENT_ID", fbAuth, "client_id");
    fill(env, "BLENDER_WRITE_CLIENT_SECRET", fbAuth, "client_secret");
    fill(env, "PASSPORT_URL", fbAuth, "passport_base_url");
    fill(env, "PASSPORT_TOKEN_URL", fbAuth, "token_endpoint");
    fill(env, "OPENSKY_CLIENT_ID", skyAuth, "client_id");
    fill(env, "OPENSKY_CLIENT_SECRET", skyAuth, "client_secret");
  }

  private static JsonObject section(JsonObject parent, String key) {
    if (!(parent.getValue(key) instanceof JsonObject)) {
      parent.put(key, new JsonObject());
    }
    return parent.getJsonObject(key);
  }

  private static void fill(Map<String, String> env, String name, JsonObject target, String key) {
    String v = env.get(name);
    Object current = target.getValue(key);
    if (v != null && !v.isBlank() && (current == null || current instanceof String s && s.isBlank())) {
      target.put(key, v.trim());
    }
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
