package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.support.RawHttp;
import org.openutm.verification.support.TestService;

/**
 * Issue 18: a page the user happens to visit cannot drive the local service. Cross-origin writes (simple requests
 * with text/plain included), foreign Host names (DNS rebinding) and bodies of non-JSON types are refused before any
 * effect; the service's own pages, allowed origins and clients without an Origin keep working.
 */
class HostileRequestTest {
  static final String EVIL = "http://evil.example";

  @TempDir
  Path dir;

  static void refused(int status, String field, RawHttp.Response r) {
    assertEquals(status, r.status(), r.body());
    JsonObject body = r.json();
    assertEquals(field, body.getJsonObject("details").getString("field"), r.body());
    assertNotNull(body.getString("error"));
    assertEquals(body.getString("message"), body.getString("detail"), "detail carries the message: " + r.body());
  }

  @Test
  void crossOriginWritesAreRefusedBeforeAnyEffect() throws Exception {
    Vertx vertx = Vertx.vertx();
    AtomicInteger attacked = new AtomicInteger();
    int attacker = TestService.await(vertx.createHttpServer().requestHandler(req -> {
      attacked.incrementAndGet();
      req.response().end("{}");
    }).listen(0, "127.0.0.1")).actualPort();
    Path file = TestService.copyConfig(dir);
    byte[] before = Files.readAllBytes(file);
    Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
    try (TestService svc = TestService.start(new JsonObject().put("scenarios", new JsonObject().put("dir",
        scenarios.toString())), file.toString())) {
      int p = svc.port;
      String steal = new JsonObject().put("config", new JsonObject().put("flight_blender", new JsonObject()
          .put("url", "http://127.0.0.1:" + attacker))).encode();
      String session = svc.http.post("/api/sessions", null).json().getString("session_id");
      int sessionsBefore = svc.http.get("/api/sessions").json().getJsonArray("sessions", new JsonArray()).size();

      // the attack as written in the issue: a simple request (text/plain, no preflight) from another origin
      refused(403, "Origin", RawHttp.send(p, "POST", "/session/reset", steal, "Origin", EVIL, "Content-Type", "text/plain"));
      refused(403, "Origin", RawHttp.send(p, "POST", "/session/reset", steal, "Origin", "null", "Content-Type", "text/plain"));
      // the same body without an Origin (a browser always sends one cross-origin): its type alone is refused
      refused(415, "Content-Type", RawHttp.send(p, "POST", "/session/reset", steal, "Content-Type", "text/plain"));
      refused(415, "Content-Type", RawHttp.send(p, "POST", "/session/reset", steal,
          "Content-Type", "application/x-www-form-urlencoded"));
      refused(415, "Content-Type", RawHttp.send(p, "POST", "/session/reset", steal,
          "Content-Type", "multipart/form-data; boundary=x"));
      refused(415, "Content-Type", RawHttp.send(p, "POST", "/session/reset", steal));
      String step = new JsonObject().put("step", "Cleanup Flight Declarations").encode();
      refused(403, "Origin", RawHttp.send(p, "POST", "/api/step", step, "Origin", EVIL, "Content-Type", "application/json"));
      refused(403, "Origin", RawHttp.send(p, "POST", "/api/step", step, "Origin", EVIL, "Content-Type", "text/plain",
          "X-Session-Id", session));
      String yaml = "name: x\nsteps:\n  - step: Cleanup Flight Declarations\n";
      refused(403, "Origin", RawHttp.send(p, "POST", "/run-scenario", yaml, "Origin", EVIL, "Content-Type", "application/yaml"));
      refused(415, "Content-Type", RawHttp.send(p, "POST", "/run-scenario-async", yaml, "Content-Type", "text/plain"));
      refused(403, "Origin", RawHttp.send(p, "PUT", "/api/config", new JsonObject().put("flight_blender",
          new JsonObject().put("url", "http://127.0.0.1:" + attacker)).encode(), "Origin", EVIL,
          "Content-Type", "application/json"));
      refused(403, "Origin", RawHttp.send(p, "POST", "/api/scenarios/mine/planted", yaml, "Origin", EVIL,
          "Content-Type", "application/yaml"));
      refused(403, "Origin", RawHttp.send(p, "DELETE", "/api/sessions/" + session, null, "Origin", EVIL));
      refused(403, "Origin", RawHttp.send(p, "POST", "/api/sessions", "{}", "Origin", EVIL, "Content-Type", "application/json"));
      refused(403, "Origin", RawHttp.send(p, "POST", "/stop-scenario", null, "Origin", "http://127.0.0.1:" + p + ".evil.example"));
      // the SockJS bridge's HTTP transports too
      refused(403, "Origin", RawHttp.send(p, "POST", "/eventbus/123/abcdefgh/xhr_send", "[\"{}\"]", "Origin", EVIL,
          "Content-Type", "text/plain"));

      // nothing changed: the file, the scenarios folder, the sessions, the default session's results, no run
      assertEquals(new String(before), Files.readString(file));
      try (var planted = Files.walk(scenarios)) {
        assertEquals(1, planted.count(), "no scenario file was written");
      }
      assertEquals(200, svc.http.get("/api/sessions/" + session).status(), "the session was not deleted");
      assertEquals(sessionsBefore, svc.http.get("/api/sessions").json().getJsonArray("sessions", new JsonArray()).size());
      assertEquals(0, svc.http.get("/api/sessions/default").json().getInteger("results"));
      assertEquals(0, svc.http.get("/api/sessions/" + session).json().getInteger("results"));
      // the next step of the default session still goes to the emulator, and the attacker saw nothing
      JsonObject ok = svc.http.post("/api/step", new JsonObject().put("step", "Cleanup Flight Declarations")).json();
      assertEquals("success", ok.getString("status"), ok.encode());
      assertEquals(0, attacked.get(), "no request reached the attacker's server");
    } finally {
      TestService.await(vertx.close());
    }
  }

  @Test
  void foreignHostNamesAreRefused() {
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject()
        .put("allowed_hosts", new JsonArray().add("verifier.lan"))))) {
      int p = svc.port;
      refused(403, "Host", RawHttp.send(p, "GET", "/api/config", null, "Host", "evil.example:" + p));
      refused(403, "Host", RawHttp.send(p, "GET", "/", null, "Host", "rebind.evil.example"));
      // DNS rebinding: the page's origin and the Host agree, and both are the attacker's name
      refused(403, "Host", RawHttp.send(p, "POST", "/api/step", "{\"step\":\"Generate UUID\"}", "Host", "evil.example:" + p,
          "Origin", "http://evil.example:" + p, "Content-Type", "application/json"));
      refused(403, "Host", RawHttp.send(p, "GET", "/eventbus/info", null, "Host", "evil.example:" + p));
      for (String host : new String[] {"127.0.0.1:" + p, "localhost:" + p, "LOCALHOST", "[::1]:" + p, "verifier.lan:" + p}) {
        assertEquals(200, RawHttp.send(p, "GET", "/api/info", null, "Host", host).status(), host);
      }
      assertEquals(200, RawHttp.send(p, "POST", "/api/step", "{\"step\":\"Generate UUID\"}", "Host", "localhost:" + p,
          "Origin", "http://localhost:" + p, "Content-Type", "application/json").status());
    }
  }

  @Test
  void ownPagesAllowedOriginsAndPlainClientsKeepWorking() {
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject()
        .put("allowed_origins", new JsonArray().add("http://dashboard.local:3000/"))))) {
      int p = svc.port;
      String own = "http://127.0.0.1:" + p;
      String uuid = "{\"step\":\"Generate UUID\"}";
      assertEquals(200, RawHttp.send(p, "POST", "/api/step", uuid, "Origin", own, "Content-Type", "application/json").status());
      assertEquals(200, RawHttp.send(p, "POST", "/api/step", uuid, "Origin", "http://dashboard.local:3000",
          "Content-Type", "application/json; charset=utf-8").status());
      assertEquals(200, RawHttp.send(p, "POST", "/api/step", uuid, "Content-Type", "application/vnd.step+json").status());
      assertEquals(200, RawHttp.send(p, "POST", "/api/step", uuid, "Content-Type", "application/json").status(), "curl, scripts");
      // empty bodies need no type: the toolkit's editor and tests post these with none
      assertEquals(200, RawHttp.send(p, "POST", "/session/reset", null, "Origin", own).status());
      assertEquals(200, RawHttp.send(p, "POST", "/stop-scenario", "").status());
      assertEquals(200, RawHttp.send(p, "POST", "/session/reset", "", "Origin", own).status());
      // YAML where a route takes a scenario
      String yaml = "name: y\nsteps:\n  - step: Generate UUID\n";
      for (String type : new String[] {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"}) {
        assertEquals(200, RawHttp.send(p, "POST", "/api/scenarios/validate", yaml, "Content-Type", type).status(), type);
      }
      refused(415, "Content-Type", RawHttp.send(p, "POST", "/api/step", yaml, "Content-Type", "application/yaml"));
      // reads from other origins are not refused here (the browser keeps their answers from the page: no CORS)
      assertEquals(200, RawHttp.send(p, "GET", "/api/info", null, "Origin", EVIL).status());
      assertFalse(RawHttp.send(p, "GET", "/api/info", null, "Origin", EVIL).headers().containsKey("access-control-allow-origin"));
      assertEquals(200, RawHttp.send(p, "GET", "/eventbus/info", null, "Origin", own).status());
      refused(403, "Origin", RawHttp.send(p, "GET", "/eventbus/info", null, "Origin", EVIL));
    }
  }

  /** {@code http.auth_token: auto}: generated, printed, and set as an HttpOnly SameSite=Strict cookie by a visit. */
  @Test
  void aGeneratedTokenBecomesAStrictCookie() {
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject().put("auth_token", "auto")))) {
      int p = svc.port;
      String token = svc.config.section("http").getString("auth_token");
      assertTrue(token.length() >= 32, token);
      assertEquals(401, RawHttp.send(p, "GET", "/api/config", null).status());
      assertEquals(200, RawHttp.send(p, "GET", "/health", null).status());
      RawHttp.Response visit = RawHttp.send(p, "GET", "/?token=" + token, null);
      assertEquals(200, visit.status());
      String cookie = visit.headers().get("set-cookie");
      assertNotNull(cookie, visit.headers().toString());
      assertTrue(cookie.startsWith("openutm_token_" + p + "=" + token), cookie);
      assertTrue(cookie.toLowerCase().contains("httponly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
      String jar = "openutm_token_" + p + "=" + token;
      RawHttp.Response config = RawHttp.send(p, "GET", "/api/config", null, "Cookie", jar);
      assertEquals(200, config.status(), config.body());
      assertFalse(config.body().contains(token), "the token is masked in the config API");
      assertEquals(200, RawHttp.send(p, "POST", "/api/step", "{\"step\":\"Generate UUID\"}", "Cookie", jar,
          "Content-Type", "application/json", "Origin", "http://127.0.0.1:" + p).status());
      assertEquals(401, RawHttp.send(p, "GET", "/api/config", null, "Cookie", "openutm_token_" + p + "=wrong").status());
      assertEquals(401, RawHttp.send(p, "GET", "/api/config", null, "Cookie", "openutm_token_1=" + token).status(),
          "another port's cookie is not this service's");
      assertEquals(401, RawHttp.send(p, "GET", "/?token=wrong", null).status());
      assertEquals(200, RawHttp.send(p, "GET", "/api/config", null, "Authorization", "Bearer " + token).status());
      // a cross-origin write carrying the cookie (as a lax cookie would) is still refused by its Origin
      refused(403, "Origin", RawHttp.send(p, "POST", "/session/reset", "{}", "Cookie", jar, "Origin", EVIL,
          "Content-Type", "application/json"));
    }
  }
}
