package org.openutm.verification.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * GET/PUT /api/config on a copy of conf/config.yaml: masking, validation listing every problem, comments kept, a
 * change used by the next step, refused during a run, and a failed write leaving the old file and config in place.
 */
class ConfigApiTest {
  @TempDir
  Path dir;

  /** A copy of the project's config (and its data folder) that the test may change, with an AMQP password. */
  Path copy() throws IOException {
    Path file = TestService.copyConfig(dir);
    Files.writeString(file, Files.readString(file)
        .replaceFirst("url: \"\"(\\s+# e\\.g\\. amqp)", "url: \"amqp://guest:s3cr3t-pw@127.0.0.1:5672/\"$1"));
    return file;
  }

  @Test
  void putValidatesSavesInPlaceAndTheNextStepUsesIt() throws Exception {
    Path file = copy();
    // every log line of the test is kept to grep it for the password
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    root.addAppender(lines);
    ch.qos.logback.classic.Level level = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try (TestService svc = TestService.start(new JsonObject().put("logging", new JsonObject().put("level", "DEBUG")),
        file.toString())) {
      Http http = svc.http;
      JsonObject got = http.get("/api/config").json();
      assertEquals(file.toAbsolutePath().normalize().toString(), got.getString("config_path"));
      String amqpUrl = got.getJsonObject("amqp").getString("url");
      assertFalse(got.encode().contains("s3cr3t-pw"), "the password is masked");
      assertTrue(amqpUrl.contains("********"), amqpUrl);

      // every problem at once, nothing written
      String before = Files.readString(file);
      Http.Response bad = http.put("/api/config", new JsonObject().put("http", new JsonObject().put("port", "x"))
          .put("amqp", new JsonObject().put("exchange_type", "star")).put("nonsense", 1)
          .put("data_files", new JsonObject().put("geo_fence", "data/none.geojson")));
      assertEquals(400, bad.status(), bad.body());
      JsonArray problems = bad.json().getJsonObject("details").getJsonArray("problems");
      assertEquals(3, problems.size(), problems.encodePrettily());
      assertEquals(before, Files.readString(file));
      Http.Response missing = http.put("/api/config", new JsonObject().put("data_files", new JsonObject()
          .put("geo_fence", "data/none.geojson")));
      assertEquals(400, missing.status());
      assertTrue(missing.body().contains("data_files.geo_fence"));
      assertEquals(400, http.put("/api/config", "not json", "Content-Type", "application/json").status());
      assertEquals(400, http.put("/api/config", new JsonObject().put("amqp", new JsonObject().put("url",
          "amqp://guest:********@elsewhere:5672/"))).status(), "a mask that matches no stored secret is refused");

      // the masked URL sent back keeps the password; a new trajectory applies to the next step
      Http.Response saved = http.put("/api/config", new JsonObject()
          .put("amqp", new JsonObject().put("url", amqpUrl).put("routing_key", "decl.*"))
          .put("data_files", new JsonObject().put("trajectory", "data/bern/trajectory_f2.json"))
          .put("session", new JsonObject().put("ttl_seconds", 7200)));
      assertEquals(200, saved.status(), saved.body());
      assertEquals("saved", saved.json().getString("status"));
      assertEquals(new JsonArray().add("amqp").add("data_files"), saved.json().getJsonArray("applied"));
      assertEquals(new JsonArray().add("session"), saved.json().getJsonArray("restart_required"));
      String after = Files.readString(file);
      assertTrue(after.contains("s3cr3t-pw"), "the stored secret is kept");
      assertTrue(after.contains("# e.g. amqp://guest:guest@127.0.0.1:5672/ (or AMQP_URL)"), "comments are kept");
      assertTrue(after.contains("routing_key: \"decl.*\""), after);
      assertTrue(after.indexOf("flight_blender:") < after.indexOf("amqp:") && after.indexOf("amqp:") < after.indexOf("suites:"),
          "key order is kept");
      JsonObject reloaded = ConfigLoader.load(file.toString(), Map.of(), null).json();
      assertEquals(7200, reloaded.getJsonObject("session").getInteger("ttl_seconds"));

      JsonObject step = http.post("/api/step", new JsonObject().put("step", "Generate Telemetry")
          .put("arguments", new JsonObject().put("config_path", "${{ data_files.trajectory }}").put("duration", 2))).json();
      assertEquals("success", step.getString("status"), step.encode());
      JsonObject first = step.getJsonArray("result").getJsonObject(0).getJsonObject("position");
      JsonArray f2 = new JsonObject(Files.readString(Path.of("conf/data/bern/trajectory_f2.json")))
          .getJsonArray("features").getJsonObject(0).getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0);
      assertEquals(f2.getDouble(1), first.getDouble("lat"), 1e-9, "the saved trajectory is used");
      assertEquals(f2.getDouble(0), first.getDouble("lng"), 1e-9);
      assertEquals("decl.*", http.get("/api/config").json().getJsonObject("amqp")
          .getString("routing_key"));
    } finally {
      root.detachAppender(lines);
      root.setLevel(level);
    }
    assertTrue(lines.list.size() > 10, "the log was captured: " + lines.list.size());
    lines.list.forEach(e -> assertFalse((e.getFormattedMessage() + e.getThrowableProxy()).contains("s3cr3t-pw"),
        "a log line holds the password: " + e.getFormattedMessage()));
  }

  /**
   * Issue 17.2: GET shows the runtime emulator address and emulated: true; a settings screen that loads and saves
   * sends them back. The file keeps url "" byte for byte, and a restart still uses the emulator.
   */
  @Test
  void aPutOfWhatGetReturnedLeavesTheFileUnchangedAndTheRestartWorks() throws Exception {
    Path file = copy();
    byte[] before = Files.readAllBytes(file);
    try (TestService svc = TestService.start(new JsonObject(), file.toString())) {
      JsonObject shown = svc.http.get("/api/config").json();
      JsonObject fb = shown.getJsonObject("flight_blender");
      assertTrue(fb.getString("url").startsWith("http://127.0.0.1:"), "the runtime address is shown: " + fb);
      assertEquals(true, fb.getBoolean("emulated"));
      Http.Response saved = svc.http.put("/api/config", shown);
      assertEquals(200, saved.status(), saved.body());
      assertEquals(new JsonArray(), saved.json().getJsonArray("applied"), "nothing changed: " + saved.body());
      assertEquals(new String(before), Files.readString(file), "a round trip of GET never changes the file");
      // sections alone, as a settings screen saves one card at a time
      assertEquals(200, svc.http.put("/api/config", new JsonObject().put("flight_blender", fb)).status());
      assertEquals(new String(before), Files.readString(file));
    }
    try (TestService again = TestService.start(new JsonObject(), file.toString())) {
      JsonObject step = again.http.post("/api/step", new JsonObject().put("step", "Cleanup Flight Declarations")).json();
      assertEquals("success", step.getString("status"), "after a restart Flight Blender steps still work: " + step);
    }
  }

  /**
   * Issue 21: GET answers the Python toolkit's shape (its server/main.py get_config: the sections at the top level,
   * each key its models default filled in), and what its settings screen saves back (ConfigScreen.tsx: the six
   * editable sections as loaded) changes nothing: applied [], the file byte for byte the same.
   */
  @Test
  void theToolkitsSettingsRoundTripLeavesTheFileUnchanged() throws Exception {
    Path file = copy();
    byte[] before = Files.readAllBytes(file);
    try (TestService svc = TestService.start(new JsonObject(), file.toString())) {
      JsonObject shown = svc.http.get("/api/config").json();
      for (String key : new String[] {"version", "run_id", "config_path", "flight_blender", "opensky", "amqp",
          "data_files", "air_traffic_simulator_settings", "reporting"}) {
        assertTrue(shown.containsKey(key), key + " at the top level: " + shown.fieldNames());
      }
      assertFalse(shown.containsKey("config"), "no nested config");
      JsonObject allure = shown.getJsonObject("reporting").getJsonObject("allure");
      assertEquals(new JsonObject().put("enabled", false).put("capture_http", false).put("results_dir", "allure-results"),
          allure);
      JsonObject auth = shown.getJsonObject("opensky").getJsonObject("auth");
      for (String key : new String[] {"type", "client_id", "client_secret", "audience", "scopes", "token_endpoint",
          "passport_base_url"}) {
        assertTrue(auth.containsKey(key), "opensky.auth." + key);
      }
      JsonObject payload = new JsonObject();
      for (String key : new String[] {"flight_blender", "opensky", "amqp", "air_traffic_simulator_settings",
          "data_files", "reporting"}) {
        payload.put(key, shown.getValue(key));
      }
      Http.Response saved = svc.http.put("/api/config", payload);
      assertEquals(200, saved.status(), saved.body());
      assertEquals("saved", saved.json().getString("status"));
      assertEquals(new JsonArray(), saved.json().getJsonArray("applied"), saved.body());
      assertEquals(new String(before), new String(Files.readAllBytes(file)));
      // a real change made on that screen is written, and only it
      payload.getJsonObject("reporting").getJsonObject("deployment_details").put("notes", "staging run");
      saved = svc.http.put("/api/config", payload);
      assertEquals(new JsonArray().add("reporting"), saved.json().getJsonArray("applied").copy()
          .addAll(saved.json().getJsonArray("restart_required")), saved.body());
      assertEquals(new String(before).replace("notes: \"Local run\"", "notes: \"staging run\""), Files.readString(file));
    }
  }

  /** A real change next to runtime values writes only that change. */
  @Test
  void aPutWritesOnlyWhatChanged() throws Exception {
    Path file = copy();
    String before = Files.readString(file);
    try (TestService svc = TestService.start(new JsonObject(), file.toString())) {
      JsonObject shown = svc.http.get("/api/config").json();
      shown.getJsonObject("amqp").put("routing_key", "only-this");
      Http.Response saved = svc.http.put("/api/config", shown);
      assertEquals(200, saved.status(), saved.body());
      assertEquals(new JsonArray().add("amqp"), saved.json().getJsonArray("applied"));
      String after = Files.readString(file);
      assertEquals(before.replace("routing_key: \"#\"", "routing_key: \"only-this\""), after);
      assertFalse(after.contains("emulated"), after);
    }
  }

  @Test
  void aChangeDuringARunIsRefused() throws Exception {
    Path file = copy();
    try (TestService svc = TestService.start(new JsonObject(), file.toString())) {
      Http http = svc.http;
      assertEquals(200, http.post("/run-scenario-async", "name: slow\nsteps:\n  - step: Wait X seconds\n    arguments: "
          + "{duration: 5}\n", "Content-Type", "application/yaml").status());
      Http.Response busy = http.put("/api/config", new JsonObject().put("amqp", new JsonObject().put("routing_key", "x")));
      assertEquals(409, busy.status(), busy.body());
      assertEquals("conflict", busy.json().getString("error"));
      http.post("/stop-scenario", null);
    }
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndConfig() throws Exception {
    Path file = copy();
    String before = Files.readString(file);
    AppConfig current = ConfigLoader.load(file.toString(), Map.of(), null);
    ConfigStore failing = new ConfigStore((target, text) -> {
      Files.writeString(target.resolveSibling(".config.yaml.partial"), text.substring(0, text.length() / 2));
      throw new IOException("No space left on device");
    });
    ServiceException e = assertThrows(ServiceException.class, () -> failing.update(current, new JsonObject()
        .put("amqp", new JsonObject().put("routing_key", "changed"))));
    assertEquals(500, e.code().status);
    assertTrue(e.getMessage().contains("the old file is unchanged"), e.getMessage());
    assertEquals(before, Files.readString(file));
    assertEquals("#", current.section("amqp").getString("routing_key"));
    // the real writer: temporary file then rename, nothing left behind
    new ConfigStore().update(current, new JsonObject().put("amqp", new JsonObject().put("routing_key", "changed")));
    try (var files = Files.list(file.getParent())) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
    assertTrue(Files.readString(file).contains("routing_key: \"changed\""));
  }
}
