package org.openutm.verification.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Objects;

/**
 * What a partial config really changes. A settings screen sends back what {@code GET /api/config} showed: values
 * from defaults, environment variables, command-line overrides and the process's own runtime state (the embedded
 * emulator's address and {@code flight_blender.emulated}) and the Python toolkit's defaults {@link ConfigView} fills
 * in. None of those may reach the file, so a change is only a leaf that differs from the effective config as shown,
 * and runtime values are never a change.
 */
final class ConfigDiff {
  private ConfigDiff() {
  }

  /** {@code patch} less its runtime values and every leaf equal to {@code current}'s; empty when nothing changes. */
  static JsonObject changes(JsonObject patch, AppConfig current) {
    JsonObject p = patch.copy();
    dropRuntime(p, current);
    return diff(p, ConfigView.withDefaults(current.json()));
  }

  /**
   * {@code flight_blender.emulated} is set by the process; while the emulator serves, its address (or an empty url,
   * which is what the file holds then) is no change either.
   */
  private static void dropRuntime(JsonObject patch, AppConfig current) {
    if (!(patch.getValue("flight_blender") instanceof JsonObject fb)) {
      return;
    }
    fb.remove("emulated");
    JsonObject now = current.section("flight_blender");
    if (now.getBoolean("emulated", false) && fb.getValue("url") instanceof String url
        && (url.isBlank() || url.trim().equals(now.getString("url")))) {
      fb.remove("url");
    }
  }

  private static JsonObject diff(JsonObject patch, JsonObject current) {
    JsonObject out = new JsonObject();
    for (String k : new ArrayList<>(patch.fieldNames())) {
      Object v = patch.getValue(k);
      Object c = current == null ? null : current.getValue(k);
      if (v instanceof JsonObject o && c instanceof JsonObject co) {
        JsonObject inner = diff(o, co);
        if (!inner.isEmpty()) {
          out.put(k, inner);
        }
      } else if (!same(v, c)) {
        out.put(k, v);
      }
    }
    return out;
  }

  /** Equal as config values: numbers by value (7200 = 7200.0), lists and maps element by element. */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a instanceof JsonArray x && b instanceof JsonArray y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.getValue(i), y.getValue(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof JsonObject x && b instanceof JsonObject y) {
      if (!x.fieldNames().equals(y.fieldNames())) {
        return false;
      }
      return x.fieldNames().stream().allMatch(k -> same(x.getValue(k), y.getValue(k)));
    }
    return Objects.equals(a, b);
  }
}
