package org.openutm.verification.core.yaml;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML (or JSON) value with its position: a map (key -> node, with the key's position), a list, or a scalar.
 * {@link #plain()} gives the value as plain JSON-compatible Java (JsonObject, JsonArray, String, Long, Double, ...).
 */
public final class YNode {
  private final Object scalar;
  private final Map<String, YNode> map;
  private final Map<String, Pos> keyPos;
  private final List<YNode> list;
  private final Pos pos;

  private YNode(Object scalar, Map<String, YNode> map, Map<String, Pos> keyPos, List<YNode> list, Pos pos) {
    this.scalar = scalar;
    this.map = map;
    this.keyPos = keyPos;
    this.list = list;
    this.pos = pos;
  }

  public boolean isMap() {
    return map != null;
  }

  public boolean isList() {
    return list != null;
  }

  public Map<String, YNode> map() {
    return map;
  }

  public List<YNode> list() {
    return list;
  }

  public Object scalar() {
    return scalar;
  }

  public Pos pos() {
    return pos;
  }

  public Pos keyPos(String key) {
    return keyPos == null ? null : keyPos.get(key);
  }

  public YNode get(String key) {
    return map == null ? null : map.get(key);
  }

  public Object plain() {
    if (map != null) {
      JsonObject o = new JsonObject(new LinkedHashMap<>());
      map.forEach((k, v) -> o.put(k, v.plain()));
      return o;
    }
    if (list != null) {
      JsonArray a = new JsonArray(new ArrayList<>(list.size()));
      list.forEach(v -> a.add(v.plain()));
      return a;
    }
    return scalar;
  }

  static Pos pos(Node n) {
    return n.getStartMark() == null ? null : new Pos(n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  /** From a composed snakeyaml node (implicit tags already resolved, YAML 1.1 as PyYAML). */
  public static YNode of(Node n) {
    return of(n, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  /** {@code path}: the nodes being converted above this one; an alias pointing back into it is refused. */
  private static YNode of(Node n, java.util.Set<Node> path) {
    if (!path.add(n)) {
      throw new IllegalArgumentException("recursive alias: a YAML anchor is used inside itself");
    }
    try {
      return convert(n, path);
    } finally {
      path.remove(n);
    }
  }

  private static YNode convert(Node n, java.util.Set<Node> path) {
    if (n instanceof MappingNode m) {
      Map<String, YNode> out = new LinkedHashMap<>();
      Map<String, Pos> keys = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(of(t.getKeyNode(), path).plain());
        out.put(key, of(t.getValueNode(), path));
        keys.put(key, pos(t.getKeyNode()));
      }
      return new YNode(null, out, keys, null, pos(n));
    }
    if (n instanceof SequenceNode s) {
      List<YNode> out = new ArrayList<>();
      s.getValue().forEach(v -> out.add(of(v, path)));
      return new YNode(null, null, null, out, pos(n));
    }
    ScalarNode s = (ScalarNode) n;
    return new YNode(scalar(s), null, null, null, pos(n));
  }

  private static Object scalar(ScalarNode s) {
    String v = s.getValue();
    Tag tag = s.getTag();
    try {
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        String l = v.toLowerCase();
        return l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("y");
      }
      if (Tag.INT.equals(tag)) {
        String t = v.replace("_", "");
        BigInteger b = t.startsWith("0x") ? new BigInteger(t.substring(2), 16)
            : t.startsWith("0o") ? new BigInteger(t.substring(2), 8) : new BigInteger(t);
        return b.bitLength() < 63 ? (Object) b.longValue() : (Object) b.doubleValue();
      }
      if (Tag.FLOAT.equals(tag)) {
        String t = v.replace("_", "").toLowerCase();
        if (t.endsWith(".inf") || t.endsWith(".nan")) {
          return v;
        }
        return Double.parseDouble(t);
      }
    } catch (NumberFormatException e) {
      return v;
    }
    return v;
  }

  /** From JSON (no positions). */
  public static YNode ofJson(Object v) {
    if (v instanceof JsonObject o) {
      Map<String, YNode> out = new LinkedHashMap<>();
      o.forEach(e -> out.put(e.getKey(), ofJson(e.getValue())));
      return new YNode(null, out, Map.of(), null, null);
    }
    if (v instanceof Map<?, ?> m) {
      return ofJson(new JsonObject(new LinkedHashMap<>(castMap(m))));
    }
    if (v instanceof JsonArray a) {
      List<YNode> out = new ArrayList<>();
      a.forEach(x -> out.add(ofJson(x)));
      return new YNode(null, null, null, out, null);
    }
    if (v instanceof List<?> l) {
      return ofJson(new JsonArray(new ArrayList<>(l)));
    }
    return new YNode(v, null, null, null, null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
