package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * Flight Blender d874eb0 flight_declaration_operations/tests.py SetFlightDeclarationTests (8 of 9, prefix
 * {@code declaration_}), SetOperationalIntentTests (7 of 8, prefix {@code intent_}) and SubmitToDssEndpointTests
 * (1 of 6), ported to HTTP in mode django with the file's own payloads ({@link DjangoPayloads}). The source mocks the
 * deconfliction and the notification task; the ports let the real ones run: a conflict is a second declaration over
 * the first, the notification is the AMQP message this machine's RabbitMQ delivers ({@link AmqpTap}), and a row
 * count is {@code /emulator/state}. What the source reads from the database and no route shows (the
 * FlightOperationTracking history notes) is not asserted. Skipped: the {@code _ussp_enabled_submits_to_dss} tests,
 * AutoSubmitToDssTests and five SubmitToDssEndpointTests (they patch USSP_NETWORK_ENABLED=1 and mock the DSS: the
 * emulator has no USS network), and the conflict test's "two messages or more" (its mock returns a conflict with a
 * geofence and a declaration at once; a Django server stores no geofence through its API, see GeofenceContractTest).
 */
class DeclarationViewsDjangoTest extends DjangoViewsContract {
  static String url(boolean intent) {
    return FD + (intent ? "/set_operational_intent" : "/set_flight_declaration");
  }

  Http.Response post(boolean intent, JsonObject payload) {
    return http.post(url(intent), payload, EmulatorFixture.auth());
  }

  void validPayloadCreatesDeclaration(boolean intent) {
    Http.Response r = post(intent, DjangoPayloads.payload(intent, 0));
    assertEquals(200, r.status(), r.body());
    JsonObject body = r.json();
    assertTrue(body.containsKey("id"));
    assertEquals("Submitted Flight Declaration", body.getString("message"));
    assertTrue(body.getBoolean("is_approved"));
    assertEquals(1, body.getInteger("state"));
    JsonObject fd = detail(body.getString("id"));
    assertEquals("test-aircraft-001", fd.getString("aircraft_id"));
    assertTrue(fd.getBoolean("is_approved"));
    if (!intent) {
      assertEquals("Test Party", fd.getString("originating_party"));
      assertEquals(1, fd.getInteger("state"));
    }
  }

  void intersectionConflictRejects(boolean intent) {
    assertEquals(1, post(intent, DjangoPayloads.payload(intent, 0)).json().getInteger("state"));
    Http.Response r = post(intent, DjangoPayloads.payload(intent, 0));
    assertEquals(200, r.status(), r.body());
    assertFalse(r.json().getBoolean("is_approved"));
    assertEquals(8, r.json().getInteger("state"));
    JsonObject fd = detail(r.json().getString("id"));
    assertFalse(fd.getBoolean("is_approved"));
    assertEquals(8, fd.getInteger("state"));
  }

  void notificationOnCreation(boolean intent) throws InterruptedException {
    String id = post(intent, DjangoPayloads.payload(intent, 0)).json().getString("id");
    tap.awaitTexts(id, 1);
    List<JsonObject> messages = tap.messages(id);
    assertEquals(1, messages.size(), messages.toString());
    assertEquals("Flight Declaration created..", messages.get(0).getJsonObject("body").getString("body"));
    assertEquals("info", messages.get(0).getJsonObject("body").getString("level"));
  }

  void refused(boolean intent, JsonObject payload) {
    Http.Response r = post(intent, payload);
    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().containsKey("message"), r.body());
    assertEquals(0, rows());
  }

  void wrongContentType(boolean intent) {
    Http.Response r = http.post(url(intent), DjangoPayloads.payload(intent, 0).encode(), EmulatorFixture.auth()[0],
        EmulatorFixture.auth()[1], "Content-Type", "text/plain");
    assertEquals(415, r.status(), r.body());
    assertEquals(0, rows());
  }

  void responseShape(boolean intent) {
    assertEquals(Set.of("id", "message", "is_approved", "state"),
        post(intent, DjangoPayloads.payload(intent, 0)).json().fieldNames());
  }

  static JsonObject without(JsonObject payload, String field) {
    payload.remove(field);
    return payload;
  }

  @Test
  void declaration_test_valid_payload_creates_declaration_and_returns_200() {
    validPayloadCreatesDeclaration(false);
  }

  @Test
  void declaration_test_intersection_conflict_rejects_declaration() {
    intersectionConflictRejects(false);
  }

  @Test
  void declaration_test_notification_task_called_on_creation() throws InterruptedException {
    notificationOnCreation(false);
  }

  @Test
  void declaration_test_missing_aircraft_id_returns_400() {
    refused(false, without(DjangoPayloads.declaration(0), "aircraft_id"));
  }

  @Test
  void declaration_test_missing_geojson_returns_400() {
    refused(false, without(DjangoPayloads.declaration(0), "flight_declaration_geo_json"));
  }

  @Test
  void declaration_test_past_dates_returns_400() {
    refused(false, DjangoPayloads.past(false));
  }

  @Test
  void declaration_test_wrong_content_type_returns_415() {
    wrongContentType(false);
  }

  @Test
  void declaration_test_response_shape_matches_dataclass() {
    responseShape(false);
  }

  @Test
  void intent_test_valid_payload_creates_declaration_and_returns_200() {
    validPayloadCreatesDeclaration(true);
  }

  @Test
  void intent_test_intersection_conflict_rejects_declaration() {
    intersectionConflictRejects(true);
  }

  @Test
  void intent_test_missing_aircraft_id_returns_400() {
    refused(true, without(DjangoPayloads.operationalIntent(0), "aircraft_id"));
  }

  @Test
  void intent_test_past_dates_returns_400() {
    refused(true, DjangoPayloads.past(true));
  }

  @Test
  void intent_test_wrong_content_type_returns_415() {
    wrongContentType(true);
  }

  @Test
  void intent_test_notification_task_called_on_creation() throws InterruptedException {
    notificationOnCreation(true);
  }

  @Test
  void intent_test_response_shape_matches_dataclass() {
    responseShape(true);
  }

  @Test
  void submitToDss_test_ussp_disabled_returns_400() {
    String id = post(false, DjangoPayloads.declaration(0)).json().getString("id");
    Http.Response r = http.post(FD + "/flight_declaration/" + id + "/submit_to_dss", new JsonObject(), EmulatorFixture.auth());
    assertEquals(400, r.status(), r.body());
    assertEquals(1, detail(id).getInteger("state"), "nothing submitted: the declaration keeps its state");
  }
}
