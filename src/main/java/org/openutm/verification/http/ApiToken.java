package org.openutm.verification.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * The optional API token ({@code http.auth_token} or API_AUTH_TOKEN; {@code auto}: generated at start): every path
 * but /health and /health/ready needs it, as {@code Authorization: Bearer <token>}, as the {@code access_token}
 * query parameter (a browser cannot set headers on a WebSocket upgrade), or as the cookie that visiting any page
 * with {@code ?token=<token>} sets (HttpOnly, SameSite=Strict: the editor, EventSource and the toolkit's editor work
 * unchanged, and no other site's page can send it).
 */
final class ApiToken {
  private final String token;
  private final String cookie;

  ApiToken(String token, int port) {
    this.token = token;
    this.cookie = cookieName(port);
  }

  /** One cookie per port: cookies are not kept apart by port, and two services on one host must not clash. */
  static String cookieName(int port) {
    return "openutm_token_" + port;
  }

  void check(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.equals("/health") || path.equals("/health/ready")) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    String visit = ctx.queryParams().get("token");
    Cookie jar = ctx.request().getCookie(cookie);
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim()
        : ctx.queryParams().get("access_token") != null ? ctx.queryParams().get("access_token")
        : visit != null ? visit : jar == null ? null : jar.getValue();
    if (given != null && equal(given, token)) {
      if (visit != null && equal(visit, token)) {
        ctx.response().addCookie(Cookie.cookie(cookie, token).setPath("/").setHttpOnly(true)
            .setSameSite(CookieSameSite.STRICT));
      }
      ctx.next();
      return;
    }
    HttpErrors.send(ctx, new ServiceException(ErrorCode.UNAUTHORIZED, given == null
        ? "this service needs its API token (http.auth_token): Authorization: Bearer <token>, or open "
            + "the editor once with ?token=<token>" : "wrong API token",
        new JsonObject().put("field", "Authorization")));
  }

  /** Constant-time comparison. */
  static boolean equal(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
