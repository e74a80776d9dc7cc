package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openutm.verification.emulator.EmulatorFixture.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * Flight Blender d874eb0 tests/test_surveillance_monitoring_operations.py (all 19), ported to HTTP in mode django,
 * each named after its source test with its class as prefix. The source runs on an empty database: the emulator starts
 * with {@code sensors: []} (a fresh server lists none).
 */
class SurveillanceMonitoringDjangoTest extends EraContract {
  static final String SM = "/surveillance_monitoring_ops";
  @Override
  String mode() {
    return "django";
  }

  @Override
  JsonObject config() {
    return super.config().put("sensors", new JsonArray());
  }

  Http.Response action(String session, String action) {
    return http.put(SM + "/start_stop_surveillance_heartbeat_track/" + session, new JsonObject().put("action", action),
        auth());
  }

  Http.Response sensorHealth(JsonObject body) {
    return http.put(SM + "/update_sensor_health/" + UUID.randomUUID(), body, auth());
  }

  @Test
  void surveillanceHealth_test_health_endpoint() {
    Http.Response r = http.get(SM + "/health/", auth());
    assertEquals(200, r.status(), r.body());
    for (String k : new String[] {"current_status", "sdsp_identifier", "timestamp"}) {
      assertTrue(r.json().containsKey(k), k + " in " + r.body());
    }
  }

  @Test
  void surveillanceHealth_test_health_unauthenticated() {
    assertEquals(401, http.get(SM + "/health/").status());
  }

  @Test
  void surveillanceSensors_test_list_sensors_empty() {
    Http.Response r = http.get(SM + "/list_surveillance_sensors", auth());
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonArray(), r.json().getJsonArray("active_sensors"));
  }

  @Test
  void surveillanceSensors_test_list_sensors_unauthenticated() {
    assertEquals(401, http.get(SM + "/list_surveillance_sensors").status());
  }

  @Test
  void surveillanceSession_test_start_session() {
    Http.Response r = action(UUID.randomUUID().toString(), "start");
    assertEquals(200, r.status(), r.body());
    assertEquals("Surveillance monitoring heartbeat started", r.json().getString("status"));
  }

  @Test
  void surveillanceSession_test_start_session_duplicate() {
    String id = UUID.randomUUID().toString();
    action(id, "start");
    assertEquals(400, action(id, "start").status());
  }

  @Test
  void surveillanceSession_test_stop_session_not_started() {
    assertEquals(400, action(UUID.randomUUID().toString(), "stop").status());
  }

  @Test
  void surveillanceSession_test_invalid_action() {
    assertEquals(400, action(UUID.randomUUID().toString(), "invalid").status());
  }

  @Test
  void surveillanceSession_test_start_and_stop_session() {
    String id = UUID.randomUUID().toString();
    assertEquals(200, action(id, "start").status());
    assertEquals(200, action(id, "stop").status());
  }

  @Test
  void serviceMetrics_test_service_metrics() {
    Http.Response r = http.get(SM + "/service_metrics", auth());
    assertEquals(200, r.status(), r.body());
    for (String k : new String[] {"heartbeat_rates", "aggregate_health", "active_sessions", "window_start", "window_end"}) {
      assertTrue(r.json().containsKey(k), k + " in " + r.body());
    }
  }

  @Test
  void serviceMetrics_test_service_metrics_with_dates() {
    assertEquals(200, http.get(SM + "/service_metrics?start_date=2025-01-01&end_date=2025-12-31", auth()).status());
  }

  @Test
  void serviceMetrics_test_service_metrics_with_session_id() {
    int status = http.get(SM + "/service_metrics?session_id=" + UUID.randomUUID(), auth()).status();
    assertTrue(status == 200 || status == 500, "status " + status);
  }

  @Test
  void serviceMetrics_test_service_metrics_invalid_date() {
    assertEquals(400, http.get(SM + "/service_metrics?start_date=not-a-date", auth()).status());
  }

  @Test
  void sensorHealth_test_update_sensor_health_not_found() {
    assertEquals(404, sensorHealth(new JsonObject().put("status", "operational").put("recovery_type", "automatic"))
        .status());
  }

  @Test
  void sensorHealth_test_update_sensor_health_invalid_status() {
    assertEquals(400, sensorHealth(new JsonObject().put("status", "invalid_status")).status());
  }

  @Test
  void sensorHealth_test_update_sensor_health_invalid_recovery_type() {
    assertEquals(400, sensorHealth(new JsonObject().put("status", "operational").put("recovery_type", "invalid"))
        .status());
  }

  @Test
  void sensorHealthNotifications_test_list_notifications() {
    Http.Response r = http.get(SM + "/list_sensor_health_notifications", auth());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().containsKey("notifications"), r.body());
  }

  @Test
  void sensorHealthNotifications_test_list_notifications_with_dates() {
    assertEquals(200, http.get(SM + "/list_sensor_health_notifications?start_date=2025-01-01&end_date=2025-12-31",
        auth()).status());
  }

  @Test
  void sensorHealthNotifications_test_list_notifications_with_sensor_id() {
    assertEquals(200, http.get(SM + "/list_sensor_health_notifications?sensor_id=" + UUID.randomUUID(), auth()).status());
  }
}
