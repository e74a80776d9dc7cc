package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.support.Http;

/**
 * The emulator's DAA endpoints over HTTP (alerts raised from real telemetry and air traffic posts, filters, bad
 * filters refused), on the simulated clock at speed 20, and its operational events on the RabbitMQ of this machine (at
 * speed 1: the broker's delivery is waited for in wall time).
 */
class EmulatorDaaTest {
  static final String DAA = "/detect_and_avoid_ops";

  /** A declaration near Bern made active, an ownship flying east in it, an intruder 900 m east flying west. */
  static String encounter(EmulatorFixture emu) throws InterruptedException {
    Http http = emu.http;
    String id = http.post("/flight_declaration_ops/set_flight_declaration", EmulatorFixture.declaration(7.40, 46.90,
        7.60, 47.00, 1, 60), EmulatorFixture.auth()).json().getString("id");
    SimClock.block(1_200);
    assertEquals(200, http.put("/flight_declaration_ops/flight_declaration_state/" + id, new JsonObject().put("state", 2)
        .put("submitted_by", "test"), EmulatorFixture.auth()).status());
    for (int s = 0; s < 3; s++) {
      assertEquals(201, http.put("/flight_stream/set_telemetry", EmulatorFixture.telemetry(id, 46.95, 7.45 + s * 10 / 76_000.0),
          EmulatorFixture.auth()).status());
      JsonObject t = EmulatorFixture.traffic("INTR01", 46.95, 7.462 - s * 45 / 76_000.0);
      t.getJsonArray("observations").getJsonObject(0).put("altitude_mm", 575_000);
      assertEquals(201, http.post("/flight_stream/set_air_traffic/" + java.util.UUID.randomUUID(), t, EmulatorFixture.auth()).status());
      SimClock.block(1_000);
    }
    SimClock.block(1_100);
    return id;
  }

  @Test
  void manyIncidentLogsAreServedWhole() throws Exception {
    // a 5 ms tick logs an update per tick: past 1,000 logs the answer is encoded on a worker thread
    try (EmulatorFixture emu = new EmulatorFixture(new JsonObject().put("clock_speed", 20)
        .put("daa", new JsonObject().put("tick_millis", 5)))) {
      encounter(emu);
      long until = System.currentTimeMillis() + 20_000;
      while (emu.http.get("/emulator/state").json().getInteger("daa_logs") < 1_500 && System.currentTimeMillis() < until) {
        SimClock.block(200);
      }
      int kept = emu.http.get("/emulator/state").json().getInteger("daa_logs");
      assertTrue(kept >= 1_500, "logs made: " + kept);
      Http.Response r = emu.http.get(DAA + "/logs/incident/", EmulatorFixture.auth());
      assertEquals(200, r.status());
      assertEquals(List.of("application/json"), r.headers().get("content-type"));
      JsonArray logs = r.jsonArray();
      assertTrue(logs.size() >= kept, logs.size() + " served of " + kept);
      for (int i = 1; i < logs.size(); i++) {
        assertTrue(logs.getJsonObject(i).getLong("id") > logs.getJsonObject(i - 1).getLong("id"), "oldest first, whole");
      }
      assertEquals("alert_triggered", logs.getJsonObject(0).getString("event_type"));
    }
  }

  @Test
  void alertsAndIncidentLogsWithFilters() throws Exception {
    try (EmulatorFixture emu = new EmulatorFixture(new JsonObject().put("clock_speed", 20))) {
      Http http = emu.http;
      assertEquals(0, http.get(DAA + "/alerts/active/", EmulatorFixture.auth()).jsonArray().size());
      String id = encounter(emu);
      JsonArray active = http.get(DAA + "/alerts/active/", EmulatorFixture.auth()).jsonArray();
      assertEquals(1, active.size(), active.encode());
      JsonObject alert = active.getJsonObject(0);
      assertEquals(id, alert.getString("ownship_operation"));
      assertEquals("INTR01", alert.getString("intruder_icao"));
      assertTrue(alert.getInteger("current_level") >= 1);
      JsonArray logs = http.get(DAA + "/logs/incident/", EmulatorFixture.auth()).jsonArray();
      assertTrue(logs.size() >= 2, logs.encode());
      JsonObject first = logs.getJsonObject(0);
      for (String f : List.of("alert_id", "intruder_icao", "event_type", "timestamp", "alert_level", "alert_status",
          "priority_rank", "bearing_deg", "range_m", "vertical_separation_m", "cpa_time_seconds", "is_coasted")) {
        assertTrue(first.containsKey(f), f);
      }
      assertEquals("alert_triggered", first.getString("event_type"));
      assertEquals(1, http.get(DAA + "/logs/incident/?event_type=alert_triggered", EmulatorFixture.auth()).jsonArray().size());
      assertEquals(logs.size(), http.get(DAA + "/logs/incident/?alert_id=" + alert.getString("id"), EmulatorFixture.auth())
          .jsonArray().size());
      assertEquals(0, http.get(DAA + "/logs/incident/?end_date=2020-01-01T00:00:00Z", EmulatorFixture.auth()).jsonArray().size());
      int level = first.getInteger("alert_level");
      assertTrue(http.get(DAA + "/logs/incident/?alert_level=" + level, EmulatorFixture.auth()).jsonArray().size() >= 1);
      for (String bad : List.of("alert_level=9", "alert_level=x", "event_type=boom", "start_date=yesterday")) {
        Http.Response r = http.get(DAA + "/logs/incident/?" + bad, EmulatorFixture.auth());
        assertEquals(400, r.status(), bad + " -> " + r.body());
        assertTrue(r.json().getString("message").contains(bad.substring(0, bad.indexOf('='))), r.body());
      }
      assertEquals(401, http.get(DAA + "/alerts/active/").status(), "a token is required");
      // the operation ends: its alert is resolved at the next tick
      http.put("/flight_declaration_ops/flight_declaration_state/" + id, new JsonObject().put("state", 5)
          .put("submitted_by", "test"), EmulatorFixture.auth());
      SimClock.block(1_500);
      assertEquals(0, http.get(DAA + "/alerts/active/", EmulatorFixture.auth()).jsonArray().size());
      assertEquals(1, http.get(DAA + "/logs/incident/?event_type=alert_resolved", EmulatorFixture.auth()).jsonArray().size());
    }
  }

  @Test
  void operationalEventsArePublishedToRabbitMq() throws Exception {
    try (AmqpTap tap = new AmqpTap()) {
      // the Django era: a deconflicted create announces itself; no operator state change publishes anything
      try (EmulatorFixture emu = new EmulatorFixture(new JsonObject().put("mode", "django"), tap.amqp())) {
        AmqpTap.settle();
        String id = encounter(emu);
        SimClock.block(500);
        List<String> bodies = tap.texts(id);
        assertTrue(bodies.contains("Flight Declaration created.."), bodies.toString());
        assertTrue(bodies.stream().noneMatch(b -> b.contains("changed from")), bodies.toString());
        assertTrue(bodies.stream().anyMatch(b -> b.startsWith("DAA alert_triggered: intruder INTR01")), bodies.toString());
        JsonObject m = tap.messages(id).get(0);
        assertEquals("application/json", m.getString("content_type"));
        assertTrue(m.getJsonObject("body").containsKey("level") && m.getJsonObject("body").containsKey("timestamp"));
      }
      // master: set_flight_declaration sends nothing (only operational intents are announced); DAA is the extension's
      try (EmulatorFixture emu = new EmulatorFixture(new JsonObject().put("mode", "fastapi"), tap.amqp())) {
        AmqpTap.settle();
        String id = encounter(emu);
        SimClock.block(500);
        List<String> bodies = tap.texts(id);
        assertTrue(bodies.stream().noneMatch(b -> b.startsWith("Flight Declaration")), bodies.toString());
        assertTrue(bodies.stream().anyMatch(b -> b.startsWith("DAA alert_triggered")), bodies.toString());
      }
    }
  }
}
