package org.openutm.verification.config;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Applies a partial config to YAML text in place: a value that exists is replaced where it stands (its comments,
 * the other keys and their order stay as they were), a new key is added at the end of its section, a new section at
 * the end of the file. Values are written in flow style (JSON is valid YAML).
 */
public final class YamlEditor {
  /** A replacement; {@code appended} ones (new keys) go after a value edit at the same place. */
  private record Edit(int start, int end, String text, boolean appended) {
    Edit(int start, int end, String text) {
      this(start, end, text, false);
    }
  }

  private YamlEditor() {
  }

  public static String apply(String text, JsonObject patch) {
    Node root = text.isBlank() ? null : new Yaml(new SafeConstructor(new LoaderOptions())).compose(new java.io.StringReader(text));
    List<Edit> edits = new ArrayList<>();
    StringBuilder appended = new StringBuilder();
    if (root instanceof MappingNode map) {
      edit(text, map, patch, edits);
    } else {
      patch.forEach(e -> appended.append(block(e.getKey(), e.getValue(), 0)));
    }
    edits.sort(Comparator.comparingInt(Edit::start).thenComparing(Edit::appended).reversed());
    StringBuilder out = new StringBuilder(text);
    for (Edit e : edits) {
      out.replace(e.start, e.end, e.text);
    }
    if (appended.length() > 0) {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append(appended);
    }
    return out.toString();
  }

  private static void edit(String text, MappingNode map, JsonObject patch, List<Edit> edits) {
    int indent = map.getValue().isEmpty() ? 0 : map.getValue().get(0).getKeyNode().getStartMark().getColumn();
    StringBuilder added = new StringBuilder();
    for (var e : patch) {
      NodeTuple t = find(map, e.getKey());
      if (t == null) {
        added.append(block(e.getKey(), e.getValue(), indent));
        continue;
      }
      Node value = t.getValueNode();
      if (e.getValue() instanceof JsonObject sub && value instanceof MappingNode m && m.getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW
          && !m.getValue().isEmpty()) {
        edit(text, m, sub, edits);
        continue;
      }
      int start = value.getStartMark().getIndex();
      int end = value.getEndMark().getIndex();
      boolean empty = value instanceof ScalarNode s && s.getValue().isEmpty() && start == end;
      if (empty) {
        start = t.getKeyNode().getEndMark().getIndex() + 1; // right after "key:"
        end = start;
      }
      if (!(value instanceof ScalarNode) && !(value instanceof MappingNode mm && mm.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW)
          && !(value instanceof org.yaml.snakeyaml.nodes.SequenceNode sq && sq.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW)) {
        // a block collection: replace from right after "key:" to the end of its last line
        start = t.getKeyNode().getEndMark().getIndex() + 1;
        end = trimTrailing(text, end);
        edits.add(new Edit(start, end, " " + flow(merged(value, e.getValue()))));
        continue;
      }
      edits.add(new Edit(start, end, (empty ? " " : "") + flow(merged(value, e.getValue()))));
    }
    if (added.length() > 0) {
      NodeTuple last = map.getValue().get(map.getValue().size() - 1);
      int at = lineEnd(text, trimTrailing(text, last.getValueNode().getEndMark().getIndex()));
      edits.add(new Edit(at, at, "\n" + added.toString().stripTrailing(), true));
    }
  }

  /** A block collection replaced by a mapping patch keeps its other keys. */
  private static Object merged(Node existing, Object patch) {
    if (existing instanceof MappingNode && patch instanceof JsonObject p) {
      Object plain = org.openutm.verification.core.yaml.YNode.of(existing).plain();
      if (plain instanceof JsonObject o) {
        return o.mergeIn(p, true);
      }
    }
    return patch;
  }

  private static NodeTuple find(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t;
      }
    }
    return null;
  }

  /** Back over whitespace and newlines: the end of the last meaningful character. */
  private static int trimTrailing(String text, int end) {
    int i = Math.min(end, text.length());
    while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  /** {@code key: value} lines at {@code indent}; a mapping as nested block lines. */
  static String block(String key, Object value, int indent) {
    String pad = " ".repeat(indent);
    if (value instanceof JsonObject o && !o.isEmpty()) {
      StringBuilder sb = new StringBuilder(pad).append(flowKey(key)).append(":\n");
      o.forEach(e -> sb.append(block(e.getKey(), e.getValue(), indent + 2)));
      return sb.toString();
    }
    return pad + flowKey(key) + ": " + flow(value) + "\n";
  }

  private static String flowKey(String key) {
    // bare unless YAML 1.1 would read it as something else: the Python toolkit (PyYAML) reads a bare on: as True
    return key.matches("[A-Za-z_][A-Za-z0-9_.-]*") && !YAML11_WORDS.contains(key.toLowerCase(java.util.Locale.ROOT))
        ? key : Json.encode(key);
  }

  private static final java.util.Set<String> YAML11_WORDS = java.util.Set.of("y", "n", "yes", "no", "on", "off", "true",
      "false", "null");

  static String flow(Object v) {
    if (v instanceof JsonArray a) { // element by element: a double inside keeps its YAML float form
      StringBuilder sb = new StringBuilder("[");
      a.forEach(e -> sb.append(sb.length() > 1 ? ", " : "").append(flow(e)));
      return sb.append(']').toString();
    }
    if (v instanceof JsonObject o) {
      StringBuilder sb = new StringBuilder("{");
      o.forEach(e -> sb.append(sb.length() > 1 ? ", " : "").append(flowKey(e.getKey())).append(": ").append(flow(e.getValue())));
      return sb.append('}').toString();
    }
    if (v instanceof String || v == null) {
      return Json.encode(v);
    }
    String text = String.valueOf(v);
    // YAML 1.1 reads 1.0E8 as a string: its floats need a signed exponent (1.0e+8)
    return v instanceof Double || v instanceof Float ? text.replaceFirst("E(\\d)", "e+$1").replace("E-", "e-") : text;
  }
}
