package org.openutm.verification.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.core.ServiceException;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void shippedConfigLoadsWithItsKeys() {
    AppConfig c = ConfigLoader.load("conf/config.yaml", Map.of(), null);
    assertEquals("127.0.0.1", c.httpHost());
    assertEquals(8989, c.httpPort());
    for (String key : new String[] {"flight_blender", "opensky", "amqp", "air_traffic_simulator_settings",
        "data_files", "suites", "reporting"}) {
      assertTrue(c.json().containsKey(key), key);
    }
  }

  @Test
  void environmentOverridesFileAndExplicitOverridesWin() throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, "flight_blender:\n  url: http://file:8000\namqp:\n  url: ''\nhttp:\n  port: 1234\n");
    AppConfig c = ConfigLoader.load(null, Map.of("OPENUTM_CONFIG_PATH", f.toString(),
        "FLIGHT_BLENDER_URL", "http://env:9000", "AMQP_URL", "amqp://u:p@127.0.0.1:5672/", "LOG_LEVEL", "DEBUG"),
        new JsonObject().put("http", new JsonObject().put("host", "0.0.0.0")));
    assertEquals("http://env:9000", c.section("flight_blender").getString("url"));
    assertEquals("amqp://u:p@127.0.0.1:5672/", c.section("amqp").getString("url"));
    assertEquals("DEBUG", c.section("logging").getString("level"));
    assertEquals(1234, c.httpPort());
    assertEquals("0.0.0.0", c.httpHost());
    assertEquals(f.toAbsolutePath(), c.path());
  }

  @Test
  void secretsAreMasked() {
    AppConfig c = ConfigLoader.load("conf/config.yaml", Map.of("AMQP_URL", "amqp://guest:hunter2@h:5672/"),
        new JsonObject().put("flight_blender", new JsonObject().put("auth", new JsonObject()
            .put("client_secret", "s3cr3t"))));
    String masked = c.masked().encode();
    assertFalse(masked.contains("hunter2"), masked);
    assertFalse(masked.contains("s3cr3t"), masked);
    assertTrue(masked.contains("amqp://guest:********@h:5672/"), masked);
  }

  @Test
  void missingOrBrokenFileIsAClearError() throws Exception {
    assertThrows(ServiceException.class, () -> ConfigLoader.load(dir.resolve("none.yaml").toString(), Map.of(), null));
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "a: [1, 2\n");
    ServiceException e = assertThrows(ServiceException.class, () -> ConfigLoader.load(bad.toString(), Map.of(), null));
    assertTrue(e.getMessage().contains("bad.yaml"));
    Files.writeString(bad, "- a list\n");
    assertThrows(ServiceException.class, () -> ConfigLoader.load(bad.toString(), Map.of(), null));
    assertThrows(ServiceException.class, () -> ConfigLoader.load(null, Map.of("HTTP_PORT", "x"), null));
  }

  @Test
  void configApiMasksSecrets() {
    try (org.openutm.verification.support.TestService svc = org.openutm.verification.support.TestService.start(
        new JsonObject().put("amqp", new JsonObject().put("url", "amqp://guest:pa55word@127.0.0.1:5672/"))
            .put("opensky", new JsonObject().put("auth", new JsonObject().put("client_secret", "t0psecret"))))) {
      String body = svc.http.get("/api/config").body();
      assertFalse(body.contains("pa55word"), body);
      assertFalse(body.contains("t0psecret"), body);
      assertTrue(body.contains("amqp://guest:********@127.0.0.1:5672/"), body);
      assertTrue(new JsonObject(body).getString("config_path").endsWith("config.yaml"));
    }
  }
}
