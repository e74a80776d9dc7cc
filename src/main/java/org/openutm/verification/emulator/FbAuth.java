package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Flight Blender's bypass-mode token check (BYPASS_AUTH_TOKEN_VERIFICATION=1): the signature is not verified, but the
 * bearer JWT must decode and carry {@code iss} ("dummy" or an http(s) URL), a non-empty {@code aud}, and the
 * endpoint's scope, checked in each era's order with its messages: master {@code auth/jwt_validator.py} (behind
 * FastAPI's HTTPBearer: header, then iss, aud, then scope 403 {@code {"detail": "Insufficient scope"}}), Django
 * {@code auth_helper/utils.py} (any scheme word before the token, scope 403 {@code {"message": "You don't have access
 * to this resource"}} before iss and aud).
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
    String[] parts = authorization == null ? new String[0] : authorization.trim().split("\\s+");
    if (fastapi) {
      if (authorization == null || authorization.isBlank()) {
        return deny(401, "detail", "Not authenticated");
      }
      if (parts.length < 2 || !parts[0].equalsIgnoreCase("Bearer")) {
        return deny(401, "detail", "Invalid authentication credentials");
      }
    } else if (parts.length <= 1) {
      return deny(401, "detail", "Authentication credentials were not provided");
    }
    return checkToken(parts[1], scope, fastapi);
  }

  static Denial checkToken(String token, String scope, boolean fastapi) {
    if (header(token) == null) {
      return deny(401, "detail", fastapi ? "Bearer token could not be decoded" : "Bearer token could not be decoded properly");
    }
    JsonObject claims = claims(token);
    if (claims == null) {
      return deny(401, "detail", "Invalid token provided");
    }
    boolean scoped = scopes(claims.getValue("scope")).contains(scope);
    if (!fastapi && !scoped) {
      return deny(403, "message", "You don't have access to this resource");
    }
    Object iss = claims.getValue("iss");
    if (!(iss instanceof String s) || s.isEmpty()) {
      return deny(401, "detail", fastapi ? "Token missing iss claim"
          : "Incomplete token provided, issuer (iss) claim must be present and should not be empty");
    }
    if (!s.equals("dummy") && !s.matches("https?://[^/\\s]+.*")) {
      return deny(401, "detail", fastapi ? "Issuer claim is not a valid URL" : "Issuer (iss) claim is not a valid URL");
    }
    Object aud = claims.getValue("aud");
    boolean audOk = aud instanceof String a ? !a.isEmpty() : aud instanceof io.vertx.core.json.JsonArray arr && !arr.isEmpty();
    if (!audOk) {
      return deny(401, "detail", fastapi ? "Token missing aud claim"
          : "Incomplete token provided, audience claim must be present and should not be empty");
    }
    return scoped ? null : deny(403, "detail", "Insufficient scope");
  }

  private static Denial deny(int status, String key, String message) {
    return new Denial(status, new JsonObject().put(key, message));
  }

  /** The JWT's header, or null when it does not decode (jwt.get_unverified_header). */
  static JsonObject header(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return null;
    }
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
