package org.openutm.verification.operation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openutm.verification.core.Durations;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * Validates and coerces arguments against an operation's declared parameters: enums by name (case-insensitive) or
 * value, durations as 5 / "5s" / "1m" / "1h" / "1d", numeric strings, unknown names refused. Idempotent: coercing
 * coerced arguments gives them back unchanged.
 */
public final class ArgumentCoercer {
  /** A problem with one argument; {@code field} is the argument name. */
  public record Problem(String field, String message) {
  }

  private ArgumentCoercer() {
  }

  /** @throws ServiceException BAD_INPUT naming the first field, with every problem in details.problems */
  public static Args coerce(OperationDef op, JsonObject raw) {
    List<Problem> problems = new ArrayList<>();
    JsonObject out = coerce(op, raw == null ? new JsonObject() : raw, problems, false);
    if (!problems.isEmpty()) {
      Problem first = problems.get(0);
      JsonArray all = new JsonArray();
      problems.forEach(p -> all.add(new JsonObject().put("field", "arguments." + p.field()).put("message", p.message())));
      throw new ServiceException(ErrorCode.BAD_INPUT, "'" + op.name() + "': argument '" + first.field() + "' " + first.message(),
          new JsonObject().put("field", "arguments." + first.field()).put("operation", op.name()).put("problems", all));
    }
    return new Args(out);
  }

  /**
   * Checks without failing. With {@code lenientExpressions}, a string holding {@code ${{ }}} is accepted for any type
   * (it is resolved only when the step runs): this is what scenario validation uses.
   */
  public static List<Problem> problems(OperationDef op, Map<String, Object> raw, boolean lenientExpressions) {
    List<Problem> problems = new ArrayList<>();
    coerce(op, new JsonObject(raw == null ? Map.of() : raw), problems, lenientExpressions);
    return problems;
  }

  private static JsonObject coerce(OperationDef op, JsonObject raw, List<Problem> problems, boolean lenient) {
    JsonObject out = new JsonObject();
    for (String name : raw.fieldNames()) {
      if (op.param(name) == null) {
        problems.add(new Problem(name, "is not a parameter of this operation (parameters: "
            + op.params().stream().map(ParamDef::name).toList() + ")"));
      }
    }
    for (ParamDef p : op.params()) {
      if (!raw.containsKey(p.name())) {
        if (p.required()) {
          problems.add(new Problem(p.name(), "is required (" + p.type().wire + ")"));
        } else {
          out.put(p.name(), p.defaultValue());
        }
        continue;
      }
      Object v = raw.getValue(p.name());
      if (lenient && v instanceof String s && s.contains("${{")) {
        out.put(p.name(), v);
        continue;
      }
      if (v == null) {
        if (!p.nullable()) {
          problems.add(new Problem(p.name(), "must not be null"));
        }
        out.putNull(p.name());
        continue;
      }
      try {
        out.put(p.name(), value(p, v));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(p.name(), e.getMessage()));
      }
    }
    return out;
  }

  static Object value(ParamDef p, Object v) {
    return switch (p.type()) {
      case STRING -> {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
          yield String.valueOf(v);
        }
        throw wrong("a string", v);
      }
      case INTEGER -> {
        Number n = number(v);
        if (n == null || n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > 9.0e15) {
          throw wrong("an integer", v);
        }
        yield n.longValue();
      }
      case NUMBER -> {
        Number n = number(v);
        if (n == null) {
          throw wrong("a number", v);
        }
        yield n instanceof Long || n instanceof Integer ? n.longValue() : n.doubleValue();
      }
      case BOOLEAN -> {
        if (v instanceof Boolean b) {
          yield b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
          yield Boolean.parseBoolean(s);
        }
        throw wrong("a boolean", v);
      }
      case DURATION -> {
        Double s = Durations.seconds(v);
        if (s == null) {
          throw wrong("a duration (5, \"5s\", \"1m\", \"1h\", \"1d\")", v);
        }
        if (s > Durations.MAX_SECONDS) {
          throw new IllegalArgumentException("must be at most 7 days, got " + describe(v));
        }
        yield s;
      }
      case ENUM -> enumValue(p, v);
      case OBJECT -> {
        if (v instanceof JsonObject || v instanceof Map) {
          yield v instanceof Map<?, ?> m ? new JsonObject(castMap(m)) : v;
        }
        throw wrong("an object", v);
      }
      case ARRAY -> {
        if (v instanceof JsonArray || v instanceof List) {
          yield v instanceof List<?> l ? new JsonArray(new ArrayList<>(l)) : v;
        }
        throw wrong("a list", v);
      }
      case ANY -> v;
    };
  }

  private static Object enumValue(ParamDef p, Object v) {
    for (Map.Entry<String, Object> e : p.options()) {
      if (v instanceof String s && e.getKey().equalsIgnoreCase(s.trim())) {
        return e.getValue();
      }
    }
    for (Map.Entry<String, Object> e : p.options()) {
      Object ev = e.getValue();
      if (ev instanceof Number en) {
        Number n = number(v);
        if (n != null && n.doubleValue() == en.doubleValue()) {
          return ev;
        }
      } else if (String.valueOf(ev).equalsIgnoreCase(String.valueOf(v))) {
        return ev;
      }
    }
    throw new IllegalArgumentException("must be one of " + p.options().stream().map(Map.Entry::getKey).toList()
        + ", got " + describe(v));
  }

  private static Number number(Object v) {
    if (v instanceof Number n) {
      return Double.isFinite(n.doubleValue()) ? n : null;
    }
    if (v instanceof String s) {
      String t = s.trim();
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        try {
          double d = Double.parseDouble(t);
          return Double.isFinite(d) && !t.endsWith("d") && !t.endsWith("f") && !t.endsWith("D") && !t.endsWith("F") ? d : null;
        } catch (NumberFormatException e2) {
          return null;
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static IllegalArgumentException wrong(String expected, Object v) {
    return new IllegalArgumentException("must be " + expected + ", got " + describe(v));
  }

  private static String describe(Object v) {
    String s = v instanceof String ? "'" + v + "'" : String.valueOf(v);
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
