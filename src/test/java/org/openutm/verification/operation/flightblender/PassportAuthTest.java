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
}
