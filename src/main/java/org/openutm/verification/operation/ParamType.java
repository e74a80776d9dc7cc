package org.openutm.verification.operation;

/** Declared parameter types; {@code wire} is the name shown in /operations and used by the editor. */
public enum ParamType {
  STRING("string"),
  INTEGER("integer"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  DURATION("duration"),
  ENUM("enum"),
  OBJECT("object"),
  ARRAY("array"),
  ANY("any");

  public final String wire;

  ParamType(String wire) {
    this.wire = wire;
  }
}
