package org.openutm.verification.scenario.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openutm.verification.core.yaml.Pos;
import org.openutm.verification.operation.ArgumentCoercer;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.scenario.expression.Expr;
import org.openutm.verification.scenario.expression.ExpressionException;
import org.openutm.verification.scenario.expression.ExpressionParser;
import org.openutm.verification.scenario.expression.Templates;
import org.openutm.verification.scenario.model.GroupDef;
import org.openutm.verification.scenario.model.Problem;
import org.openutm.verification.scenario.model.ScenarioDef;
import org.openutm.verification.scenario.model.StepDef;

/**
 * Every problem of a scenario before any step runs: unknown operations and groups, argument names and types (the
 * catalogue's schema; {@code ${{ }}} values are checked when they run), duplicate ids, {@code needs} naming an
 * unknown or later step, references to steps that cannot have run yet, groups that include themselves, malformed
 * expressions and conditions.
 */
public final class ScenarioValidator {
  private final OperationCatalog catalog;
  private final ScenarioDef scenario;
  private final List<Problem> problems = new ArrayList<>();

  private ScenarioValidator(OperationCatalog catalog, ScenarioDef scenario) {
    this.catalog = catalog;
    this.scenario = scenario;
  }

  public static List<Problem> validate(ScenarioDef scenario, OperationCatalog catalog) {
    return validate(scenario, catalog, Set.of());
  }

  /** As above, the steps also seeing {@code earlier}: what a session's earlier single steps recorded. */
  public static List<Problem> validate(ScenarioDef scenario, OperationCatalog catalog, Set<String> earlier) {
    ScenarioValidator v = new ScenarioValidator(catalog, scenario);
    v.groupCycles();
    scenario.groups().values().forEach(g -> v.scope(g.steps(), Set.of(), true));
    v.scope(scenario.steps(), earlier, false);
    return v.problems;
  }

  /**
   * The top-level steps alone, seeing {@code earlier}; the groups are taken as valid (a session's single steps: the
   * scenario they may call groups of was validated whole when it was loaded).
   */
  public static List<Problem> validateSteps(ScenarioDef scenario, OperationCatalog catalog, Set<String> earlier) {
    ScenarioValidator v = new ScenarioValidator(catalog, scenario);
    v.scope(scenario.steps(), earlier, false);
    return v.problems;
  }

  /** Validates a list of steps; {@code outer} holds the keys visible from enclosing scopes. */
  private void scope(List<StepDef> steps, Set<String> outer, boolean inGroup) {
    Set<String> ids = new HashSet<>();
    Set<String> earlier = new Layered(outer);
    Set<String> allIds = new HashSet<>();
    steps.forEach(x -> allIds.add(x.effectiveId()));
    for (StepDef s : steps) {
      String id = s.effectiveId();
      if (!ids.add(id)) {
        add(s, "id", "duplicate step id '" + id + "' (give one of them an 'id')");
      }
      checkOperation(s);
      for (String need : s.needs()) {
        if (!earlier.contains(need)) {
          boolean later = allIds.contains(need);
          add(s, "needs", later ? "needs '" + need + "', which comes later" : "needs '" + need + "', which is no step of "
              + (inGroup ? "this group" : "this scenario") + " before it");
        }
      }
      boolean looped = s.loop() != null;
      Set<String> visibleToSelf = earlier;
      checkExpressions(s, "if", s.condition(), true, visibleToSelf, inGroup, looped);
      if (s.loop() != null) {
        checkValue(s, "loop", s.loop().count(), visibleToSelf, inGroup, false);
        checkValue(s, "loop", s.loop().items(), visibleToSelf, inGroup, false);
        boolean added = earlier.add(id);
        checkExpressions(s, "loop", s.loop().whileCondition(), true, earlier, inGroup, true);
        if (added) {
          earlier.remove(id);
        }
      }
      s.arguments().forEach((k, v) -> checkValue(s, "arguments." + k, v, visibleToSelf, inGroup, looped));
      earlier.add(id);
      earlier.add(s.step());
    }
  }

  private void checkOperation(StepDef s) {
    if (OperationCatalog.JOIN_STEP.equals(s.step())) {
      return;
    }
    OperationDef op = catalog.find(s.step());
    if (op != null) {
      for (ArgumentCoercer.Problem p : ArgumentCoercer.problems(op, s.arguments(), true)) {
        String key = "arguments." + p.field();
        problems.add(new Problem(s.posOf(s.keyPos().containsKey(key) ? key : "step"), s.effectiveId(),
            s.path() + "." + key, "argument '" + p.field() + "' " + p.message()));
      }
      return;
    }
    if (scenario.groups().containsKey(s.step())) {
      if (!s.arguments().isEmpty()) {
        add(s, "arguments", "group '" + s.step() + "' takes no arguments");
      }
      return;
    }
    List<String> near = catalog.suggestions(s.step());
    add(s, "step", "unknown operation or group '" + s.step() + "'" + (near.isEmpty() ? "" : " (did you mean " + near + "?)"));
  }

  private void checkValue(StepDef s, String key, Object value, Set<String> visible, boolean inGroup, boolean looped) {
    if (value instanceof String text) {
      if (!text.contains(Templates.OPEN)) {
        return;
      }
      List<Templates.Span> spans;
      try {
        spans = Templates.spans(text);
      } catch (ExpressionException e) {
        add(s, key, "in '" + key + "': " + e.getMessage());
        return;
      }
      for (Templates.Span span : spans) {
        checkExpressions(s, key, span.expression(), false, visible, inGroup, looped);
      }
    } else if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> checkValue(s, key, v, visible, inGroup, looped));
    } else if (value instanceof Iterable<?> l) {
      l.forEach(v -> checkValue(s, key, v, visible, inGroup, looped));
    } else if (value instanceof io.vertx.core.json.JsonObject o) {
      o.forEach(e -> checkValue(s, key, e.getValue(), visible, inGroup, looped));
    }
  }

  private void checkExpressions(StepDef s, String key, String text, boolean condition, Set<String> visible,
      boolean inGroup, boolean looped) {
    if (text == null) {
      return;
    }
    String expr = condition ? unwrap(text) : text;
    Expr tree;
    try {
      tree = ExpressionParser.parse(expr);
    } catch (ExpressionException e) {
      add(s, key, (condition ? "condition" : "expression") + " '" + expr + "': " + e.getMessage());
      return;
    }
    checkRefs(s, key, tree, visible, inGroup, looped);
  }

  /** A condition may be written bare or wrapped in ${{ }}. */
  public static String unwrap(String condition) {
    return ExpressionParser.unwrapCondition(condition);
  }

  private void checkRefs(StepDef s, String key, Expr e, Set<String> visible, boolean inGroup, boolean looped) {
    if (e instanceof Expr.Ref r) {
      switch (r.context()) {
        case "steps" -> {
          if (!known(r.name(), visible) && !inGroup) {
            add(s, key, "'steps." + r.name() + "' refers to a step that cannot have run yet (no earlier step has that id or name)");
          }
        }
        case "group" -> {
          if (!inGroup) {
            add(s, key, "'group." + r.name() + "' is only available inside a group");
          }
        }
        case "loop" -> {
          if (!looped && !inGroup) {
            add(s, key, "'loop." + r.name() + "' is only available in a loop");
          } else if (!r.name().equals("index") && !r.name().equals("item")) {
            add(s, key, "'loop." + r.name() + "': a loop has only index and item");
          }
        }
        default -> {
        }
      }
    } else if (e instanceof Expr.Not n) {
      checkRefs(s, key, n.operand(), visible, inGroup, looped);
    } else if (e instanceof Expr.And a) {
      checkRefs(s, key, a.left(), visible, inGroup, looped);
      checkRefs(s, key, a.right(), visible, inGroup, looped);
    } else if (e instanceof Expr.Or o) {
      checkRefs(s, key, o.left(), visible, inGroup, looped);
      checkRefs(s, key, o.right(), visible, inGroup, looped);
    } else if (e instanceof Expr.Compare c) {
      checkRefs(s, key, c.left(), visible, inGroup, looped);
      checkRefs(s, key, c.right(), visible, inGroup, looped);
    }
  }

  /** An id or name seen earlier, a loop iteration "id[N]" of one, or a looped group's "group[N].id". */
  private static boolean known(String name, Set<String> visible) {
    if (visible.contains(name)) {
      return true;
    }
    String base = name.replaceAll("\\[\\d+]", "");
    if (visible.contains(base)) {
      return true;
    }
    int dot = base.indexOf('.');
    return dot > 0 && visible.contains(base.substring(0, dot));
  }

  /**
   * The keys visible in a scope: its own, added as the walk goes, over the enclosing ones (read, never copied: a
   * session's earlier steps can be many, and each single step is validated on its own).
   */
  private static final class Layered extends java.util.AbstractSet<String> {
    private final Set<String> own = new HashSet<>();
    private final Set<String> outer;

    Layered(Set<String> outer) {
      this.outer = outer;
    }

    @Override
    public boolean contains(Object o) {
      return own.contains(o) || outer.contains(o);
    }

    @Override
    public boolean add(String k) {
      return own.add(k); // a key also visible from outside stays visible when its own entry is removed
    }

    @Override
    public boolean remove(Object o) {
      return own.remove(o);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.stream.Stream.concat(outer.stream(), own.stream().filter(k -> !outer.contains(k))).iterator();
    }

    @Override
    public int size() {
      return (int) (outer.size() + own.stream().filter(k -> !outer.contains(k)).count());
    }
  }

  private void groupCycles() {
    for (GroupDef g : scenario.groups().values()) {
      if (reaches(g.name(), g.name(), new HashSet<>())) {
        problems.add(new Problem(g.pos(), null, "groups." + g.name(), "group '" + g.name() + "' includes itself"));
      }
    }
  }

  private boolean reaches(String from, String target, Set<String> seen) {
    GroupDef g = scenario.groups().get(from);
    if (g == null || !seen.add(from)) {
      return false;
    }
    for (StepDef s : g.steps()) {
      if (s.step().equals(target) || reaches(s.step(), target, seen)) {
        return true;
      }
    }
    return false;
  }

  private void add(StepDef s, String key, String message) {
    Pos pos = s.posOf(key);
    problems.add(new Problem(pos, s.effectiveId(), s.path() + (key.equals("step") ? "" : "." + key), message));
  }
}
