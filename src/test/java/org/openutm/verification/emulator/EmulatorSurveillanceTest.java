package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openutm.verification.emulator.EmulatorFixture.auth;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * SDSP behaviour beyond the real server's own tests (SurveillanceContractTest), in both eras: frames bare (master) or
 * wrapped (Django), no WebSocket authentication, Django's echo of client frames, tracks as the real fuser builds them
 * (and its defect as an opt-in quirk), service_metrics as the real code computes them, sensors that never recover by
 * themselves, get_air_traffic and the health endpoint.
 */
class EmulatorSurveillanceTest {
  static final String SM = "/surveillance_monitoring_ops";

  record Frame(long nanos, Object json) {
  }

  /** Kept referenced: a collected client closes its connections. */
  static final List<WebSocketClient> CLIENTS = new CopyOnWriteArrayList<>();

  static WebSocket listen(EmulatorFixture emu, String kind, String session, List<Frame> into) {
    WebSocketClient client = emu.vertx.createWebSocketClient();
    CLIENTS.add(client);
    // the handler is set before connecting: a frame the server writes on open (Django's greeting) is not lost
    io.vertx.core.http.ClientWebSocket ws = client.webSocket();
    ws.textMessageHandler(t -> into.add(new Frame(System.nanoTime(), Json.decodeValue(t))));
    TestService.await(ws.connect(emu.port, "127.0.0.1", "/ws/surveillance/" + kind + "/" + session));
    return ws;
  }

  static void feed(Http http, String icao, double lat, double lon, long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      assertEquals(201, http.post("/flight_stream/set_air_traffic/" + UUID.randomUUID(),
          EmulatorFixture.traffic(icao, lat, lon), auth()).status());
      Thread.sleep(250);
    }
  }

  @Test
  void masterSendsBareFramesOnUnauthenticatedSockets() throws Exception {
    try (EmulatorFixture emu = new EmulatorFixture(new JsonObject().put("mode", "fastapi"))) {
      String session = UUID.randomUUID().toString();
      assertEquals(200, emu.http.put(SM + "/start_stop_surveillance_heartbeat_track/" + session,
          new JsonObject().put("action", "start"), auth()).status());
      List<Frame> beats = new CopyOnWriteArrayList<>();
      List<Frame> tracks = new CopyOnWriteArrayList<>();
      listen(emu, "heartbeat", session, beats).writeTextMessage("Bearer should-be-ignored");
      listen(emu, "track", session, tracks);
      feed(emu.http, "TRK1", 46.98, 7.47, 4_200);
      assertTrue(beats.size() >= 3, "heartbeats: " + beats.size());
      JsonObject beat = (JsonObject) beats.get(0).json();
      assertEquals(session, beat.getString("surveillance_sdsp_name"), "master names the session: " + beat);
      assertEquals(150, beat.getInteger("average_latency_or_95_percentile_latency_ms"), "the first sensor's latency");
      assertEquals(5, beat.getInteger("horizontal_or_vertical_95_percentile_accuracy_m"));
      assertFalse(beats.stream().anyMatch(f -> f.json().toString().contains("should-be-ignored")), "no echo on master");
      for (int i = 1; i < beats.size(); i++) {
        double gap = (beats.get(i).nanos() - beats.get(i - 1).nanos()) / 1e9;
        assertTrue(gap >= 1.0 && gap <= 1.1, "master re-queues one second after each tick's work: " + gap);
      }
      JsonArray last = (JsonArray) tracks.get(tracks.size() - 1).json();
      JsonObject t = last.getJsonObject(0);
      assertEquals("TRK1", t.getString("unique_aircraft_identifier"));
      assertEquals("SDSP123", t.getString("sdsdp_identifier"));
      assertEquals("FusedSource", t.getString("source"));
      assertEquals("Active", t.getString("track_state"));
      JsonObject p = t.getJsonObject("state").getJsonObject("position");
      assertEquals(7.47, p.getDouble("lng"), 1e-9, "the emulator reports the true longitude by default");
      assertEquals(500.0, p.getDouble("alt"), 1e-9, "and metres");

      JsonObject m = emu.http.get(SM + "/service_metrics?session_id=" + session, auth()).json();
      JsonObject rate = m.getJsonArray("heartbeat_rates").getJsonObject(0);
      assertTrue(rate.getDouble("measured_rate_hz") > 0.9 && rate.getDouble("measured_rate_hz") < 1.0, rate.encode());
      assertEquals(1.0, m.getJsonArray("heartbeat_delivery_probabilities").getJsonObject(0).getDouble("probability"));
      JsonObject tp = m.getJsonArray("track_update_probabilities").getJsonObject(0);
      assertEquals(1.0, tp.getDouble("probability"), "every observation counts as a track update");
      assertEquals(tp.getLong("total_ticks"), tp.getLong("ticks_with_active_tracks"));
      assertTrue(tp.getLong("total_ticks") >= 15, "the observations in the window: " + tp);
      assertEquals(1, m.getInteger("active_sessions"));

      // stopped sessions still count as active for 30 minutes; stopping again is fine on master
      assertEquals(200, emu.http.put(SM + "/start_stop_surveillance_heartbeat_track/" + session,
          new JsonObject().put("action", "stop"), auth()).status());
      assertEquals(200, emu.http.put(SM + "/start_stop_surveillance_heartbeat_track/" + session,
          new JsonObject().put("action", "stop"), auth()).status());
      assertEquals(1, emu.http.get(SM + "/service_metrics", auth()).json().getInteger("active_sessions"));
      int count = beats.size();
      Thread.sleep(1_300);
      assertEquals(count, beats.size(), "no heartbeat after stop");
      assertEquals(422, emu.http.put(SM + "/start_stop_surveillance_heartbeat_track/not-a-uuid",
          new JsonObject().put("action", "start"), auth()).status());
      assertEquals(500, emu.http.get(SM + "/service_metrics?session_id=nope", auth()).status(),
          "master turns session_id into a UUID unguarded");
    }
  }

  @Test
  void djangoWrapsFramesAndEchoesClientFramesToEveryListener() throws Exception {
    try (EmulatorFixture emu = new EmulatorFixture(new JsonObject().put("mode", "django")
        .put("quirks", new JsonObject().put("track_lng_negated_alt_mm", true)))) {
      String session = UUID.randomUUID().toString();
      emu.http.put(SM + "/start_stop_surveillance_heartbeat_track/" + session, new JsonObject().put("action", "start"), auth());
      List<Frame> mine = new CopyOnWriteArrayList<>();
      List<Frame> other = new CopyOnWriteArrayList<>();
      List<Frame> tracks = new CopyOnWriteArrayList<>();
      WebSocket ws = listen(emu, "heartbeat", session, mine);
      listen(emu, "heartbeat", session, other);
      listen(emu, "track", session, tracks);
      Thread.sleep(200);
      ws.writeTextMessage("Bearer secret-token");
      feed(emu.http, "TRK2", 46.98, 7.47, 3_300);
      assertEquals("HeartBeatConsumer WebSocket connection established.", ((JsonObject) mine.get(0).json()).getString("message"));
      assertTrue(other.stream().anyMatch(f -> "Bearer secret-token".equals(((JsonObject) f.json()).getString("published_data"))),
          "Django re-broadcasts a client frame to every listener of the session: " + other);
      JsonObject beat = mine.stream().map(f -> (JsonObject) f.json()).filter(j -> j.containsKey("heartbeat_data"))
          .findFirst().orElseThrow().getJsonObject("heartbeat_data");
      assertEquals(session, beat.getString("surveillance_sdsp_name"));
      JsonArray data = tracks.stream().map(f -> (JsonObject) f.json()).filter(j -> j.containsKey("track_data"))
          .reduce((a, b) -> b).orElseThrow().getJsonArray("track_data");
      JsonObject p = data.getJsonObject(0).getJsonObject("state").getJsonObject("position");
      assertEquals(-7.47, p.getDouble("lng"), 1e-9, "the real fuser's defect, on request: lng = -lon");
      assertEquals(500_000.0, p.getDouble("alt"), 1e-9, "and millimetres");
      WebSocketClient client = emu.vertx.createWebSocketClient();
      CLIENTS.add(client);
      assertTrue(client.connect(emu.port, "127.0.0.1", "/ws/surveillance/heartbeat/NOT-A-UUID").toCompletionStage()
          .toCompletableFuture().handle((w, e) -> e != null).get(), "Django's route takes only a UUID");
      assertEquals(404, emu.http.put(SM + "/start_stop_surveillance_heartbeat_track/not-a-uuid",
          new JsonObject().put("action", "start"), auth()).status());
      assertEquals(404, emu.http.get("/flight_stream/get_air_traffic/" + session.replace("-", "") + "?view=1,1,2,2",
          auth()).status(), "Django's <uuid:session_id> route wants the hyphens");
    }
  }

  @Test
  void sensorsNeverRecoverByThemselvesAndMetricsCountCompletedRecoveries() throws Exception {
    try (EmulatorFixture emu = new EmulatorFixture(new JsonObject())) {
      Http http = emu.http;
      JsonArray sensors = http.get(SM + "/list_surveillance_sensors", auth()).json().getJsonArray("active_sensors");
      assertEquals(2, sensors.size(), "the seeded deployment");
      assertEquals("ADS-B", sensors.getJsonObject(0).getString("sensor_type_display"));
      assertEquals("PSR", sensors.getJsonObject(1).getString("sensor_type_display"));
      assertEquals("outage", http.get(SM + "/health/", auth()).json().getString("current_status"),
          "sensors without a health record count for nothing: outage");
      String id = sensors.getJsonObject(0).getString("id");
      String url = SM + "/update_sensor_health/" + id;
      assertEquals(200, http.put(url, new JsonObject().put("status", "operational"), auth()).status());
      assertEquals("operational", http.get(SM + "/health/", auth()).json().getString("current_status"));
      assertEquals(200, http.put(url, new JsonObject().put("status", "operational"), auth()).status(), "same status: no change");
      assertEquals(200, http.put(url, new JsonObject().put("status", "outage").put("recovery_type", "automatic"), auth()).status());
      Thread.sleep(300);
      JsonArray notes = http.get(SM + "/list_sensor_health_notifications?sensor_id=" + id, auth()).json()
          .getJsonArray("notifications");
      assertEquals(2, notes.size(), "first update and the outage; no automatic recovery: " + notes.encode());
      assertEquals("outage", notes.getJsonObject(0).getString("new_status"), "newest first");
      assertEquals("Sensor 'adsb-bern-01' entered outage state (was operational)", notes.getJsonObject(0).getString("message"));
      assertEquals("operational", notes.getJsonObject(1).getString("previous_status"), "a first update was its own previous");
      JsonObject health = http.get(SM + "/service_metrics", auth()).json().getJsonArray("per_sensor_health").getJsonObject(0);
      assertEquals(0, health.getInteger("failure_count"), "failure_count counts completed recoveries");
      assertNull(health.getValue("mttr_seconds"));
      Thread.sleep(200);
      assertEquals(200, http.put(url, new JsonObject().put("status", "operational").put("recovery_type", "manual"), auth()).status());
      assertEquals(200, http.put(url, new JsonObject().put("status", "degraded"), auth()).status());
      Thread.sleep(200);
      assertEquals(200, http.put(url, new JsonObject().put("status", "operational").put("recovery_type", "automatic"), auth()).status());
      health = http.get(SM + "/service_metrics", auth()).json().getJsonArray("per_sensor_health").getJsonObject(0);
      assertEquals(2, health.getInteger("failure_count"), "degraded is a failure too: " + health);
      assertEquals(1, health.getInteger("auto_recovery_count"));
      assertEquals(1, health.getInteger("manual_recovery_count"));
      assertTrue(health.getDouble("mttr_seconds") >= 0.2, health.encode());
      assertNotNull(health.getValue("mtbf_with_auto_recovery_seconds"), "the operational interval before the automatic recovery");
      assertEquals("Sensor 'adsb-bern-01' recovered to operational (was degraded) [automatic recovery]",
          http.get(SM + "/list_sensor_health_notifications", auth()).json().getJsonArray("notifications").getJsonObject(0)
              .getString("message"));
      assertEquals("operational", http.get(SM + "/health/", auth()).json().getString("current_status"));
      assertEquals(400, http.put(url, new JsonObject().put("status", "melted"), auth()).status());
      assertEquals(400, http.get(SM + "/service_metrics?start_date=yesterday", auth()).status());
      assertEquals(200, http.get(SM + "/service_metrics?start_date=2026-01-01", auth()).status(), "date-only");
      assertEquals(200, http.get(SM + "/service_metrics?start_date=2026-01-01T00:00:00+0000", auth()).status(),
          "a '+' decoded to a space is put back");
    }
  }

  @Test
  void getAirTrafficReturnsTheLatestObservationPerAircraftInTheView() throws Exception {
    try (EmulatorFixture emu = new EmulatorFixture(new JsonObject())) {
      String session = UUID.randomUUID().toString();
      emu.http.post("/flight_stream/set_air_traffic/" + UUID.randomUUID(), EmulatorFixture.traffic("A1", 46.98, 7.47), auth());
      emu.http.post("/flight_stream/set_air_traffic/" + UUID.randomUUID(), EmulatorFixture.traffic("A1", 46.99, 7.48), auth());
      emu.http.post("/flight_stream/set_air_traffic/" + UUID.randomUUID(), EmulatorFixture.traffic("B2", 10.0, 10.0), auth());
      String path = "/flight_stream/get_air_traffic/" + session;
      assertEquals(400, emu.http.get(path, auth()).status(), "a view is required");
      assertEquals(400, emu.http.get(path + "?view=1,2,3", auth()).status());
      JsonArray obs = emu.http.get(path + "?view=46.9,7.4,47.1,7.6", auth()).json().getJsonArray("observations");
      assertEquals(1, obs.size(), "the latest of A1 only (B2 is outside): " + obs);
      assertEquals(46.99, obs.getJsonObject(0).getDouble("lat_dd"));
      assertEquals(0, emu.http.get(path + "?view=46.9,7.4,47.1,7.6", auth()).json().getJsonArray("observations").size(),
          "only what came since this session's last reading");
    }
  }
}
