package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openutm.verification.emulator.EmulatorFixture.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openutm.verification.support.Http;

/**
 * The real server's own surveillance tests, ported to HTTP against the emulator; each method is named after its source
 * test. {@code fastapi}: tests/test_surveillance_api_fastapi.py at Flight Blender 5d9b953 (a fresh server: no
 * sensors, so the emulator is started with {@code sensors: []}). {@code django}: surveillance_monitoring_operations/
 * tests.py at d874eb0 (StartStopSurveillanceHeartbeatTrackTests).
 * <p>Skipped, because they test internals no HTTP client can reach: fastapi TestSchedulerCoverage (mocked Celery) and
 * TestRealtimeServiceCoverage (mocked Redis); django test_start_session_creation_failure_returns_500,
 * test_start_heartbeat_task_failure_rolls_back_session, test_start_track_task_failure_rolls_back_session (mocked
 * database failures) and DeleteSurveillanceSessionTests (database level).
 */
class SurveillanceContractTest {
  static final String SM = "/surveillance_monitoring_ops";

  static String start(String id) {
    return SM + "/start_stop_surveillance_heartbeat_track/" + id;
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class FastApi {
    EmulatorFixture emu;
    Http http;

    @BeforeAll
    void up() {
      emu = new EmulatorFixture(new JsonObject().put("mode", "fastapi").put("sensors", new JsonArray()));
      http = emu.http;
    }

    @AfterAll
    void down() {
      emu.close();
    }

    @Test
    void test_health_unauthenticated() {
      assertEquals(401, http.get(SM + "/health/").status());
    }

    @Test
    void test_health_ok() {
      Http.Response r = http.get(SM + "/health/", auth());
      assertEquals(200, r.status());
      JsonObject data = r.json();
      assertTrue(data.containsKey("current_status") && data.containsKey("sdsp_identifier") && data.containsKey("timestamp"));
      assertEquals("outage", data.getString("current_status"), "no sensors -> outage");
    }

    @Test
    void test_list_sensors_unauthenticated() {
      assertEquals(401, http.get(SM + "/list_surveillance_sensors").status());
    }

    @Test
    void test_list_sensors_empty() {
      Http.Response r = http.get(SM + "/list_surveillance_sensors", auth());
      assertEquals(200, r.status());
      assertEquals(new JsonArray(), r.json().getJsonArray("active_sensors"));
    }

    @Test
    void test_start_session_unauthenticated() {
      assertEquals(401, http.put(start(UUID.randomUUID().toString()), new JsonObject().put("action", "start")).status());
    }

    @Test
    void test_start_session() {
      Http.Response r = http.put(start(UUID.randomUUID().toString()), new JsonObject().put("action", "start"), auth());
      assertEquals(200, r.status());
      assertEquals("Surveillance monitoring heartbeat started", r.json().getString("status"));
    }

    @Test
    void test_start_session_duplicate() {
      String id = UUID.randomUUID().toString();
      http.put(start(id), new JsonObject().put("action", "start"), auth());
      assertEquals(400, http.put(start(id), new JsonObject().put("action", "start"), auth()).status());
    }

    @Test
    void test_stop_session_not_started() {
      assertEquals(400, http.put(start(UUID.randomUUID().toString()), new JsonObject().put("action", "stop"), auth()).status());
    }

    @Test
    void test_invalid_action() {
      Http.Response r = http.put(start(UUID.randomUUID().toString()), new JsonObject().put("action", "invalid"), auth());
      assertEquals(422, r.status());
      assertEquals("literal_error", r.json().getJsonArray("detail").getJsonObject(0).getString("type"));
    }

    @Test
    void test_service_metrics_unauthenticated() {
      assertEquals(401, http.get(SM + "/service_metrics").status());
    }

    @Test
    void test_service_metrics() {
      Http.Response r = http.get(SM + "/service_metrics", auth());
      assertEquals(200, r.status());
      for (String k : new String[] {"heartbeat_rates", "active_sessions", "window_start", "window_end"}) {
        assertTrue(r.json().containsKey(k), k);
      }
    }

    @Test
    void test_service_metrics_with_dates() {
      assertEquals(200, http.get(SM + "/service_metrics?start_date=2025-01-01&end_date=2025-12-31", auth()).status());
    }

    @Test
    void test_service_metrics_invalid_date() {
      Http.Response r = http.get(SM + "/service_metrics?start_date=not-a-date", auth());
      assertEquals(400, r.status());
      assertEquals("Invalid date format. Use ISO8601 format.", r.json().getString("error"));
    }

    @Test
    void test_update_sensor_health_unauthenticated() {
      assertEquals(401, http.put(SM + "/update_sensor_health/" + UUID.randomUUID(),
          new JsonObject().put("status", "operational")).status());
    }

    @Test
    void test_update_sensor_health_not_found() {
      assertEquals(404, http.put(SM + "/update_sensor_health/" + UUID.randomUUID(),
          new JsonObject().put("status", "operational").put("recovery_type", "automatic"), auth()).status());
    }

    @Test
    void test_update_sensor_health_invalid_status() {
      assertEquals(400, http.put(SM + "/update_sensor_health/" + UUID.randomUUID(),
          new JsonObject().put("status", "invalid_status"), auth()).status());
    }

    @Test
    void test_update_sensor_health_invalid_recovery_type() {
      assertEquals(400, http.put(SM + "/update_sensor_health/" + UUID.randomUUID(),
          new JsonObject().put("status", "operational").put("recovery_type", "invalid"), auth()).status());
    }

    @Test
    void test_list_notifications_unauthenticated() {
      assertEquals(401, http.get(SM + "/list_sensor_health_notifications").status());
    }

    @Test
    void test_list_notifications_empty() {
      Http.Response r = http.get(SM + "/list_sensor_health_notifications", auth());
      assertEquals(200, r.status());
      assertEquals(new JsonArray(), r.json().getJsonArray("notifications"));
    }

    @Test
    void test_list_notifications_with_dates() {
      assertEquals(200, http.get(SM + "/list_sensor_health_notifications?start_date=2025-01-01&end_date=2025-12-31",
          auth()).status());
    }

    @Test
    void test_list_notifications_with_sensor_id() {
      Http.Response r = http.get(SM + "/list_sensor_health_notifications?sensor_id=" + UUID.randomUUID(), auth());
      assertEquals(200, r.status());
      assertEquals(new JsonArray(), r.json().getJsonArray("notifications"));
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Django {
    EmulatorFixture emu;
    Http http;

    @BeforeAll
    void up() {
      emu = new EmulatorFixture(new JsonObject().put("mode", "django"));
      http = emu.http;
    }

    @AfterAll
    void down() {
      emu.close();
    }

    @Test
    void test_invalid_action_returns_400() {
      Http.Response r = http.put(start(UUID.randomUUID().toString()), new JsonObject().put("action", "invalid"), auth());
      assertEquals(400, r.status());
      assertEquals("Invalid action provided", r.json().getString("error"));
    }

    @Test
    void test_start_success() {
      assertEquals(200, http.put(start(UUID.randomUUID().toString()), new JsonObject().put("action", "start"), auth()).status());
    }

    @Test
    void test_start_session_already_exists_returns_400() {
      String id = UUID.randomUUID().toString();
      assertEquals(200, http.put(start(id), new JsonObject().put("action", "start"), auth()).status());
      assertEquals(400, http.put(start(id), new JsonObject().put("action", "start"), auth()).status());
    }

    @Test
    void test_stop_session_not_found_returns_400() {
      assertEquals(400, http.put(start(UUID.randomUUID().toString()), new JsonObject().put("action", "stop"), auth()).status());
    }

    @Test
    void test_stop_no_tasks_returns_400() {
      String id = UUID.randomUUID().toString();
      http.put(start(id), new JsonObject().put("action", "start"), auth());
      assertEquals(200, http.put(start(id), new JsonObject().put("action", "stop"), auth()).status());
      Http.Response again = http.put(start(id), new JsonObject().put("action", "stop"), auth());
      assertEquals(400, again.status(), "the session row stays, its tasks are gone");
      assertEquals("No active surveillance monitoring tasks found for " + id, again.json().getString("error"));
    }

    @Test
    void test_stop_success() {
      String id = UUID.randomUUID().toString();
      http.put(start(id), new JsonObject().put("action", "start"), auth());
      Http.Response r = http.put(start(id), new JsonObject().put("action", "stop"), auth());
      assertEquals(200, r.status());
      assertEquals("Surveillance monitoring tasks removed successfully", r.json().getString("status"));
    }
  }
}
