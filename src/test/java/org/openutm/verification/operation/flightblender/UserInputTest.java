package org.openutm.verification.operation.flightblender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** Wait for User Input: confirmed over HTTP, or timing out cleanly; 409 when nothing waits. */
class UserInputTest {
  @Test
  void confirmedOverHttpOrTimesOut() throws Exception {
    try (TestService svc = TestService.start()) {
      Http http = svc.http;
      String s = http.post("/api/sessions", null).json().getString("session_id");
      assertEquals(409, http.post("/api/sessions/" + s + "/input", new JsonObject()).status());
      var waiting = CompletableFuture.supplyAsync(() -> http.post("/api/step", new JsonObject().put("step", "Wait for User Input")
          .put("arguments", new JsonObject().put("prompt", "Go?")), "X-Session-Id", s));
      Http.Response confirmed = null;
      for (int i = 0; i < 40 && (confirmed == null || confirmed.status() != 200); i++) {
        Thread.sleep(100);
        confirmed = http.post("/api/sessions/" + s + "/input", new JsonObject().put("value", "yes"));
      }
      assertEquals(200, confirmed.status(), confirmed.body());
      JsonObject result = waiting.get(10, TimeUnit.SECONDS).json();
      assertEquals("success", result.getString("status"), result.encode());
      assertEquals("yes", result.getJsonObject("result").getString("input"));
      JsonObject timedOut = http.post("/api/step", new JsonObject().put("step", "Wait for User Input")
          .put("arguments", new JsonObject().put("timeout", "300ms")), "X-Session-Id", s).json();
      assertEquals("failure", timedOut.getString("status"));
      assertTrue(timedOut.getString("error_message").contains("no user input within"), timedOut.encode());
    }
  }
}
