package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * A run on the simulated clock (docs/simulated-clock.md): simulated durations with the wall time beside them, the
 * speed in results and reports, a request that names another speed refused, and a run that talks to a system that
 * cannot follow the clock (an external Flight Blender, the OpenSky provider) refused before it starts: 400 over HTTP
 * (CliTest: exit 2 from {@code run}).
 */
class SimulatedClockRunTest {
  static final String WAIT = """
      name: long wait
      steps:
        - id: wait
          step: Wait X seconds
          arguments: {duration: 30}
      """;

  @TempDir
  Path dir;

  @AfterEach
  void wallClock() {
    SimClock.configure(1);
  }

  @Test
  void thirtySimulatedSecondsTakeAboutOneAndAHalfWallSecondsAndTheReportSaysSo() throws Exception {
    try (TestService svc = TestService.startFast(new JsonObject().put("reporting", new JsonObject()
        .put("output_dir", dir.toString()).put("formats", new JsonArray().add("json").add("html").add("junit"))))) {
      Http http = svc.http;
      Http.Response r = http.post("/api/runs", new JsonObject().put("yaml", WAIT).put("speed", 20));
      assertEquals(200, r.status(), r.body());
      String runId = r.json().getString("run_id");
      JsonObject summary = null;
      for (int i = 0; i < 200; i++) {
        summary = http.get("/api/runs/" + runId + "?results=true").json();
        if (!"running".equals(summary.getString("status"))) {
          break;
        }
        Thread.sleep(50);
      }
      assertEquals("success", summary.getString("status"), summary.encode());
      assertEquals(20.0, summary.getDouble("speed"));
      assertTrue(summary.getDouble("achieved_speed") > 3, summary.encode());
      assertTrue(summary.getDouble("duration") >= 30, summary.encode());
      assertTrue(summary.getDouble("wall_duration") < 10, "30 simulated s took " + summary.getDouble("wall_duration"));
      JsonObject step = summary.getJsonArray("results").getJsonObject(0);
      assertTrue(step.getDouble("duration") >= 30 && step.getDouble("wall_duration") < 10, step.encode());
      // the report written for the run states the speed
      Path json = null;
      for (int i = 0; i < 100 && json == null; i++) {
        try (var files = Files.walk(dir)) {
          json = files.filter(p -> p.getFileName().toString().equals("report.json"))
              .filter(p -> org.openutm.verification.support.ReportFiles.completed(p)).findFirst().orElse(null);
        }
        Thread.sleep(50);
      }
      assertTrue(json != null, "a report was written");
      JsonObject report = new JsonObject(Files.readString(json));
      assertEquals(20.0, report.getDouble("clock_speed"));
      assertTrue(report.getDouble("total_duration") >= 30 && report.getDouble("total_wall_duration") < 10, report.encode());
      String html = Files.readString(json.resolveSibling("report.html"));
      assertTrue(html.contains("simulated (clock speed 20:"), html.substring(0, 2000));
    }
  }

  @Test
  void aRunRequestMayNameOnlyTheServicesSpeed() {
    try (TestService svc = TestService.startFast(new JsonObject())) {
      for (String path : List.of("/api/runs?speed=5", "/run-scenario-async?speed=1", "/api/runs?speed=fast")) {
        Http.Response r = svc.http.post(path, WAIT, "Content-Type", "application/yaml");
        assertEquals(400, r.status(), path + " -> " + r.body());
        assertEquals("speed", r.json().getJsonObject("details").getString("field"), r.body());
      }
      Http.Response ok = svc.http.post("/api/runs?speed=20", WAIT, "Content-Type", "application/yaml");
      assertEquals(200, ok.status(), ok.body());
    }
  }

  @Test
  void aRunAgainstAnExternalFlightBlenderIsRefusedAboveSpeedOne() {
    try (TestService svc = TestService.startFast(new JsonObject().put("flight_blender", new JsonObject()
        .put("url", "https://fb.staging.example")))) {
      Http.Response r = svc.http.post("/api/runs", WAIT, "Content-Type", "application/yaml");
      assertEquals(400, r.status(), r.body());
      assertEquals("speed", r.json().getJsonObject("details").getString("field"));
      assertTrue(r.json().getString("message").contains("flight_blender.url https://fb.staging.example is an external "
          + "Flight Blender, which runs in real time"), r.body());
      // a single step sent to it fails with the same reason
      Http.Response step = svc.http.post("/api/step", new JsonObject().put("step", "Cleanup Flight Declarations"));
      assertTrue(step.body().contains("external Flight Blender, which runs in real time"), step.status() + " " + step.body());
    }
  }

  @Test
  void aScenarioStreamingFromOpenSkyIsRefusedBeforeItStarts() {
    try (TestService svc = TestService.startFast(new JsonObject())) {
      Http.Response r = svc.http.post("/api/runs", """
          name: live
          steps:
            - id: live
              step: Stream Air Traffic
              arguments: {provider: opensky, target: none, duration: 5}
          """, "Content-Type", "application/yaml");
      assertEquals(400, r.status(), r.body());
      assertTrue(r.json().getString("message").contains("step 'live' streams from the OpenSky provider"), r.body());
    }
  }

  @Test
  void aSpeedOutsideOneToAThousandIsALoadError() {
    for (Object bad : List.of(0, 0.5, 5000, "fast")) {
      ServiceException e = assertThrows(ServiceException.class, () -> ConfigLoader.load("conf/config.yaml", Map.of(),
          new JsonObject().put("clock", new JsonObject().put("speed", bad))));
      assertTrue(e.getMessage().contains("clock.speed"), e.getMessage());
    }
  }
}
