package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** With http.auth_token set, everything but /health needs the token (header or access_token), the bridge too. */
class ApiTokenTest {
  @Test
  void tokenRequiredExceptHealth() {
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject().put("auth_token", "s3cret-t0ken")))) {
      Http http = svc.http;
      assertEquals(200, http.get("/health").status());
      assertEquals(200, http.get("/health/ready").status());
      Http.Response none = http.get("/operations");
      assertEquals(401, none.status());
      assertEquals("Authorization", none.json().getJsonObject("details").getString("field"));
      assertEquals(401, http.get("/operations", "Authorization", "Bearer wrong").status());
      assertEquals(200, http.get("/operations", "Authorization", "Bearer s3cret-t0ken").status());
      assertEquals(200, http.get("/api/info?access_token=s3cret-t0ken").status());
      assertEquals(401, http.post("/api/step", new JsonObject().put("step", "Generate UUID")).status());
      assertEquals(401, http.get("/eventbus/info").status(), "the SockJS bridge too");
      assertEquals(200, http.get("/eventbus/info?access_token=s3cret-t0ken").status());
      assertFalse(http.get("/api/config", "Authorization", "Bearer s3cret-t0ken").body().contains("s3cret-t0ken"),
          "the token is masked in the config API");
    }
  }
}
