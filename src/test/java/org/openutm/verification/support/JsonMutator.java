package org.openutm.verification.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded, repeatable malformed inputs made from a valid one: dropped keys, swapped types, odd values, broken text. */
public final class JsonMutator {
  private final Random random;

  public JsonMutator(long seed) {
    this.random = new Random(seed);
  }

  /** The body text of one case: mostly mutated JSON, sometimes broken text. */
  public String next(Object valid) {
    int kind = random.nextInt(10);
    if (kind == 0) {
      String t = io.vertx.core.json.Json.encode(valid);
      return t.substring(0, random.nextInt(Math.max(1, t.length())));
    }
    if (kind == 1) {
      return String.valueOf(odd());
    }
    Object m = mutate(copy(valid), 0);
    return m instanceof String s && random.nextBoolean() ? s : io.vertx.core.json.Json.encode(m);
  }

  private Object mutate(Object v, int depth) {
    if (v instanceof JsonObject o && !o.isEmpty()) {
      List<String> keys = new ArrayList<>(o.fieldNames());
      int changes = 1 + random.nextInt(3);
      for (int i = 0; i < changes; i++) {
        String k = keys.get(random.nextInt(keys.size()));
        switch (random.nextInt(4)) {
          case 0 -> o.remove(k);
          case 1 -> o.put(k, odd());
          case 2 -> o.put(k, mutate(o.getValue(k), depth + 1));
          default -> o.put("x" + random.nextInt(100), odd());
        }
      }
      return o;
    }
    if (v instanceof JsonArray a && !a.isEmpty()) {
      int i = random.nextInt(a.size());
      a.set(i, random.nextBoolean() ? odd() : mutate(a.getValue(i), depth + 1));
      return a;
    }
    return depth > 3 || random.nextBoolean() ? odd() : v;
  }

  public Object odd() {
    return switch (random.nextInt(14)) {
      case 0 -> null;
      case 1 -> "";
      case 2 -> "x".repeat(random.nextInt(2000));
      case 3 -> -1;
      case 4 -> Long.MAX_VALUE;
      case 5 -> 1e308;
      case 6 -> new JsonObject();
      case 7 -> new JsonArray();
      case 8 -> true;
      case 9 -> "2026-13-45T99:99:99Z";
      case 10 -> new JsonArray().add(new JsonArray().add("a").add(null));
      case 11 -> "../../etc/passwd";
      case 12 -> "${{ steps.x.result }}";
      default -> 0.5;
    };
  }

  private static Object copy(Object v) {
    if (v instanceof JsonObject o) {
      return o.copy();
    }
    if (v instanceof JsonArray a) {
      return a.copy();
    }
    return v;
  }
}
