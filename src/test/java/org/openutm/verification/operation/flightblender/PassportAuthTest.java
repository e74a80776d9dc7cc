package org.openutm.verification.operation.flightblender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openutm.verification.emulator.EmulatorVerticle;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** Passport (OAuth2 client credentials) against a local token peer: fetched, cached, refreshed before expiry, never shown. */
class PassportAuthTest {
  @Test
  void clientCredentialsTokenIsCachedAndRefreshed() throws Exception {
    Vertx vertx = Vertx.vertx();
    AtomicInteger issued = new AtomicInteger();
    String[] lastForm = new String[1];
    int tokenPort = TestService.await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      lastForm[0] = body.toString();
      Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
      String jwt = e.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
          + e.encodeToString(new JsonObject().put("iss", "https://passport.local").put("aud", "testflight.flightblender.com")
              .put("scope", "flightblender.write flightblender.read").put("n", issued.incrementAndGet()).encode()
              .getBytes(StandardCharsets.UTF_8)) + ".sig";
      // 61 s: cached until a minute before expiry, so the next step after 1 s asks again
      req.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("access_token", jwt).put("expires_in", 61).encode());
    })).listen(0, "127.0.0.1")).actualPort();
    EmulatorVerticle emu = new EmulatorVerticle(new JsonObject());
    TestService.await(vertx.deployVerticle(emu));
    try (TestService svc = TestService.start(new JsonObject().put("flight_blender", new JsonObject()
        .put("url", "http://127.0.0.1:" + emu.port()).put("auth", new JsonObject().put("type", "passport")
            .put("client_id", "verifier").put("client_secret", "s3cr3t-value")
            .put("passport_base_url", "http://127.0.0.1:" + tokenPort).put("token_endpoint", "/oauth/token/"))))) {
      Http.Response first = svc.http.post("/api/step", new JsonObject().put("step", "Cleanup Flight Declarations"));
      assertEquals("success", first.json().getString("status"), first.body());
      Http.Response second = svc.http.post("/api/step", new JsonObject().put("step", "Cleanup Flight Declarations"));
      assertEquals("success", second.json().getString("status"));
      assertEquals(1, issued.get(), "the token is cached between steps");
      Thread.sleep(1_200);
      assertEquals("success", svc.http.post("/api/step", new JsonObject().put("step", "Cleanup Flight Declarations"))
          .json().getString("status"));
      assertEquals(2, issued.get(), "refreshed a minute before expiry");
      assertTrue(lastForm[0].contains("grant_type=client_credentials") && lastForm[0].contains("client_id=verifier"),
          lastForm[0]);
      String results = svc.http.get("/api/sessions/default/results").body();
      assertFalse(results.contains("s3cr3t-value"), "no client secret in results");
      assertFalse(results.contains("eyJ"), "no token in results");
    } finally {
      TestService.await(vertx.close());
    }
  }

  /**
   * Issue 21: {@code flight_blender.auth.type: oauth2} loads and fetches a client-credentials token from an absolute
   * {@code token_endpoint}; the token reaches Flight Blender.
   */
  @Test
  void oauth2ClientCredentialsAtAnAbsoluteTokenEndpoint() throws Exception {
    Vertx vertx = Vertx.vertx();
    String[] lastForm = new String[1];
    String[] path = new String[1];
    int tokenPort = TestService.await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      lastForm[0] = body.toString();
      path[0] = req.path();
      Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
      String jwt = e.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
          + e.encodeToString(new JsonObject().put("iss", "https://idp.local").put("aud", "testflight.flightblender.com")
              .put("scope", "flightblender.write flightblender.read").encode().getBytes(StandardCharsets.UTF_8)) + ".sig";
      req.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("access_token", jwt).put("expires_in", 3600).encode());
    })).listen(0, "127.0.0.1")).actualPort();
    EmulatorVerticle emu = new EmulatorVerticle(new JsonObject());
    TestService.await(vertx.deployVerticle(emu));
    try (TestService svc = TestService.start(new JsonObject().put("flight_blender", new JsonObject()
        .put("url", "http://127.0.0.1:" + emu.port()).put("auth", new JsonObject().put("type", "oauth2")
            .put("client_id", "ci-runner").put("client_secret", "s3cr3t-value")
            .put("token_endpoint", "http://127.0.0.1:" + tokenPort + "/realms/utm/token"))))) {
      Http.Response step = svc.http.post("/api/step", new JsonObject().put("step", "Cleanup Flight Declarations"));
      assertEquals("success", step.json().getString("status"), step.body());
      assertEquals("/realms/utm/token", path[0]);
      assertTrue(lastForm[0].contains("grant_type=client_credentials") && lastForm[0].contains("client_id=ci-runner")
          && lastForm[0].contains("client_secret=s3cr3t-value"), lastForm[0]);
      assertEquals("oauth2", svc.http.get("/api/config").json().getJsonObject("flight_blender")
          .getJsonObject("auth").getString("type"));
      assertFalse(svc.http.get("/api/config").body().contains("s3cr3t-value"), "the secret stays masked");
    } finally {
      TestService.await(vertx.close());
    }
  }

  /**
   * Issue 17.3: tokens follow the effective auth. A PUT /api/config of flight_blender.auth and a session override
   * both change the credentials the next step's token request sends; the other session keeps its own.
   */
  @Test
  void authChangesApplyToTheNextStep() throws Exception {
    Vertx vertx = Vertx.vertx();
    java.util.List<String> clients = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    int tokenPort = TestService.await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      String form = body.toString();
      clients.add(form.replaceAll(".*client_id=([^&]*).*", "$1"));
      req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("access_token", "h.e" + clients.size() + ".s").put("expires_in", 3600).encode());
    })).listen(0, "127.0.0.1")).actualPort();
    EmulatorVerticle emu = new EmulatorVerticle(new JsonObject().put("auth", false));
    TestService.await(vertx.deployVerticle(emu));
    java.nio.file.Path file = TestService.copyConfig(java.nio.file.Files.createTempDirectory("auth-change"));
    JsonObject auth = new JsonObject().put("type", "passport").put("client_id", "verifier-a")
        .put("client_secret", "s3cr3t-value").put("passport_base_url", "http://127.0.0.1:" + tokenPort)
        .put("token_endpoint", "/oauth/token/");
    try (TestService svc = TestService.start(new JsonObject().put("flight_blender", new JsonObject()
        .put("url", "http://127.0.0.1:" + emu.port()).put("auth", auth)), file.toString())) {
      JsonObject cleanup = new JsonObject().put("step", "Cleanup Flight Declarations");
      assertEquals("success", svc.http.post("/api/step", cleanup).json().getString("status"));
      assertEquals(java.util.List.of("verifier-a"), clients);

      Http.Response saved = svc.http.put("/api/config", new JsonObject().put("flight_blender", new JsonObject()
          .put("auth", new JsonObject().put("client_id", "verifier-b"))));
      assertEquals(200, saved.status(), saved.body());
      assertTrue(saved.json().getJsonArray("applied").contains("flight_blender"), saved.body());
      assertEquals("success", svc.http.post("/api/step", cleanup).json().getString("status"));
      assertEquals("verifier-b", clients.get(clients.size() - 1), "the saved auth is used by the next step: " + clients);

      String other = svc.http.post("/api/sessions", null).json().getString("session_id");
      Http.Response reset = svc.http.post("/session/reset", new JsonObject().put("config", new JsonObject()
          .put("flight_blender", new JsonObject().put("auth", new JsonObject().put("client_id", "verifier-c")))),
          "X-Session-Id", other);
      assertEquals(200, reset.status(), reset.body());
      assertEquals("success", svc.http.post("/api/step", cleanup, "X-Session-Id", other).json().getString("status"));
      assertEquals("verifier-c", clients.get(clients.size() - 1), "a session override is used: " + clients);
      int asked = clients.size();
      assertEquals("success", svc.http.post("/api/step", cleanup).json().getString("status"));
      assertEquals(asked, clients.size(), "the default session's token (verifier-b) is still cached: " + clients);
      assertEquals("success", svc.http.post("/api/step", cleanup, "X-Session-Id", other).json().getString("status"));
      assertEquals(asked, clients.size(), "and so is the other session's: " + clients);
    } finally {
      TestService.await(vertx.close());
    }
  }
}
