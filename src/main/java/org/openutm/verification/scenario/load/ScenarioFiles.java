package org.openutm.verification.scenario.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.yaml.YNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The scenarios folder: ids like {@code sdsp-f3623/sdsp_track} (the path without .yaml). Every id is confined to the
 * folder: no "..", no absolute paths, no encoded or hidden segments, no symlink leading out. Saves are atomic
 * (temporary file, then rename). Blocking IO: call from executeBlocking or a worker.
 */
public final class ScenarioFiles {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_\\-. ]*(/[A-Za-z0-9_\\-][A-Za-z0-9_\\-. ]*)*");

  /** The toolkit's scenario folders that have another name here: its ids resolve (standard-scenarios/F1_happy_path). */
  static final java.util.Map<String, String> TOOLKIT_FOLDERS = java.util.Map.of("standard-scenarios", "standard");

  private final Path root;
  private final Path docsRoot;

  /** The config's {@code scenarios} section: {@code dir} (default scenarios) and {@code docs_dir} (docs/scenarios). */
  public static ScenarioFiles of(JsonObject scenariosSection) {
    return new ScenarioFiles(Path.of(scenariosSection.getString("dir", "scenarios")),
        Path.of(scenariosSection.getString("docs_dir", "docs/scenarios")));
  }

  public ScenarioFiles(Path root, Path docsRoot) {
    this.root = root.toAbsolutePath().normalize();
    this.docsRoot = docsRoot == null ? null : docsRoot.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Every scenario id, sorted. */
  public List<String> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> Files.isRegularFile(p) && isYaml(p))
          .map(p -> stripExtension(root.relativize(p).toString().replace('\\', '/')))
          .filter(id -> ID.matcher(id).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML text of a scenario: a full id, or a bare name found anywhere under the folder (ambiguous: 409). */
  public String read(String id) {
    return read(find(id));
  }

  public Path find(String id) {
    String clean = check(id);
    for (String ext : new String[] {".yaml", ".yml"}) {
      Path p = confined(clean + ext);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    String alias = TOOLKIT_FOLDERS.get(clean.substring(0, Math.max(0, clean.indexOf('/'))));
    if (alias != null) {
      Path p = confined(alias + clean.substring(clean.indexOf('/')) + ".yaml");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    if (!clean.contains("/")) {
      List<String> matches = list().stream().filter(i -> i.equals(clean) || i.endsWith("/" + clean)).toList();
      if (matches.size() > 1) {
        throw new ServiceException(ErrorCode.CONFLICT, "'" + clean + "' matches several scenarios: " + matches,
            new JsonObject().put("field", "path").put("matches", new JsonArray(matches)));
      }
      if (matches.size() == 1) {
        return find(matches.get(0));
      }
    }
    throw ServiceException.notFound("path", "no scenario '" + clean + "'");
  }

  /** The scenario's markdown docs (see {@link #docsPath}); 404 naming why when there are none. */
  public String docs(String id) {
    String clean = check(id);
    Path p = docsPath(clean);
    if (p != null) {
      return read(p);
    }
    List<Path> several = stemMatches(clean);
    throw ServiceException.notFound("path", several.size() > 1 ? "several documentation files for scenario '" + clean
        + "': " + several.stream().map(Path::toString).toList() : "no docs for scenario '" + clean + "'");
  }

  /**
   * Where a scenario's docs are: {@code <id>.md} next to its YAML, or at the same id under the docs folder, else the
   * one {@code <name>.md} anywhere under the docs folder (then the scenarios folder), as the toolkit looks them up;
   * null when there is none or several (ambiguous).
   */
  public Path docsPath(String id) {
    String clean = check(id);
    List<Path> candidates = new ArrayList<>();
    candidates.add(confined(clean + ".md"));
    if (docsRoot != null) {
      Path d = docsRoot.resolve(clean + ".md").normalize();
      if (d.startsWith(docsRoot)) {
        candidates.add(d);
      }
    }
    try {
      Path yaml = find(clean);
      candidates.add(yaml.resolveSibling(stripExtension(yaml.getFileName().toString()) + ".md"));
    } catch (ServiceException e) {
      // no such scenario here: its docs may still be in the docs folder
    }
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    List<Path> matches = stemMatches(clean);
    return matches.size() == 1 ? matches.get(0) : null;
  }

  /** Every {@code <last segment of id>.md} under the docs folder, or, when it has none, under the scenarios folder. */
  public List<Path> stemMatches(String id) {
    String stem = id.substring(id.lastIndexOf('/') + 1) + ".md";
    for (Path dir : docsRoot == null ? List.of(root) : List.of(docsRoot, root)) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        List<Path> found = files.filter(f -> f.getFileName().toString().equals(stem) && Files.isRegularFile(f)).sorted()
            .toList();
        if (!found.isEmpty()) {
          return found;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.of();
  }

  public Path docsRoot() {
    return docsRoot;
  }

  /** Plain maps and lists all the way down: snakeyaml would tag Vert.x's JsonObject/JsonArray with their Java class. */
  static Object plain(Object v) {
    if (v instanceof JsonObject o) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      o.forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    if (v instanceof io.vertx.core.json.JsonArray a) {
      java.util.List<Object> l = new java.util.ArrayList<>();
      a.forEach(x -> l.add(plain(x)));
      return l;
    }
    if (v instanceof java.util.Map<?, ?> m) {
      return plain(new JsonObject(new java.util.LinkedHashMap<>(castMap(m))));
    }
    if (v instanceof java.util.List<?> l) {
      return plain(new io.vertx.core.json.JsonArray(new java.util.ArrayList<>(l)));
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> castMap(java.util.Map<?, ?> m) {
    return (java.util.Map<String, Object>) m;
  }

  /**
   * Writes {@code definition} as YAML at {@code id}.yaml, atomically, without the keys that only state a default (as
   * the toolkit saves: {@code exclude_defaults}); returns the id. A definition that reads the same as the file already
   * there leaves the file as it is, comments and all.
   */
  public String save(String id, JsonObject definition) {
    String clean = check(id);
    Path target = confined(clean + ".yaml");
    definition = tidy(definition);
    if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && sameAsFile(target, definition)) {
      return clean;
    }
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setWidth(120);
    String text = new Yaml(o).dump(plain(definition));
    for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        checkReal(p); // a link out of the folder is refused (400) before anything else
      }
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw conflict(clean, "'" + root.relativize(p) + "' is a file, not a folder");
      }
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw conflict(clean, "'" + root.relativize(target) + "' is a folder");
    }
    try {
      Files.createDirectories(target.getParent());
      checkReal(target.getParent());
      org.openutm.verification.core.AtomicFiles.write(target, text);
    } catch (IOException e) {
      throw new ServiceException(ErrorCode.INTERNAL, "cannot save scenario '" + clean + "': " + e.getMessage());
    }
    return clean;
  }

  private static boolean sameAsFile(Path target, JsonObject definition) {
    try {
      Object now = YNode.of(new Yaml().compose(new java.io.StringReader(Files.readString(target)))).plain();
      return now instanceof JsonObject o && tidy(o).equals(definition);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * {@code definition} without what states a default: an empty or null {@code config}, {@code groups},
   * {@code description}; per step an empty {@code arguments} or {@code needs}, {@code background} or
   * {@code continue-on-error} false, null {@code id}, {@code if}, {@code loop}, {@code description}.
   */
  static JsonObject tidy(JsonObject definition) {
    JsonObject d = definition.copy();
    for (String k : new String[] {"config", "groups", "description"}) {
      if (empty(d.getValue(k))) {
        d.remove(k);
      }
    }
    if (d.getValue("steps") instanceof io.vertx.core.json.JsonArray steps) {
      tidySteps(steps);
    }
    if (d.getValue("groups") instanceof JsonObject groups) {
      groups.forEach(g -> {
        if (g.getValue() instanceof JsonObject group && group.getValue("steps") instanceof io.vertx.core.json.JsonArray s) {
          tidySteps(s);
          if (group.containsKey("description") && group.getValue("description") == null) {
            group.remove("description");
          }
        }
      });
    }
    return d;
  }

  private static void tidySteps(io.vertx.core.json.JsonArray steps) {
    for (Object o : steps) {
      if (o instanceof JsonObject step) {
        for (String k : new String[] {"arguments", "needs", "id", "if", "loop", "description"}) {
          if (empty(step.getValue(k))) {
            step.remove(k);
          }
        }
        for (String k : new String[] {"background", "continue-on-error"}) {
          if (Boolean.FALSE.equals(step.getValue(k))) {
            step.remove(k);
          }
        }
      }
    }
  }

  private static boolean empty(Object v) {
    return v == null || v instanceof JsonObject o && o.isEmpty() || v instanceof io.vertx.core.json.JsonArray a && a.isEmpty();
  }

  private static ServiceException conflict(String id, String why) {
    return new ServiceException(ErrorCode.CONFLICT, "cannot save scenario '" + id + "': " + why,
        new JsonObject().put("field", "path").put("path", id));
  }

  /** Refuses ids that could leave the folder; answers the id without extension. */
  public static String check(String id) {
    if (id == null || id.isBlank() || id.length() > 300) {
      throw ServiceException.badInput("path", id == null || id.isBlank() ? "a scenario path is required"
          : "a scenario path is at most 300 characters");
    }
    if (id.contains("..") || id.startsWith("/") || id.contains("\\") || id.contains("%") || id.contains("\0")
        || id.contains(":") || !ID.matcher(id).matches()) {
      throw ServiceException.badInput("path", "scenario path '" + shorten(id) + "' is not allowed: use folder/name "
          + "with letters, digits, '-', '_', '.' and no '..'");
    }
    for (String part : id.split("/")) {
      if (part.length() > 200) {
        throw ServiceException.badInput("path", "each part of a scenario path is at most 200 characters (file systems "
            + "refuse longer names)");
      }
    }
    return stripExtension(id);
  }

  private Path confined(String relative) {
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root)) {
      throw ServiceException.badInput("path", "the path leaves the scenarios folder");
    }
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      checkReal(p);
    }
    return p;
  }

  /** A symlink must not lead out of the folder. */
  private void checkReal(Path p) {
    try {
      Path realRoot = root.toRealPath();
      if (!p.toRealPath().startsWith(realRoot)) {
        throw ServiceException.badInput("path", "the path leads out of the scenarios folder");
      }
    } catch (IOException e) {
      throw ServiceException.badInput("path", "cannot resolve the path: " + e.getMessage());
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ServiceException(ErrorCode.INTERNAL, "cannot read " + p.getFileName() + ": " + e.getMessage());
    }
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  private static String stripExtension(String s) {
    return s.endsWith(".yaml") ? s.substring(0, s.length() - 5) : s.endsWith(".yml") ? s.substring(0, s.length() - 4) : s;
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
