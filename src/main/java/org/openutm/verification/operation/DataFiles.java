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
import org.openutm.verification.config.DataPaths;

/**
 * Data files named by operations and {@code data_files}, found by {@link DataPaths} and read off the event loop; a
 * missing or unreadable file is the step's failure.
 */
public final class DataFiles {
  private DataFiles() {
  }

  /** The file a name refers to; OperationFailure naming every place looked in when there is none. Blocking. */
  public static Path resolve(AppConfig config, String name) {
    try {
      return DataPaths.resolve(config, name);
    } catch (DataPaths.NotFound e) {
      throw new OperationFailure(e.getMessage());
    }
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
