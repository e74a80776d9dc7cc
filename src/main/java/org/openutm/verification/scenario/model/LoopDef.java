package org.openutm.verification.scenario.model;

/** {@code loop:} with {@code count} (int or expression), {@code items} (list or expression) and/or {@code while}. */
public record LoopDef(Object count, Object items, String whileCondition) {
  public static final int MAX_WHILE_ITERATIONS = 100;
  /** The most iterations a count or items loop may have. */
  public static final int MAX_ITERATIONS = 10_000;
}
