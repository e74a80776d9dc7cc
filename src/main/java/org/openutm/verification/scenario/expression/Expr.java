package org.openutm.verification.scenario.expression;

import java.util.List;

/** The syntax tree of an expression or a condition. */
public sealed interface Expr {

  /** Whether a condition calls always() or cancelled(): only those steps run after a stop. */
  static boolean callsAlwaysOrCancelled(Expr e) {
    if (e instanceof Call c) {
      return c.function().equals("always") || c.function().equals("cancelled");
    }
    if (e instanceof Not n) {
      return callsAlwaysOrCancelled(n.operand());
    }
    if (e instanceof And a) {
      return callsAlwaysOrCancelled(a.left()) || callsAlwaysOrCancelled(a.right());
    }
    if (e instanceof Or o) {
      return callsAlwaysOrCancelled(o.left()) || callsAlwaysOrCancelled(o.right());
    }
    return e instanceof Compare c && (callsAlwaysOrCancelled(c.left()) || callsAlwaysOrCancelled(c.right()));
  }

  /** One step of a reference path: a map key or a list index. */
  record Segment(String key, int index) {
    public static Segment key(String k) {
      return new Segment(k, -1);
    }

    public static Segment index(int i) {
      return new Segment(null, i);
    }

    public boolean isIndex() {
      return key == null;
    }

    @Override
    public String toString() {
      return isIndex() ? "[" + index + "]" : "." + key;
    }
  }

  record Literal(Object value) implements Expr {
  }

  /**
   * {@code context} is steps, group, loop, data_files, config or env. For steps and group, {@code name} is the step id
   * or name (may hold spaces and [N]); for the others it is the first path segment.
   */
  record Ref(String context, String name, List<Segment> path) implements Expr {
  }

  /** success(), failure(), always(), cancelled(). */
  record Call(String function) implements Expr {
  }

  record Not(Expr operand) implements Expr {
  }

  record And(Expr left, Expr right) implements Expr {
  }

  record Or(Expr left, Expr right) implements Expr {
  }

  record Compare(String op, Expr left, Expr right) implements Expr {
  }
}
