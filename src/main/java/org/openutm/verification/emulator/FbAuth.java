package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Flight Blender's bypass-mode token check (BYPASS_AUTH_TOKEN_VERIFICATION=1): the signature is not verified, but the
 * bearer JWT must carry {@code iss} ("dummy" or an http(s) URL), a non-empty {@code aud}, and the endpoint's scope.
 */
final class FbAuth {
  static final String READ = "flightblender.read";
  static final String WRITE = "flightblender.write";

  /** The outcome: null when allowed, else the status and body to answer. */
  record Denial(int status, JsonObject body) {
  }

  private FbAuth() {
  }

  static Denial check(String authorization, String scope, boolean fastapi) {
    if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
      return new Denial(401, fastapi ? new JsonObject().put("detail", "Not authenticated")
          : new JsonObject().put("detail", "Authentication credentials were not provided"));
    }
    return checkToken(authorization.substring(7).trim(), scope, fastapi);
  }

  static Denial checkToken(String token, String scope, boolean fastapi) {
    JsonObject claims = claims(token);
    if (claims == null) {
      return new Denial(401, new JsonObject().put("detail", fastapi ? "Invalid token" : "Invalid token: malformed JWT"));
    }
    Object iss = claims.getValue("iss");
    boolean issOk = iss instanceof String s && (s.equals("dummy") || s.startsWith("http://") || s.startsWith("https://"));
    Object aud = claims.getValue("aud");
    boolean audOk = aud instanceof String a ? !a.isBlank()
        : aud instanceof io.vertx.core.json.JsonArray arr && !arr.isEmpty();
    if (!issOk || !audOk) {
      return new Denial(401, new JsonObject().put("detail", "Invalid token: " + (!issOk ? "bad or missing iss" : "missing aud")));
    }
    List<String> scopes = scopes(claims.getValue("scope"));
    if (!scopes.contains(scope)) {
      return new Denial(403, fastapi ? new JsonObject().put("message", "Insufficient scope")
          : new JsonObject().put("message", "You don't have access to this resource"));
    }
    return null;
  }

  static JsonObject claims(String token) {
    String[] parts = token.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      String json = new String(Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_')),
          StandardCharsets.UTF_8);
      return new JsonObject(json);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<String> scopes(Object v) {
    if (v instanceof String s) {
      return Arrays.asList(s.trim().split("\\s+"));
    }
    if (v instanceof io.vertx.core.json.JsonArray a) {
      return a.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
