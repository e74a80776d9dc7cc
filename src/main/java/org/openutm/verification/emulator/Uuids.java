package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * UUID path parameters as each era parses them. FastAPI (pydantic) accepts 32 hex digits with or without hyphens, in
 * any case, in braces or after {@code urn:uuid:}, and answers 422 {@code {"detail":[{type: uuid_parsing, loc, msg,
 * input}]}} otherwise. Django's {@code <uuid:...>} route converter matches only the lower-case hyphenated form;
 * anything else matches no route: 404. Either way the id is used in its canonical form.
 */
final class Uuids {
  private static final Pattern DJANGO = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32}");

  private Uuids() {
  }

  /** The canonical lower-case hyphenated form of {@code raw}, or the era's refusal. */
  static String path(String raw, String name, boolean fastapi) {
    String canonical = canonical(raw);
    if (fastapi) {
      if (canonical == null) {
        throw new Refusal(422, validation("path", name, raw, "uuid_parsing",
            "Input should be a valid UUID, invalid length or character"));
      }
      return canonical;
    }
    if (raw == null || !DJANGO.matcher(raw).matches()) {
      throw new Refusal(404, new JsonObject().put("detail", "Not found."));
    }
    return raw;
  }

  /** pydantic's accepted forms; null when none. */
  static String canonical(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.trim();
    if (s.toLowerCase(Locale.ROOT).startsWith("urn:uuid:")) {
      s = s.substring(9);
    }
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1);
    }
    String hex = s.replace("-", "");
    if (!HEX.matcher(hex).matches() || s.length() != 32 && s.length() != 36
        || s.length() == 36 && !s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      return null;
    }
    hex = hex.toLowerCase(Locale.ROOT);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
        + "-" + hex.substring(20);
  }

  /** One FastAPI request-validation error body. */
  static JsonObject validation(String where, String name, Object input, String type, String msg) {
    return new JsonObject().put("detail", new JsonArray().add(new JsonObject().put("type", type)
        .put("loc", new JsonArray().add(where).add(name)).put("msg", msg).put("input", input)));
  }
}
