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

  /** The toolkit's DataFiles model: these five always exist, None when the config leaves them out. */
  java.util.Set<String> TOOLKIT_DATA_FILES = java.util.Set.of("trajectory", "simulation", "flight_declaration",
      "flight_declaration_via_operational_intent", "geo_fence");

  /** {@code data_files.<name>} of these files: their value, null for an unset toolkit key, else an error naming them. */
  static Object dataFileIn(io.vertx.core.json.JsonObject files, String name) {
    if (files.containsKey(name)) {
      return files.getValue(name);
    }
    if (TOOLKIT_DATA_FILES.contains(name)) {
      return null;
    }
    throw new ExpressionException("no data file '" + name + "' in the config's data_files " + files.fieldNames());
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
