package org.openutm.verification.engine;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.openutm.verification.scenario.expression.EvalContext;
import org.openutm.verification.scenario.expression.Evaluator;
import org.openutm.verification.scenario.expression.Expr;
import org.openutm.verification.scenario.expression.ExpressionException;

/**
 * Where a step runs: the run, the id prefix of a looped group ("grp[2]."), whether it is inside a group, and the
 * current loop index and item. It is also the step's expression context.
 */
final class Scope implements EvalContext {
  final RunState run;
  final EffectiveConfig config;
  final String prefix;
  final boolean inGroup;
  final Integer loopIndex;
  final Object loopItem;

  Scope(RunState run, EffectiveConfig config, String prefix, boolean inGroup, Integer loopIndex, Object loopItem) {
    this.run = run;
    this.config = config;
    this.prefix = prefix;
    this.inGroup = inGroup;
    this.loopIndex = loopIndex;
    this.loopItem = loopItem;
  }

  Scope enterGroup(String newPrefix) {
    return new Scope(run, config, newPrefix, true, loopIndex, loopItem);
  }

  Scope iteration(int index, Object item) {
    return new Scope(run, config, prefix, inGroup, index, item);
  }

  @Override
  public Object step(String key) {
    JsonObject r = lookup(key);
    if (r == null) {
      throw new ExpressionException("no step '" + key + "' has run yet");
    }
    return r;
  }

  /** Group results first, then by id, by display name (latest), then a looped id ending in ".key". */
  JsonObject lookup(String key) {
    if (!prefix.isEmpty()) {
      JsonObject own = run.get(prefix + key);
      if (own != null) {
        return own;
      }
    }
    JsonObject r = run.get(key);
    if (r != null) {
      return r;
    }
    JsonObject found = run.byName(key);
    return found != null ? found : run.bySuffix(key);
  }

  @Override
  public Object group(String key) {
    if (!inGroup) {
      return EvalContext.super.group(key);
    }
    JsonObject r = run.get(prefix + key);
    if (r == null) {
      throw new ExpressionException("no step '" + key + "' has run in this group yet");
    }
    return r;
  }

  @Override
  public Object loop(String field) {
    if (loopIndex == null) {
      return EvalContext.super.loop(field);
    }
    return switch (field) {
      case "index" -> loopIndex;
      case "item" -> loopItem;
      default -> throw new ExpressionException("a loop has only index and item, not '" + field + "'");
    };
  }

  @Override
  public Object dataFile(String name) {
    return EvalContext.dataFileIn(config.config().section("data_files"), name);
  }

  @Override
  public Object config(List<Expr.Segment> path) {
    // the masked view is shared by the run: a referenced section is handed out as a copy
    Object v = Evaluator.navigate(config.masked(), path);
    return v instanceof JsonObject o ? o.copy() : v instanceof io.vertx.core.json.JsonArray a ? a.copy() : v;
  }

  @Override
  public boolean success() {
    return !run.stopped && run.countedFailures == 0;
  }

  @Override
  public boolean failure() {
    return run.countedFailures > 0;
  }

  @Override
  public boolean cancelled() {
    return run.stopped;
  }
}
