package org.openutm.verification.scenario.expression;

/** A malformed expression (with the offset where it went wrong) or one that cannot be evaluated. */
public class ExpressionException extends RuntimeException {
  private final int position;

  public ExpressionException(String message, int position) {
    super(message, null, false, false);
    this.position = position;
  }

  public ExpressionException(String message) {
    this(message, -1);
  }

  /** Offset in the expression text, or -1 when it is an evaluation failure. */
  public int position() {
    return position;
  }
}
