package org.openutm.verification.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * The optional API token ({@code http.auth_token} or API_AUTH_TOKEN): every path but /health and /health/ready needs
 * {@code Authorization: Bearer <token>}; the SockJS bridge and the editor's static files accept it as the
 * {@code access_token} query parameter too (a browser cannot set headers on a WebSocket upgrade).
 */
final class ApiToken {
  private ApiToken() {
  }

  static void check(RoutingContext ctx, String token) {
    String path = ctx.normalizedPath();
    if (path.equals("/health") || path.equals("/health/ready")) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim()
        : ctx.queryParams().get("access_token");
    if (given != null && equal(given, token)) {
      ctx.next();
      return;
    }
    HttpErrors.send(ctx, new ServiceException(ErrorCode.UNAUTHORIZED, given == null
        ? "this service needs Authorization: Bearer <token> (http.auth_token)" : "wrong API token",
        new JsonObject().put("field", "Authorization")));
  }

  /** Constant-time comparison. */
  static boolean equal(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
