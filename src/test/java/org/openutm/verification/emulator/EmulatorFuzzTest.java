package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openutm.verification.emulator.EmulatorFixture.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.ErrorLog;
import org.openutm.verification.support.Heap;
import org.openutm.verification.support.JsonMutator;

/**
 * 1,000 seeded malformed bodies per write endpoint: only 4xx (or a valid 2xx), never a 5xx, no uncaught exception logged; healthy after; heap back to
 * its baseline once the emulator is reset. Full size: {@code ./mvnw -Pfuzz test} (10,000 per endpoint).
 */
class EmulatorFuzzTest {
  static final int CASES = Integer.getInteger("fuzz.cases", 1000);

  @Test
  void malformedBodiesNeverBreakTheEmulator() throws Exception {
    try (ErrorLog errors = new ErrorLog(); EmulatorFixture emu = new EmulatorFixture(new JsonObject())) {
      String declId = emu.http.post("/flight_declaration_ops/set_flight_declaration", EmulatorFixture.bern(), auth())
          .json().getString("id");
      String sensor = emu.http.get("/surveillance_monitoring_ops/list_surveillance_sensors", auth()).json()
          .getJsonArray("active_sensors").getJsonObject(0).getString("id");
      Map<String, Object[]> targets = new LinkedHashMap<>();
      targets.put("/flight_declaration_ops/set_flight_declaration", new Object[] {"POST", EmulatorFixture.bern()});
      targets.put("/flight_declaration_ops/set_operational_intent", new Object[] {"POST", EmulatorFixture.bern()});
      targets.put("/flight_declaration_ops/set_flight_declarations_bulk", new Object[] {"POST",
          new JsonArray().add(EmulatorFixture.bern())});
      targets.put("/flight_declaration_ops/set_operational_intents_bulk", new Object[] {"POST",
          new JsonArray().add(EmulatorFixture.bern())});
      targets.put("/flight_declaration_ops/flight_declaration_state/" + declId, new Object[] {"PUT",
          new JsonObject().put("state", 2).put("submitted_by", "a@b.c")});
      targets.put("/flight_stream/set_telemetry", new Object[] {"PUT", EmulatorFixture.telemetry(declId, 46.98, 7.47)});
      targets.put("/flight_stream/set_air_traffic/" + UUID.randomUUID(), new Object[] {"POST",
          EmulatorFixture.traffic("F1", 46.9, 7.4)});
      targets.put("/geo_fence_ops/set_geo_fence", new Object[] {"PUT", new JsonObject().put("type", "FeatureCollection")
          .put("features", new JsonArray().add(new JsonObject().put("type", "Feature")
              .put("properties", new JsonObject().put("upper_limit", 1).put("lower_limit", 0))
              .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(
                  new JsonArray().add(EmulatorFixture.pt(1, 1)).add(EmulatorFixture.pt(2, 1)).add(EmulatorFixture.pt(2, 2))
                      .add(EmulatorFixture.pt(1, 1)))))))});
      targets.put("/surveillance_monitoring_ops/start_stop_surveillance_heartbeat_track/" + UUID.randomUUID(),
          new Object[] {"PUT", new JsonObject().put("action", "stop")});
      targets.put("/surveillance_monitoring_ops/update_sensor_health/" + sensor, new Object[] {"PUT",
          new JsonObject().put("status", "degraded")});
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      long baseline = Heap.settled();
      JsonMutator mutator = new JsonMutator(4242);
      int total = 0;
      int emulatedErrors = 0;
      for (var e : targets.entrySet()) {
        for (int i = 0; i < CASES; i++) {
          String body = mutator.next(e.getValue()[1]);
          HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + emu.port + e.getKey()))
              .header("Content-Type", "application/json").header("Authorization", auth()[1])
              .method((String) e.getValue()[0], HttpRequest.BodyPublishers.ofString(body)).build();
          HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
          // a 500 only where the real server raises one for that input (the body names the real code path)
          boolean emulated = r.statusCode() == 500 && r.body().contains("\"emulated_server_error\"");
          if (emulated) {
            emulatedErrors++;
          }
          assertTrue(r.statusCode() < 500 || r.statusCode() == 507 || emulated, e.getKey() + " answered "
              + r.statusCode() + " to " + (body.length() > 300 ? body.substring(0, 300) : body) + ": " + r.body());
          total++;
        }
      }
      assertEquals(targets.size() * CASES, total);
      assertEquals(new JsonObject().put("message", "pong"), emu.http.get("/ping").json());
      assertEquals(200, emu.http.get("/flight_declaration_ops/flight_declaration/" + declId, auth()).status());
      // the valid bodies among the cases were stored: clear the emulator, then compare the heap
      assertEquals(200, emu.http.post("/emulator/reset", null).status());
      long after = Heap.settled();
      System.out.printf("== emulator fuzz: %d cases (%d emulated server errors, as the real code raises them), heap "
          + "%.1f MB before, %.1f MB after (reset, GC)%n", total, emulatedErrors, baseline / 1e6, after / 1e6);
      assertTrue(after < baseline + 64_000_000L, "heap back to baseline: " + baseline + " -> " + after);
      assertTrue(errors.uncaught().isEmpty(), "uncaught exceptions in the log: " + errors.uncaught());
    }
  }
}
