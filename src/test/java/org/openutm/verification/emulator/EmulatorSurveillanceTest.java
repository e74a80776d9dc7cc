package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openutm.verification.emulator.EmulatorFixture.auth;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** SDSP sessions, WebSocket heartbeat and track cadence, sensors, notifications and service metrics. */
class EmulatorSurveillanceTest {
  static EmulatorFixture emu;
  static Http http;
  static final String SM = "/surveillance_monitoring_ops";

  @BeforeAll
  static void start() {
    emu = new EmulatorFixture(new JsonObject().put("auto_recovery_seconds", 0.3));
    http = emu.http;
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  record Frame(long nanos, JsonObject json) {
  }

  /** Kept referenced: a collected client closes its connections. */
  static final List<WebSocketClient> CLIENTS = new CopyOnWriteArrayList<>();

  static List<Frame> listen(String kind, String session, String token, List<Frame> into) {
    WebSocketClient client = emu.vertx.createWebSocketClient();
    CLIENTS.add(client);
    WebSocket ws = TestService.await(client.connect(emu.port, "127.0.0.1", "/ws/surveillance/" + kind + "/" + session));
    ws.textMessageHandler(t -> into.add(new Frame(System.nanoTime(), new JsonObject(t))));
    ws.writeTextMessage("Bearer " + token);
    return into;
  }

  @Test
  void heartbeatAndTrackAtOneHertz() throws Exception {
    String session = UUID.randomUUID().toString();
    String path = SM + "/start_stop_surveillance_heartbeat_track/" + session;
    Http.Response started = http.put(path, new JsonObject().put("action", "start"), auth());
    assertEquals(200, started.status(), started.body());
    assertEquals("Surveillance monitoring heartbeat started", started.json().getString("status"));
    Http.Response twice = http.put(path, new JsonObject().put("action", "start"), auth());
    assertEquals(400, twice.status());
    assertEquals("Surveillance monitoring heartbeat task already exists", twice.json().getString("error"));
    assertEquals(400, http.put(SM + "/start_stop_surveillance_heartbeat_track/not-a-uuid",
        new JsonObject().put("action", "start"), auth()).status());

    List<Frame> heartbeats = listen("heartbeat", session, EmulatorFixture.token(EmulatorFixture.RW),
        new CopyOnWriteArrayList<>());
    List<Frame> tracks = listen("track", session, EmulatorFixture.token(EmulatorFixture.RW), new CopyOnWriteArrayList<>());
    long end = System.currentTimeMillis() + 4_500;
    while (System.currentTimeMillis() < end) {
      http.post("/flight_stream/set_air_traffic/ee9405e564ea4373823e37d950858e6a",
          EmulatorFixture.traffic("TRK1", 46.98, 7.47), auth());
      Thread.sleep(250);
    }
    assertEquals("HeartBeatConsumer WebSocket connection established.", heartbeats.get(0).json().getString("message"));
    List<Frame> beats = heartbeats.subList(1, heartbeats.size());
    assertTrue(beats.size() >= 3, "heartbeats: " + beats.size());
    for (int i = 1; i < beats.size(); i++) {
      double gap = (beats.get(i).nanos() - beats.get(i - 1).nanos()) / 1e9;
      assertTrue(Math.abs(gap - 1.0) <= 0.1, "heartbeat gap " + gap + " s is not 1 s +-10%");
    }
    assertNotNull(beats.get(0).json().getJsonObject("heartbeat_data").getString("timestamp"));
    JsonArray trackData = tracks.get(tracks.size() - 1).json().getJsonArray("track_data");
    assertEquals("TRK1", trackData.getJsonObject(0).getString("unique_aircraft_identifier"));
    assertEquals(46.98, trackData.getJsonObject(0).getJsonObject("state").getJsonObject("position").getDouble("lat"));

    JsonObject metrics = http.get(SM + "/service_metrics?session_id=" + session, auth()).json();
    JsonObject rate = metrics.getJsonArray("heartbeat_rates").getJsonObject(0);
    assertTrue(rate.getDouble("measured_rate_hz") > 0.7 && rate.getDouble("measured_rate_hz") <= 1.0, rate.encode());
    JsonObject delivery = metrics.getJsonArray("heartbeat_delivery_probabilities").getJsonObject(0);
    assertTrue(delivery.getDouble("probability") >= 0.75, delivery.encode());
    JsonObject trackProb = metrics.getJsonArray("track_update_probabilities").getJsonObject(0);
    assertTrue(trackProb.getDouble("probability") >= 0.75, trackProb.encode());
    assertEquals(1, metrics.getInteger("active_sessions"));
    assertNotNull(metrics.getJsonObject("aggregate_health"));

    Http.Response stopped = http.put(path, new JsonObject().put("action", "stop"), auth());
    assertEquals("Surveillance monitoring tasks removed successfully", stopped.json().getString("status"));
    int count = heartbeats.size();
    Thread.sleep(1_300);
    assertEquals(count, heartbeats.size(), "no heartbeat after stop");
  }

  @Test
  void webSocketNeedsABearerFirstFrame() throws Exception {
    List<Frame> frames = listen("heartbeat", UUID.randomUUID().toString(),
        EmulatorFixture.token(new JsonObject().put("iss", "x").put("aud", "a").put("scope", "flightblender.read")),
        new CopyOnWriteArrayList<>());
    Thread.sleep(300);
    assertEquals(1, frames.size());
    assertTrue(frames.get(0).json().containsKey("detail"), frames.get(0).json().encode());
  }

  @Test
  void sensorsFailuresRecoveryAndNotifications() throws Exception {
    JsonArray sensors = http.get(SM + "/list_surveillance_sensors", auth()).json().getJsonArray("active_sensors");
    assertEquals(2, sensors.size());
    String id = sensors.getJsonObject(0).getString("id");
    Http.Response r = http.put(SM + "/update_sensor_health/" + id, new JsonObject().put("status", "outage")
        .put("recovery_type", "automatic"), auth());
    assertEquals(200, r.status(), r.body());
    assertEquals("Sensor health updated", r.json().getString("status"));
    assertEquals("outage", r.json().getString("new_status"));
    assertEquals(404, http.put(SM + "/update_sensor_health/" + UUID.randomUUID(), new JsonObject().put("status", "outage"),
        auth()).status());
    assertEquals(400, http.put(SM + "/update_sensor_health/" + id, new JsonObject().put("status", "melted"), auth()).status());
    Thread.sleep(600);
    JsonArray notes = http.get(SM + "/list_sensor_health_notifications?sensor_id=" + id, auth()).json()
        .getJsonArray("notifications");
    assertEquals(2, notes.size(), notes.encode());
    assertEquals("outage", notes.getJsonObject(0).getString("new_status"));
    assertEquals("operational", notes.getJsonObject(1).getString("new_status"));
    JsonObject health = http.get(SM + "/service_metrics", auth()).json().getJsonArray("per_sensor_health").getJsonObject(0);
    assertEquals(1, health.getInteger("failure_count"));
    assertEquals(1, health.getInteger("auto_recovery_count"));
    assertTrue(health.getDouble("mttr_seconds") >= 0.25, health.encode());
    assertEquals(400, http.get(SM + "/service_metrics?start_date=yesterday", auth()).status());
    assertEquals(200, http.get(SM + "/service_metrics?start_date=2026-01-01T00:00:00+0000", auth()).status(),
        "a '+' decoded to a space is put back");
  }
}
