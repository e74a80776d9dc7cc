package org.openutm.verification.scenario.expression;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.openutm.verification.scenario.expression.Expr.Segment;

/** Evaluates a parsed expression against an {@link EvalContext}. Missing keys and indexes give null. */
public final class Evaluator {
  private Evaluator() {
  }

  public static Object eval(Expr e, EvalContext ctx) {
    if (e instanceof Expr.Literal l) {
      return l.value();
    }
    if (e instanceof Expr.Ref r) {
      return reference(r, ctx);
    }
    if (e instanceof Expr.Compare c) {
      return compare(c.op(), eval(c.left(), ctx), eval(c.right(), ctx));
    }
    if (e instanceof Expr.And a) {
      Object l = eval(a.left(), ctx);
      return truthy(l) ? eval(a.right(), ctx) : l;
    }
    if (e instanceof Expr.Or o) {
      Object l = eval(o.left(), ctx);
      return truthy(l) ? l : eval(o.right(), ctx);
    }
    if (e instanceof Expr.Not n) {
      return !truthy(eval(n.operand(), ctx));
    }
    Expr.Call c = (Expr.Call) e;
    return switch (c.function()) {
      case "success" -> ctx.success();
      case "failure" -> ctx.failure();
      case "cancelled" -> ctx.cancelled();
      default -> Boolean.TRUE; // always()
    };
  }

  /** A condition's verdict: the expression's value, judged truthy. */
  public static boolean condition(String text, EvalContext ctx) {
    return truthy(eval(ExpressionParser.parse(text), ctx));
  }

  private static Object reference(Expr.Ref r, EvalContext ctx) {
    Object root;
    List<Segment> path = r.path();
    switch (r.context()) {
      case "steps" -> root = ctx.step(r.name());
      case "group" -> root = ctx.group(r.name());
      case "loop" -> root = ctx.loop(r.name());
      case "data_files" -> root = ctx.dataFile(r.name());
      case "env" -> root = ctx.env(r.name());
      case "config" -> {
        List<Segment> full = new java.util.ArrayList<>();
        full.add(Segment.key(r.name()));
        full.addAll(path);
        return ctx.config(full);
      }
      default -> throw new ExpressionException("unknown context " + r.context());
    }
    return navigate(root, path);
  }

  public static Object navigate(Object root, List<Segment> path) {
    Object cur = root;
    for (Segment s : path) {
      if (cur == null) {
        return null;
      }
      if (s.isIndex()) {
        if (cur instanceof JsonArray a) {
          cur = s.index() < a.size() ? a.getValue(s.index()) : null;
        } else if (cur instanceof List<?> l) {
          cur = s.index() < l.size() ? l.get(s.index()) : null;
        } else {
          throw new ExpressionException("cannot index " + typeName(cur) + " with [" + s.index() + "]");
        }
      } else if (cur instanceof JsonObject o) {
        cur = o.getValue(s.key());
      } else if (cur instanceof Map<?, ?> m) {
        cur = m.get(s.key());
      } else {
        throw new ExpressionException("cannot read '" + s.key() + "' of " + typeName(cur));
      }
    }
    return cur;
  }

  public static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof JsonArray a) {
      return !a.isEmpty();
    }
    if (v instanceof JsonObject o) {
      return !o.isEmpty();
    }
    return true;
  }

  static boolean compare(String op, Object l, Object r) {
    if (op.equals("==")) {
      return equal(l, r);
    }
    if (op.equals("!=")) {
      return !equal(l, r);
    }
    int c;
    Double ln = asNumber(l);
    Double rn = asNumber(r);
    if (ln != null && rn != null) {
      c = Double.compare(ln, rn);
    } else if (l instanceof String ls && r instanceof String rs) {
      c = ls.compareTo(rs);
    } else {
      throw new ExpressionException("cannot compare " + typeName(l) + " " + op + " " + typeName(r));
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  static boolean equal(Object l, Object r) {
    if (l == null || r == null) {
      return l == r;
    }
    if (l instanceof Number || r instanceof Number) {
      Double ln = asNumber(l);
      Double rn = asNumber(r);
      return ln != null && rn != null && ln.doubleValue() == rn.doubleValue();
    }
    if (l instanceof String ls && r instanceof String rs) {
      return ls.equals(rs);
    }
    return l.equals(r);
  }

  private static Double asNumber(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static String typeName(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof JsonObject || v instanceof Map) {
      return "an object";
    }
    if (v instanceof JsonArray || v instanceof List) {
      return "a list";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Number) {
      return "a number";
    }
    return v.getClass().getSimpleName();
  }
}
