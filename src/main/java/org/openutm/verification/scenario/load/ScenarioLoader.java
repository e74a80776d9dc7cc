package org.openutm.verification.scenario.load;

import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openutm.verification.core.yaml.Pos;
import org.openutm.verification.core.yaml.YNode;
import org.openutm.verification.scenario.model.GroupDef;
import org.openutm.verification.scenario.model.LoopDef;
import org.openutm.verification.scenario.model.Problem;
import org.openutm.verification.scenario.model.ScenarioDef;
import org.openutm.verification.scenario.model.StepDef;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns scenario YAML (with positions) or JSON into a {@link ScenarioDef}, collecting every structural problem
 * instead of stopping at the first. Unknown keys are ignored, as in the Python toolkit.
 */
public final class ScenarioLoader {
  /** What loading produced: a definition (possibly partial) and the problems found on the way. */
  public record Loaded(ScenarioDef scenario, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

  private final List<Problem> problems = new ArrayList<>();

  private ScenarioLoader() {
  }

  public static Loaded fromYaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(100);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      var m = e.getProblemMark();
      Pos pos = m == null ? null : new Pos(m.getLine() + 1, m.getColumn() + 1);
      String msg = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
      return new Loaded(null, List.of(new Problem(pos, null, "", "YAML syntax: " + msg)));
    } catch (YAMLException e) {
      return new Loaded(null, List.of(new Problem(null, null, "", "YAML: " + e.getMessage())));
    }
    if (root == null) {
      return new Loaded(null, List.of(new Problem(new Pos(1, 1), null, "", "the scenario is empty")));
    }
    YNode tree;
    try {
      tree = YNode.of(root);
    } catch (IllegalArgumentException e) {
      return new Loaded(null, List.of(new Problem(null, null, "", "YAML: " + e.getMessage())));
    }
    return new ScenarioLoader().load(tree);
  }

  public static Loaded fromJson(JsonObject json) {
    return new ScenarioLoader().load(YNode.ofJson(json));
  }

  private Loaded load(YNode root) {
    if (!root.isMap()) {
      problems.add(new Problem(root.pos(), null, "", "a scenario is a mapping with name, steps and optional groups"));
      return new Loaded(null, problems);
    }
    String name = string(root, "name", "name", null, true);
    if (name == null || name.isBlank()) {
      problems.add(new Problem(root.pos(), null, "name", "'name' is required"));
    }
    String description = string(root, "description", "description", null, true);
    Map<String, GroupDef> groups = new LinkedHashMap<>();
    YNode g = root.get("groups");
    if (g != null && !g.isMap() && (g.isList() || g.scalar() != null)) {
      problems.add(new Problem(g.pos(), null, "groups", "'groups' must be a mapping of group name to {steps}"));
    } else if (g != null && g.isMap()) {
      g.map().forEach((gname, gnode) -> {
        String path = "groups." + gname;
        if (!gnode.isMap()) {
          problems.add(new Problem(gnode.pos(), null, path, "group '" + gname + "' must be a mapping with steps"));
          return;
        }
        List<StepDef> steps = steps(gnode, path + ".steps");
        groups.put(gname, new GroupDef(gname, string(gnode, "description", path + ".description", null, true), steps,
            g.keyPos(gname)));
      });
    }
    List<StepDef> steps = steps(root, "steps");
    return new Loaded(new ScenarioDef(name == null ? "" : name, description, groups, steps), problems);
  }

  private List<StepDef> steps(YNode parent, String path) {
    YNode s = parent.get("steps");
    List<StepDef> out = new ArrayList<>();
    if (s == null || !s.isList()) {
      problems.add(new Problem(s == null ? parent.pos() : s.pos(), null, path, "'steps' must be a list of steps"));
      return out;
    }
    for (int i = 0; i < s.list().size(); i++) {
      StepDef d = step(s.list().get(i), path + "[" + i + "]");
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  private StepDef step(YNode n, String path) {
    if (!n.isMap()) {
      problems.add(new Problem(n.pos(), null, path, "a step must be a mapping with at least 'step'"));
      return null;
    }
    Map<String, Pos> keyPos = new LinkedHashMap<>();
    n.map().keySet().forEach(k -> keyPos.put(k, n.keyPos(k)));
    String id = string(n, "id", path + ".id", null, true);
    String step = string(n, "step", path + ".step", id, false);
    if (step == null) {
      return null;
    }
    StepDef partial = new StepDef(id, step, Map.of(), List.of(), false, null, null, null, false, path, n.pos(), keyPos);
    String who = partial.effectiveId();
    Map<String, Object> args = new LinkedHashMap<>();
    YNode a = n.get("arguments");
    if (a != null && a.isMap()) {
      a.map().forEach((k, v) -> {
        args.put(k, v.plain());
        keyPos.put("arguments." + k, a.keyPos(k) != null ? a.keyPos(k) : v.pos());
      });
    } else if (a != null && a.scalar() != null) {
      problems.add(new Problem(a.pos(), who, path + ".arguments", "'arguments' must be a mapping"));
    } else if (a != null && a.isList()) {
      problems.add(new Problem(a.pos(), who, path + ".arguments", "'arguments' must be a mapping"));
    }
    List<String> needs = new ArrayList<>();
    YNode nd = n.get("needs");
    if (nd != null) {
      if (nd.isList()) {
        for (YNode x : nd.list()) {
          if (x.scalar() instanceof String sx) {
            needs.add(sx);
          } else {
            problems.add(new Problem(x.pos(), who, path + ".needs", "each of 'needs' must be a step id"));
          }
        }
      } else if (nd.scalar() instanceof String one) {
        needs.add(one);
      } else if (nd.scalar() != null || nd.isMap()) {
        problems.add(new Problem(nd.pos(), who, path + ".needs", "'needs' must be a list of step ids"));
      }
    }
    boolean background = bool(n, "background", path, who);
    boolean continueOnError = bool(n, "continue-on-error", path, who);
    String condition = null;
    YNode c = n.get("if");
    if (c != null && c.scalar() != null) {
      condition = c.scalar() instanceof Boolean b ? String.valueOf(b) : String.valueOf(c.scalar());
      if (condition.isBlank()) {
        condition = null; // an empty if: is the default, success() (as the toolkit's evaluator)
      }
    } else if (c != null && (c.isMap() || c.isList())) {
      problems.add(new Problem(c.pos(), who, path + ".if", "'if' must be a condition string"));
    }
    LoopDef loop = loop(n.get("loop"), path + ".loop", who);
    return new StepDef(id, step, args, needs, background, string(n, "description", path + ".description", who, true),
        condition, loop, continueOnError, path, n.pos(), keyPos);
  }

  private LoopDef loop(YNode l, String path, String who) {
    if (l == null || (l.scalar() == null && !l.isMap() && !l.isList())) {
      return null;
    }
    if (!l.isMap()) {
      problems.add(new Problem(l.pos(), who, path, "'loop' must be a mapping with count, items or while"));
      return null;
    }
    YNode count = l.get("count");
    YNode items = l.get("items");
    YNode whileNode = l.get("while");
    if (count == null && items == null && whileNode == null) {
      problems.add(new Problem(l.pos(), who, path, "'loop' needs count, items or while"));
      return null;
    }
    if (count != null && items != null) {
      problems.add(new Problem(l.pos(), who, path, "'loop' takes count or items, not both"));
    }
    Object countValue = count == null ? null : count.plain();
    if (countValue instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      countValue = n.longValue();
    }
    if (countValue instanceof Long n && n > LoopDef.MAX_ITERATIONS) {
      problems.add(new Problem(count.pos(), who, path + ".count", "'count' is at most " + LoopDef.MAX_ITERATIONS));
      countValue = null;
    }
    if (countValue != null && !(countValue instanceof Long n && n >= 0)
        && !(countValue instanceof String s && s.contains("${{"))) {
      problems.add(new Problem(count.pos(), who, path + ".count", "'count' must be a whole number >= 0 or an expression"));
      countValue = null;
    }
    Object itemsValue = items == null ? null : items.plain();
    if (itemsValue instanceof io.vertx.core.json.JsonArray list && list.size() > LoopDef.MAX_ITERATIONS) {
      problems.add(new Problem(items.pos(), who, path + ".items", "'items' holds at most " + LoopDef.MAX_ITERATIONS));
      itemsValue = null;
    }
    if (itemsValue != null && !(itemsValue instanceof io.vertx.core.json.JsonArray)
        && !(itemsValue instanceof String s && s.contains("${{"))) {
      problems.add(new Problem(items.pos(), who, path + ".items", "'items' must be a list or an expression"));
      itemsValue = null;
    }
    String whileCond = null;
    if (whileNode != null) {
      if (whileNode.scalar() instanceof String || whileNode.scalar() instanceof Boolean) {
        whileCond = String.valueOf(whileNode.scalar());
      } else {
        problems.add(new Problem(whileNode.pos(), who, path + ".while", "'while' must be a condition string"));
      }
    }
    return new LoopDef(countValue, itemsValue, whileCond);
  }

  private boolean bool(YNode n, String key, String path, String who) {
    YNode v = n.get(key);
    if (v == null || v.scalar() == null && !v.isMap() && !v.isList()) {
      return false;
    }
    if (v.scalar() instanceof Boolean b) {
      return b;
    }
    problems.add(new Problem(v.pos(), who, path + "." + key, "'" + key + "' must be true or false"));
    return false;
  }

  private String string(YNode n, String key, String path, String who, boolean optional) {
    YNode v = n.get(key);
    if (v == null || (v.scalar() == null && !v.isMap() && !v.isList())) {
      if (!optional) {
        problems.add(new Problem(n.pos(), who, path, "'" + key + "' is required"));
      }
      return null;
    }
    if (v.scalar() instanceof String s) {
      return s;
    }
    if (v.scalar() instanceof Number || v.scalar() instanceof Boolean) {
      return String.valueOf(v.scalar());
    }
    problems.add(new Problem(v.pos(), who, path, "'" + key + "' must be a string"));
    return null;
  }
}
