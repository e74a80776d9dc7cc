package org.openutm.verification.scenario.expression;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ${{ ... }}} inside argument values: a string that is exactly one expression keeps the expression's type
 * (object, list, number); inside a longer string each expression is interpolated as text. Recursive through maps and
 * lists. The one resolver of the service (single steps and scenarios both use it).
 */
public final class Templates {
  public static final String OPEN = "${{";
  public static final String CLOSE = "}}";

  /** One {@code ${{ }}} occurrence: the expression text and its span in the string. */
  public record Span(String expression, int start, int end) {
  }

  private Templates() {
  }

  public static boolean hasExpression(Object v) {
    if (v instanceof String s) {
      return s.contains(OPEN);
    }
    if (v instanceof JsonObject o) {
      return o.stream().anyMatch(e -> hasExpression(e.getValue()));
    }
    if (v instanceof JsonArray a) {
      return a.stream().anyMatch(Templates::hasExpression);
    }
    if (v instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(Templates::hasExpression);
    }
    if (v instanceof List<?> l) {
      return l.stream().anyMatch(Templates::hasExpression);
    }
    return false;
  }

  /** Resolves every expression in {@code value}; returns new containers, never mutates the input. */
  public static Object resolve(Object value, EvalContext ctx) {
    if (value instanceof String s) {
      return s.contains(OPEN) ? resolveString(s, ctx) : s;
    }
    if (value instanceof JsonObject o) {
      JsonObject out = new JsonObject(new LinkedHashMap<>());
      o.forEach(e -> out.put(e.getKey(), resolve(e.getValue(), ctx)));
      return out;
    }
    if (value instanceof Map<?, ?> m) {
      JsonObject out = new JsonObject(new LinkedHashMap<>());
      m.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, ctx)));
      return out;
    }
    if (value instanceof JsonArray a) {
      JsonArray out = new JsonArray(new ArrayList<>(a.size()));
      a.forEach(v -> out.add(resolve(v, ctx)));
      return out;
    }
    if (value instanceof List<?> l) {
      JsonArray out = new JsonArray(new ArrayList<>(l.size()));
      l.forEach(v -> out.add(resolve(v, ctx)));
      return out;
    }
    return value;
  }

  static Object resolveString(String s, EvalContext ctx) {
    List<Span> spans = spans(s);
    if (spans.size() == 1 && s.substring(0, spans.get(0).start()).isBlank()
        && s.substring(spans.get(0).end()).isBlank()) {
      return Evaluator.eval(ExpressionParser.parse(spans.get(0).expression()), ctx);
    }
    StringBuilder sb = new StringBuilder();
    int last = 0;
    for (Span span : spans) {
      sb.append(s, last, span.start());
      sb.append(text(Evaluator.eval(ExpressionParser.parse(span.expression()), ctx)));
      last = span.end();
    }
    sb.append(s.substring(last));
    return sb.toString();
  }

  /** Every {@code ${{ }}} in {@code s}; quotes inside an expression may hold "}}". */
  public static List<Span> spans(String s) {
    List<Span> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = s.indexOf(OPEN, from);
      if (open < 0) {
        return out;
      }
      int i = open + OPEN.length();
      char quote = 0;
      int close = -1;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (quote != 0) {
          if (c == '\\') {
            i++;
          } else if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (s.startsWith(CLOSE, i)) {
          close = i;
          break;
        }
        i++;
      }
      if (close < 0) {
        throw new ExpressionException("'${{' at " + open + " has no closing '}}'", open);
      }
      out.add(new Span(s.substring(open + OPEN.length(), close).trim(), open, close + CLOSE.length()));
      from = close + CLOSE.length();
    }
  }

  /** Text form for interpolation: null is empty, whole numbers print without ".0", containers as JSON. */
  public static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return String.valueOf(d.longValue());
    }
    if (v instanceof JsonObject o) {
      return o.encode();
    }
    if (v instanceof JsonArray a) {
      return a.encode();
    }
    return String.valueOf(v);
  }
}
