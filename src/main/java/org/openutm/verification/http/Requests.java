package org.openutm.verification.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.session.SessionService;

/** Reading requests: the JSON body and the session a request names. */
final class Requests {
  static final String SESSION_HEADER = "X-Session-Id";

  private Requests() {
  }

  /** The body as a JSON object; an empty body is {} when {@code optional}. */
  static JsonObject jsonBody(RoutingContext ctx, boolean optional) {
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0 || body.toString().isBlank()) {
      if (optional) {
        return new JsonObject();
      }
      throw ServiceException.badInput("body", "a JSON object body is required");
    }
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ServiceException.badInput("body", "malformed JSON: " + firstLine(e.getMessage()));
    }
    if (!(parsed instanceof JsonObject o)) {
      throw ServiceException.badInput("body", "the body must be a JSON object");
    }
    return o;
  }

  /** X-Session-Id header, else the {@code session} query parameter, else the session "default". */
  static String sessionId(RoutingContext ctx) {
    String id = ctx.request().getHeader(SESSION_HEADER);
    if (id == null) {
      id = ctx.queryParams().get("session");
    }
    return id == null ? SessionService.DEFAULT : SessionService.checkId(id.trim());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
