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

  static JsonObject frame(java.io.DataOutputStream out, java.io.DataInputStream in, JsonObject f) throws Exception {
    byte[] b = f.encode().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
    out.flush();
    byte[] r = new byte[in.readInt()];
    in.readFully(r);
    return new JsonObject(new String(r, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void tcpBridgeNeedsTheTokenInEachFrame() throws Exception {
    int tcp = TestService.freePort();
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject().put("auth_token", "tk"))
        .put("bridge", new JsonObject().put("tcp_port", tcp)));
        java.net.Socket s = new java.net.Socket("127.0.0.1", tcp)) {
      var out = new java.io.DataOutputStream(s.getOutputStream());
      var in = new java.io.DataInputStream(s.getInputStream());
      JsonObject create = new JsonObject().put("type", "send").put("address", "verification.sessions")
          .put("replyAddress", "r1").put("body", new JsonObject().put("action", "create"));
      JsonObject denied = frame(out, in, create);
      assertEquals("err", denied.getString("type"), denied.encode());
      org.junit.jupiter.api.Assertions.assertTrue(denied.getString("message").contains("headers.token"), denied.encode());
      frame(out, in, new JsonObject().put("type", "ping"));
      JsonObject ok = frame(out, in, create.copy().put("replyAddress", "r2").put("headers", new JsonObject().put("token", "tk")));
      while (!"r2".equals(ok.getString("address"))) {
        ok = new JsonObject(new String(readFrame(in), java.nio.charset.StandardCharsets.UTF_8));
      }
      org.junit.jupiter.api.Assertions.assertNotNull(ok.getJsonObject("body").getString("session_id"), ok.encode());
    }
  }

  static byte[] readFrame(java.io.DataInputStream in) throws Exception {
    byte[] r = new byte[in.readInt()];
    in.readFully(r);
    return r;
  }
}
