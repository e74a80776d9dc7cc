package org.openutm.verification.scenario.expression;

import java.util.List;

/** What an expression can see. Implementations throw {@link ExpressionException} for an unknown step. */
public interface EvalContext {
  /** The result record of a step ({id, name, status, result, error_message, ...}) by id or name. */
  Object step(String key);

  /** Inside a group, the group's own results; outside, an error. */
  default Object group(String key) {
    throw new ExpressionException("'group." + key + "' is only available inside a group");
  }

  /** loop.index / loop.item; outside a loop, an error. */
  default Object loop(String field) {
    throw new ExpressionException("'loop." + field + "' is only available inside a loop");
  }

  default Object dataFile(String name) {
    throw new ExpressionException("no data file '" + name + "'");
  }

  /** The config value at the path (secrets are never exposed). */
  default Object config(List<Expr.Segment> path) {
    throw new ExpressionException("config is not available here");
  }

  default Object env(String name) {
    return System.getenv(name);
  }

  /** All counted prior steps succeeded or are running. */
  default boolean success() {
    return true;
  }

  default boolean failure() {
    return false;
  }

  default boolean cancelled() {
    return false;
  }
}
