package org.openutm.verification.core.yaml;

/** A 1-based line:column in the scenario source; null positions mean the scenario came as JSON. */
public record Pos(int line, int column) {
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
