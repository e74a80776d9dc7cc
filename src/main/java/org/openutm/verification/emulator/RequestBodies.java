package org.openutm.verification.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.openutm.verification.emulator.Declarations.Refusal;

/** Reading a request body as FastAPI (422 for what is not JSON) or Django/DRF (400 "JSON parse error") does. */
final class RequestBodies {
  private RequestBodies() {
  }

  static String mediaType(RoutingContext c) {
    String t = c.request().getHeader("Content-Type");
    return t == null ? "" : t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  /** The decoded body (any JSON value), or null when empty. FastAPI reads only JSON content types as JSON. */
  static Object json(RoutingContext c, boolean fastapi) {
    String text = c.body() == null ? "" : c.body().asString();
    if (text == null || text.isBlank()) {
      return null;
    }
    if (fastapi && !mediaType(c).equals("application/json") && !mediaType(c).endsWith("+json")) {
      return text;
    }
    try {
      return Json.decodeValue(text);
    } catch (DecodeException e) {
      if (fastapi) {
        throw new Refusal(422, Uuids.validation("body", "body", text.length() > 100 ? text.substring(0, 100) : text,
            "json_invalid", "JSON decode error"));
      }
      throw new Refusal(400, new io.vertx.core.json.JsonObject().put("detail", "JSON parse error - "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
    }
  }
}
