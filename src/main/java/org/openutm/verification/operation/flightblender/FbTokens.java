package org.openutm.verification.operation.flightblender;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.openutm.verification.clock.SimClock;

/**
 * Bearer tokens for Flight Blender. {@code none}: an RS256 JWT signed with a key generated at start, with the claims
 * Flight Blender's bypass mode checks. {@code passport}: OAuth2 client credentials at Passport; {@code oauth2}: the
 * same at any token endpoint; both cached and refreshed a minute before expiry. Tokens are never logged.
 */
public final class FbTokens {
  private static final KeyPair KEYS = generate();

  private final Vertx vertx;
  private final WebClient web;
  private final JsonObject auth;
  private final Map<String, String> env;
  private String token;
  private long expiresAtMillis;

  public FbTokens(Vertx vertx, WebClient web, JsonObject auth, Map<String, String> env) {
    this.vertx = vertx;
    this.web = web;
    this.auth = auth == null ? new JsonObject() : auth;
    this.env = env;
  }

  public Future<String> token() {
    if (token != null && SimClock.millis() < expiresAtMillis - 60_000) {
      return Future.succeededFuture(token);
    }
    String type = auth.getString("type", "none");
    if ("passport".equals(type)) {
      return passport();
    }
    if ("oauth2".equals(type)) {
      return oauth2();
    }
    long now = SimClock.millis() / 1000;
    token = selfSigned(new JsonObject().put("sub", "uss_noauth").put("client_id", "uss_noauth").put("scope", scopes())
        .put("aud", auth.getString("audience", "testflight.flightblender.com")).put("nbf", now - 1)
        .put("iat", now).put("exp", now + 3600).put("iss", "http://noauth.dev").put("jti", UUID.randomUUID().toString()));
    expiresAtMillis = (now + 3600) * 1000;
    return Future.succeededFuture(token);
  }

  private String scopes() {
    Object s = auth.getValue("scopes");
    if (s instanceof JsonArray a) {
      return String.join(" ", a.stream().map(String::valueOf).toList());
    }
    return s == null ? "flightblender.write flightblender.read" : String.valueOf(s);
  }

  private Future<String> passport() {
    String clientId = first(auth.getString("client_id"), env.get("BLENDER_WRITE_CLIENT_ID"));
    String secret = first(auth.getString("client_secret"), env.get("BLENDER_WRITE_CLIENT_SECRET"));
    String base = first(auth.getString("passport_base_url"), env.get("PASSPORT_URL"));
    String endpoint = first(auth.getString("token_endpoint"), env.get("PASSPORT_TOKEN_URL"));
    if (clientId == null || secret == null || base == null) {
      return Future.failedFuture(new IllegalStateException("passport auth needs client_id, client_secret and "
          + "passport_base_url (or BLENDER_WRITE_CLIENT_ID, BLENDER_WRITE_CLIENT_SECRET, PASSPORT_URL)"));
    }
    String url = base + (endpoint == null ? "/oauth/token/" : endpoint);
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials").add("client_id", clientId)
        .add("client_secret", secret).add("audience", auth.getString("audience", "testflight.flightblender.com"))
        .add("scope", scopes());
    return request(url, form);
  }

  /**
   * {@code oauth2}: plain OAuth2 client credentials at {@code token_endpoint} (an absolute URL, or a path below
   * {@code passport_base_url}), with audience and scope when the effective config has them.
   */
  private Future<String> oauth2() {
    String clientId = first(auth.getString("client_id"), env.get("BLENDER_WRITE_CLIENT_ID"));
    String secret = first(auth.getString("client_secret"), env.get("BLENDER_WRITE_CLIENT_SECRET"));
    String endpoint = first(auth.getString("token_endpoint"), env.get("PASSPORT_TOKEN_URL"));
    String base = first(auth.getString("passport_base_url"), env.get("PASSPORT_URL"));
    if (clientId == null || secret == null || endpoint == null || !endpoint.contains("://") && base == null) {
      return Future.failedFuture(new IllegalStateException("oauth2 auth needs client_id, client_secret and "
          + "token_endpoint (an absolute URL, or a path with passport_base_url)"));
    }
    String url = endpoint.contains("://") ? endpoint : base + endpoint;
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials").add("client_id", clientId)
        .add("client_secret", secret);
    String audience = auth.getString("audience");
    if (audience != null && !audience.isBlank()) {
      form.add("audience", audience);
    }
    if (auth.getValue("scopes") instanceof JsonArray a && !a.isEmpty()) {
      form.add("scope", scopes());
    }
    return request(url, form);
  }

  private Future<String> request(String url, MultiMap form) {
    return web.postAbs(url).timeout(10_000).sendForm(form).compose(r -> {
      if (r.statusCode() != 200) {
        return Future.failedFuture(new IllegalStateException("token request to " + url + " answered " + r.statusCode()));
      }
      JsonObject j = r.bodyAsJsonObject();
      token = j.getString("access_token");
      expiresAtMillis = SimClock.millis() + j.getLong("expires_in", 3600L) * 1000;
      return token == null ? Future.failedFuture(new IllegalStateException("no access_token from " + url))
          : Future.succeededFuture(token);
    });
  }

  /** Forgets the cached token (after a 401, say). */
  public void invalidate() {
    token = null;
  }

  static String selfSigned(JsonObject claims) {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    String head = e.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
    String body = e.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    try {
      Signature sig = Signature.getInstance("SHA256withRSA");
      sig.initSign(KEYS.getPrivate());
      sig.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
      return head + "." + body + "." + e.encodeToString(sig.sign());
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
  }
}
