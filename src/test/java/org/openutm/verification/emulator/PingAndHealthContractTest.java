package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openutm.verification.support.Http;

/**
 * tests/test_ping_and_health.py of both eras, ported to HTTP, each named after its source test with its class as
 * prefix. Master (5d9b953): TestHome 2 of 3, TestPing, TestSigningPublicKey. Django (d874eb0, {@code django_}
 * prefix): TestPing, TestSigningPublicKey, TestRootEndpoints (all 4). Skipped: master's
 * test_home_does_not_automatically_connect_when_auth_bypass_is_disabled (the emulator always bypasses token
 * signatures) and TestMiscServiceCoverage (get_signing_public_keys with patched settings: internals).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PingAndHealthContractTest {
  EmulatorFixture master;
  EmulatorFixture django;

  @BeforeAll
  void up() {
    master = new EmulatorFixture(new JsonObject().put("mode", "fastapi"));
    django = new EmulatorFixture(new JsonObject().put("mode", "django"));
  }

  @AfterAll
  void down() {
    master.close();
    django.close();
  }

  @Test
  void home_test_home_renders_template() {
    Http.Response r = master.http.get("/");
    assertEquals(200, r.status());
    assertTrue(r.headers().get("content-type").get(0).startsWith("text/html"), r.headers().toString());
    assertTrue(r.body().contains("<title>Flight Blender</title>"), r.body());
    assertTrue(r.body().contains("Your instance of Flight Blender is working"), r.body());
  }

  @Test
  void home_test_home_automatically_connects_when_auth_bypass_is_enabled() {
    Http.Response r = master.http.get("/");
    assertEquals(200, r.status());
    assertTrue(r.body().contains("const authBypassEnabled = true;"), r.body());
  }

  @Test
  void ping_test_ping_returns_pong() {
    Http.Response r = master.http.get("/ping");
    assertEquals(200, r.status());
    assertEquals(new JsonObject().put("message", "pong"), r.json());
  }

  @Test
  void signingPublicKey_test_returns_keys_or_empty() {
    Http.Response r = master.http.get("/signing_public_key");
    assertEquals(200, r.status());
    assertTrue(r.json().containsKey("keys"), r.body());
  }

  @Test
  void django_ping_test_ping_returns_pong() {
    Http.Response r = django.http.get("/ping");
    assertEquals(200, r.status());
    assertEquals(new JsonObject().put("message", "pong"), r.json());
  }

  @Test
  void django_signingPublicKey_test_returns_keys_or_empty() {
    Http.Response r = django.http.get("/signing_public_key");
    assertEquals(200, r.status());
    assertTrue(r.body().trim().startsWith("{"), r.body());
  }

  @Test
  void django_rootEndpoints_test_home_view() {
    assertEquals(200, django.http.get("/").status());
  }

  @Test
  void django_rootEndpoints_test_realtime_view() {
    assertEquals(200, django.http.get("/realtime").status());
  }
}
