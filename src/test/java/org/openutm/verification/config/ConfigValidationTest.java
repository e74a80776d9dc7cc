package org.openutm.verification.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.core.ServiceException;

/** The typed config model: each kind of mistake named by key path and line; the project's and upstream's files load. */
class ConfigValidationTest {
  @TempDir
  Path dir;

  JsonArray problems(String yaml) throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml);
    ServiceException e = assertThrows(ServiceException.class, () -> ConfigLoader.load(file.toString(), Map.of(), null));
    assertEquals(400, e.code().status);
    return e.details().getJsonArray("problems");
  }

  static JsonObject only(JsonArray problems) {
    assertEquals(1, problems.size(), problems.encodePrettily());
    return problems.getJsonObject(0);
  }

  @Test
  void eachKindOfMistakeIsNamedWithItsKeyPathAndLine() throws Exception {
    JsonObject unknown = only(problems("flight_blender:\n  url: \"\"\n  urll: x\n"));
    assertEquals("flight_blender.urll", unknown.getString("path"));
    assertEquals(3, unknown.getInteger("line"));
    assertTrue(unknown.getString("message").contains("unknown key"));

    JsonObject type = only(problems("http:\n  port: eighty\n"));
    assertEquals("http.port", type.getString("path"));
    assertEquals(2, type.getInteger("line"));
    assertTrue(type.getString("message").contains("must be a port (0-65535), got 'eighty'"), type.encode());

    JsonObject choice = only(problems("flight_blender:\n  auth:\n    type: oauth\n"));
    assertEquals("flight_blender.auth.type", choice.getString("path"));
    assertTrue(choice.getString("message").contains("[none, oauth2, passport]"), choice.encode());

    JsonObject item = only(problems("reporting:\n  formats: [json, pdf]\n"));
    assertEquals("reporting.formats[1]", item.getString("path"));

    JsonObject shape = only(problems("suites:\n  mine:\n    scenarios: F1_happy_path\n"));
    assertEquals("suites.mine.scenarios", shape.getString("path"));
    assertTrue(shape.getString("message").contains("list"));

    JsonObject tick = only(problems("emulator:\n  daa:\n    tick_millis: 0\n"));
    assertEquals("emulator.daa.tick_millis", tick.getString("path"));
    assertEquals(3, tick.getInteger("line"));
    assertTrue(tick.getString("message").contains("must be a positive integer, got"), tick.encode());
    JsonObject port = only(problems("http:\n  port: 70000\n"));
    assertTrue(port.getString("message").contains("must be a port (0-65535), got"), port.encode());
    JsonObject spin = only(problems("workers:\n  spin_micros: -1\n"));
    assertEquals("workers.spin_micros", spin.getString("path"));
    assertTrue(spin.getString("message").contains("must be a polling time in microseconds (0-10000), got -1"),
        spin.encode());
    assertTrue(only(problems("workers:\n  spin_micros: 2.5\n")).getString("message").contains("got 2.5"));
    Files.writeString(dir.resolve("zero.yaml"), "workers:\n  spin_micros: 0\n");
    assertEquals(0L, ConfigLoader.load(dir.resolve("zero.yaml").toString(), Map.of(), null).section("workers")
        .getLong("spin_micros"), "0 turns the polling off");
    JsonArray several = problems("emulator:\n  max_logs: 5\n  mode: flask\nsession:\n  sweep_seconds: -1\n");
    assertEquals(3, several.size(), several.encodePrettily());
    assertEquals("emulator.max_logs", several.getJsonObject(0).getString("path"));
    assertEquals("emulator.mode", several.getJsonObject(1).getString("path"));
    assertTrue(several.getJsonObject(2).getString("message").contains("positive number"), several.encode());

    JsonObject topLevel = only(problems("flightblender:\n  url: x\n"));
    assertEquals("flightblender", topLevel.getString("path"));
    assertEquals(1, topLevel.getInteger("line"));

    assertEquals(3, problems("http:\n  port: x\n  instances: y\nbogus: 1\n").size(), "every problem, not the first");
  }

  @Test
  void missingDataFilesAreLoadErrorsWithTheirLine() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/track.json"), "{}");
    JsonObject missing = only(problems("data_files:\n  trajectory: data/track.json\n  geo_fence: data/nowhere.geojson\n"));
    assertEquals("data_files.geo_fence", missing.getString("path"));
    assertEquals(3, missing.getInteger("line"));
    assertTrue(missing.getString("message").contains("nowhere.geojson"));
    JsonObject suite = only(problems("suites:\n  s:\n    scenarios:\n      - name: F1_happy_path\n"
        + "        trajectory: data/gone.json\n"));
    assertEquals("suites.s.scenarios[0].trajectory", suite.getString("path"));
    // relative to the config file's folder, whatever the working directory
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(ok, "data_files:\n  trajectory: data/track.json\n");
    assertEquals("data/track.json", ConfigLoader.load(ok.toString(), Map.of(), null).section("data_files")
        .getString("trajectory"));
  }

  /** Issue 19: settings that match no real behaviour any more say what replaces them. */
  @Test
  void removedEmulatorSettingsNameTheirReplacement() throws Exception {
    JsonObject recovery = only(problems("emulator:\n  auto_recovery_seconds: 10\n"));
    assertEquals("emulator.auto_recovery_seconds", recovery.getString("path"));
    assertTrue(recovery.getString("message").contains("no Flight Blender era recovers a sensor by itself"), recovery.encode());
    JsonObject margin = only(problems("emulator:\n  mode: django\n  conformance_margin_degrees: 0.001\n"));
    assertTrue(margin.getString("message").contains("emulator.conformance_monitoring"), margin.encode());
    assertEquals(3, margin.getInteger("line"));
    JsonObject display = only(problems("emulator:\n  sensors:\n    - id: a\n      sensor_type_display: Radar\n"));
    assertEquals("emulator.sensors[0].sensor_type_display", display.getString("path"));
    assertTrue(display.getString("message").contains("sensor_type"), display.encode());
    IllegalArgumentException wired = assertThrows(IllegalArgumentException.class, () ->
        org.openutm.verification.emulator.EmulatorVerticleAccess.options(new JsonObject().put("mode", "fastapi")
            .put("conformance_monitoring", true)));
    assertTrue(wired.getMessage().contains("needs mode django"), wired.getMessage());
  }

  @Test
  void overridesAreCheckedToo() {
    ServiceException e = assertThrows(ServiceException.class, () -> ConfigLoader.load("conf/config.yaml", Map.of(),
        new JsonObject().put("amqp", new JsonObject().put("exchange_type", "star"))));
    assertEquals("amqp.exchange_type", e.details().getJsonArray("problems").getJsonObject(0).getString("path"));
  }

  @Test
  void environmentFillsSecretsAndUrls() {
    AppConfig c = ConfigLoader.load("conf/config.yaml", Map.of("OPENSKY_CLIENT_ID", "sky-id", "OPENSKY_CLIENT_SECRET",
        "sky-secret", "BLENDER_WRITE_CLIENT_SECRET", "fb-secret", "PASSPORT_URL", "https://passport.example",
        "AMQP_URL", "amqp://u:p4ss@127.0.0.1:5672/"), null);
    assertEquals("sky-id", c.section("opensky").getJsonObject("auth").getString("client_id"));
    assertEquals("fb-secret", c.section("flight_blender").getJsonObject("auth").getString("client_secret"));
    assertEquals("https://passport.example", c.section("flight_blender").getJsonObject("auth").getString("passport_base_url"));
    String masked = c.masked().encode();
    assertTrue(!masked.contains("sky-secret") && !masked.contains("fb-secret") && !masked.contains("p4ss"), masked);
  }

  @Test
  void theProjectAndUpstreamConfigFilesLoad() throws Exception {
    ConfigLoader.load("conf/config.yaml", Map.of(), null);
    Path upstream = Path.of("../shared/upstream");
    if (!Files.isDirectory(upstream.resolve("config"))) {
      return; // ../shared is absent: the project's own file was checked
    }
    JsonObject search = new JsonObject().put("data_search_paths", new JsonArray().add(upstream.toAbsolutePath().toString()));
    List<Path> files;
    try (Stream<Path> s = Files.walk(upstream.resolve("config"), 2)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
    }
    assertTrue(!files.isEmpty());
    for (Path f : files) {
      try {
        ConfigLoader.load(f.toString(), Map.of(), search);
      } catch (ServiceException e) {
        throw new AssertionError(f + ": " + e.getMessage(), e);
      }
    }
  }
}
