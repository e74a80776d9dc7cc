package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** With no flight_blender.url the service starts the emulator on a free loopback port and targets it. */
class EmbeddedEmulatorTest {
  @Test
  void serviceTargetsItsOwnEmulatorByDefault() {
    try (TestService svc = TestService.start()) {
      JsonObject info = svc.http.get("/api/info").json();
      String url = info.getString("flight_blender_url");
      assertTrue(url.startsWith("http://127.0.0.1:"), info.encode());
      assertEquals(true, info.getBoolean("flight_blender_emulated"));
      assertEquals(new JsonObject().put("message", "pong"), new Http(url).get("/ping").json());
    }
  }

  @Test
  void aConfiguredUrlIsUsedAndNoEmulatorStarts() {
    try (TestService svc = TestService.start(new JsonObject().put("flight_blender",
        new JsonObject().put("url", "http://user:secret@127.0.0.1:9")))) {
      JsonObject info = svc.http.get("/api/info").json();
      assertEquals("http://user:********@127.0.0.1:9", info.getString("flight_blender_url"));
      assertEquals(false, info.getBoolean("flight_blender_emulated"));
    }
  }
}
