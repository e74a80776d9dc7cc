package org.openutm.verification.operation;

import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.config.AppConfig;

/**
 * Data files named by operations and {@code data_files}: a relative path is looked up against the config file's
 * folder, then the working directory, then each of {@code data_search_paths} (so scenarios written for another layout,
 * such as the Python toolkit's {@code config/bern/...}, run unchanged when its root is listed there).
 */
public final class DataFiles {
  private DataFiles() {
  }

  public static List<Path> roots(AppConfig config) {
    List<Path> roots = new ArrayList<>();
    if (config.path() != null && config.path().getParent() != null) {
      roots.add(config.path().getParent());
    }
    roots.add(Path.of("").toAbsolutePath());
    Object extra = config.json().getValue("data_search_paths");
    if (extra instanceof JsonArray a) {
      a.forEach(p -> roots.add(Path.of(String.valueOf(p)).toAbsolutePath()));
    }
    return roots;
  }

  /** The file a name refers to; OperationFailure naming every place looked in when there is none. Blocking. */
  public static Path resolve(AppConfig config, String name) {
    if (name == null || name.isBlank()) {
      throw new OperationFailure("no data file named (and no default in data_files)");
    }
    Path p = Path.of(name);
    if (p.isAbsolute()) {
      if (Files.isRegularFile(p)) {
        return p;
      }
      throw new OperationFailure("data file not found: " + name);
    }
    List<Path> roots = roots(config);
    for (Path root : roots) {
      Path candidate = root.resolve(name).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new OperationFailure("data file '" + name + "' not found under " + roots);
  }

  /** The {@code data_files.<key>} entry, or null. */
  public static String configured(AppConfig config, String key) {
    return config.section("data_files").getString(key);
  }

  /** Reads and parses a JSON data file off the event loop. */
  public static Future<Object> readJson(OperationContext ctx, String name) {
    return ctx.vertx().executeBlocking(() -> {
      Path p = resolve(ctx.config(), name);
      try {
        return Json.decodeValue(Files.readString(p));
      } catch (IOException e) {
        throw new OperationFailure("cannot read " + p + ": " + e.getMessage());
      } catch (RuntimeException e) {
        if (e instanceof OperationFailure) {
          throw e;
        }
        throw new OperationFailure(p + " is not valid JSON: " + e.getMessage());
      }
    }, false);
  }

  public static Future<JsonObject> readObject(OperationContext ctx, String name) {
    return readJson(ctx, name).compose(v -> v instanceof JsonObject o ? Future.succeededFuture(o)
        : Future.failedFuture(new OperationFailure(name + " must hold a JSON object")));
  }

  public static Future<String> readText(OperationContext ctx, String name) {
    return ctx.vertx().executeBlocking(() -> {
      Path p = resolve(ctx.config(), name);
      try {
        return Files.readString(p);
      } catch (IOException e) {
        throw new OperationFailure("cannot read " + p + ": " + e.getMessage());
      }
    }, false);
  }
}
