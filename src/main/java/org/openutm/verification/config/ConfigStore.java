package org.openutm.verification.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.core.AtomicFiles;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.yaml.YNode;

/**
 * PUT /api/config as a transaction on the config file: validate the partial config (types, unknown keys, masked
 * values, data files), edit the file in place keeping comments and key order, check the edit reads back as intended,
 * write it atomically, and only then hand back the new effective config. Any failure leaves the file as it was.
 * Blocking file IO: call from executeBlocking.
 */
public final class ConfigStore {
  /** How the file is written; tests substitute a failing one to prove the old file survives. */
  @FunctionalInterface
  interface FileWriter {
    void write(Path target, String text) throws IOException;
  }

  /** A saved change: the new effective config, and which sections apply now or at the next start. */
  public record Saved(AppConfig config, List<String> applied, List<String> restartRequired) {
  }

  private final FileWriter writer;

  public ConfigStore() {
    this(AtomicFiles::write);
  }

  ConfigStore(FileWriter writer) {
    this.writer = writer;
  }

  private static final Object LOCK = new Object();

  /** Saves {@code patch} over the live config and applies it; one change at a time per process. */
  public Saved update(LiveConfig live, JsonObject patch) {
    synchronized (LOCK) {
      Saved saved = update(live.current(), patch);
      live.apply(saved.config());
      return saved;
    }
  }

  public Saved update(AppConfig current, JsonObject patch) {
    if (patch == null || patch.isEmpty()) {
      throw ServiceException.badInput("body", "send a partial config: a JSON object of sections to change");
    }
    patch = patch.copy();
    if (patch.getValue("config_path") instanceof String p && p.equals(String.valueOf(current.path()))) {
      patch.remove("config_path"); // shown by GET, not a key of the file
    }
    List<ConfigSchema.Problem> problems = new ArrayList<>(ConfigSchema.check(YNode.ofJson(patch), ConfigSchema.ROOT));
    JsonObject sent = (JsonObject) unmask(patch.copy(), current.json(), "", problems);
    if (!problems.isEmpty()) {
      throw ConfigLoader.invalid("change", problems);
    }
    JsonObject unmasked = ConfigDiff.changes(sent, current);
    if (unmasked.isEmpty()) {
      return new Saved(current, List.of(), List.of());
    }
    Path path = current.path();
    String text;
    try {
      text = path != null && Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new ServiceException(ErrorCode.INTERNAL, "cannot read " + path + ": " + e.getMessage());
    }
    JsonObject next = current.json().copy().mergeIn(unmasked, true);
    leaveEmulator(current, unmasked, next);
    AppConfig candidate = new AppConfig(next, path);
    problems.addAll(ConfigLoader.missingDataFiles(candidate, null));
    if (!problems.isEmpty()) {
      throw ConfigLoader.invalid("change", problems);
    }
    String edited = YamlEditor.apply(text, unmasked);
    JsonObject before = text.isBlank() ? new JsonObject() : (JsonObject) readBack(text);
    Object after = readBack(edited);
    if (!before.copy().mergeIn(unmasked, true).equals(after)) {
      throw new ServiceException(ErrorCode.INTERNAL, "the edited config would not read back as intended; nothing saved",
          new JsonObject().put("field", "body"));
    }
    try {
      writer.write(path, edited);
    } catch (IOException | RuntimeException e) {
      throw new ServiceException(ErrorCode.INTERNAL, "cannot write " + path + " (the old file is unchanged): "
          + e.getMessage(), new JsonObject().put("field", "config_path"));
    }
    List<String> applied = new ArrayList<>();
    List<String> restart = new ArrayList<>();
    for (String section : unmasked.fieldNames()) {
      (LiveConfig.LIVE_SECTIONS.contains(section) || section.equals("suites") ? applied : restart).add(section);
    }
    return new Saved(candidate, applied, restart);
  }

  /**
   * The embedded emulator serves while flight_blender.url is empty (an empty url or the emulator's own address is no
   * change: {@link ConfigDiff}); a real url leaves it, and the emulator stops serving this service at the next start.
   */
  private static void leaveEmulator(AppConfig current, JsonObject changes, JsonObject next) {
    if (changes.getValue("flight_blender") instanceof JsonObject fb && fb.containsKey("url")
        && current.section("flight_blender").getBoolean("emulated", false)) {
      next.getJsonObject("flight_blender").remove("emulated");
    }
  }

  private static Object readBack(String text) {
    org.yaml.snakeyaml.nodes.Node n = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
        new org.yaml.snakeyaml.LoaderOptions())).compose(new java.io.StringReader(text));
    return n == null ? new JsonObject() : YNode.of(n).plain();
  }

  /**
   * A masked value sent back ("********", or a URL whose password is masked as GET /api/config shows it) keeps the
   * stored secret; any other value containing the mask is refused rather than saved.
   */
  static Object unmask(Object v, Object stored, String path, List<ConfigSchema.Problem> problems) {
    if (v instanceof JsonObject o) {
      for (String k : new ArrayList<>(o.fieldNames())) {
        Object s = stored instanceof JsonObject so ? so.getValue(k) : null;
        o.put(k, unmask(o.getValue(k), s, path.isEmpty() ? k : path + "." + k, problems));
      }
      return o;
    }
    if (v instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        Object s = stored instanceof JsonArray sa && i < sa.size() ? sa.getValue(i) : null;
        a.set(i, unmask(a.getValue(i), s, path + "[" + i + "]", problems));
      }
      return a;
    }
    if (v instanceof String str && str.contains(AppConfig.MASK)) {
      if (stored instanceof String s && (str.equals(AppConfig.MASK) || str.equals(AppConfig.maskUrl(s)))) {
        return s;
      }
      problems.add(new ConfigSchema.Problem(path, 0, 0, "holds the mask '" + AppConfig.MASK + "' but no stored "
          + "secret matches it: send the real value, or the masked value exactly as GET /api/config shows it"));
    }
    return v;
  }
}
