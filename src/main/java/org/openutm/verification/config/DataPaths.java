package org.openutm.verification.config;

import io.vertx.core.json.JsonArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a data file's name points: a relative path is looked up against the config file's folder, then the working
 * directory, then each of {@code data_search_paths} (so scenarios written for another layout, such as the Python
 * toolkit's {@code config/bern/...}, run unchanged when its root is listed there). Config validation checks
 * {@code data_files} with it; operations read through {@code operation.DataFiles}, which calls it.
 */
public final class DataPaths {
  private DataPaths() {
  }

  /** No file for a name: the message names every place looked in. */
  public static final class NotFound extends IllegalArgumentException {
    NotFound(String message) {
      super(message);
    }
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

  /** The file a name refers to. Blocking (it looks at the file system). */
  public static Path resolve(AppConfig config, String name) {
    if (name == null || name.isBlank()) {
      throw new NotFound("no data file named (and no default in data_files)");
    }
    Path p = Path.of(name);
    if (p.isAbsolute()) {
      if (Files.isRegularFile(p)) {
        return p;
      }
      throw new NotFound("data file not found: " + name);
    }
    List<Path> roots = roots(config);
    for (Path root : roots) {
      Path candidate = root.resolve(name).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new NotFound("data file '" + name + "' not found under " + roots);
  }
}
