package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * Flight Blender master's own tests of the flight declaration endpoints (tests/test_flight_declaration_operations.py
 * at 5d9b953), ported to HTTP against the emulator in mode fastapi, each named after its source test, with the
 * source's fixtures (conftest.py sample_geojson_feature_collection, future_dates, flight_declaration_payload,
 * operational_intent_payload): every class from TestFlightDeclarationCreate to TestNetworkFlightDeclarations (36
 * tests). Skipped: TestSubmitToDSSEnabled and TestNetworkFlightDeclarationsByViewEnabled (they monkeypatch
 * USSP_NETWORK_ENABLED and mock the DSS client; the emulator has no USS network), the Celery and rtree coverage
 * classes (internals).
 */
class FlightDeclarationContractTest extends EraContract {
  static final String FD = "/flight_declaration_ops";

  /** The era; {@link FlightDeclarationContractDjangoTest} runs every test against Django's copy of the file. */
  @Override
  String mode() {
    return "fastapi";
  }

  @BeforeEach
  void fresh() {
    assertEquals(200, http.post("/emulator/reset", null).status());
  }

  static String[] auth(String scope) {
    return EmulatorFixture.bearer(scope);
  }

  static final String READ = "flightblender.read";
  static final String WRITE = "flightblender.write";
  static final String READ_WRITE = READ + " " + WRITE;

  static String[] futureDates() {
    Instant now = Instant.now();
    return new String[] {now.plusSeconds(3600).toString(), now.plusSeconds(7200).toString()};
  }

  static JsonObject sampleGeojsonFeatureCollection() {
    JsonArray ring = new JsonArray().add(EmulatorFixture.pt(13.4, 52.5)).add(EmulatorFixture.pt(13.41, 52.5))
        .add(EmulatorFixture.pt(13.41, 52.51)).add(EmulatorFixture.pt(13.4, 52.51)).add(EmulatorFixture.pt(13.4, 52.5));
    return new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(new JsonObject()
        .put("type", "Feature").put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)))
        .put("properties", new JsonObject().put("min_altitude", new JsonObject().put("meters", 20).put("datum", "WGS84"))
            .put("max_altitude", new JsonObject().put("meters", 50).put("datum", "WGS84")).put("upper_limit", 50)
            .put("lower_limit", 20))));
  }

  static JsonObject flightDeclarationPayload() {
    String[] d = futureDates();
    return new JsonObject().put("originating_party", "Test Operator").put("start_datetime", d[0]).put("end_datetime", d[1])
        .put("flight_declaration_geo_json", sampleGeojsonFeatureCollection()).put("type_of_operation", 1)
        .put("aircraft_id", "TEST-UAV-001");
  }

  static JsonObject operationalIntentPayload() {
    String[] d = futureDates();
    return new JsonObject().put("originating_party", "Test Operator").put("start_datetime", d[0]).put("end_datetime", d[1])
        .put("operational_intent_volume4ds", new JsonArray().add(new JsonObject()
            .put("time_start", new JsonObject().put("value", d[0]).put("format", "RFC3339"))
            .put("time_end", new JsonObject().put("value", d[1]).put("format", "RFC3339"))
            .put("volume", new JsonObject().put("outline_circle", new JsonObject()
                    .put("center", new JsonObject().put("lat", 47.6062).put("lng", -122.3321))
                    .put("radius", new JsonObject().put("value", 500).put("units", "M")))
                .put("altitude_lower", new JsonObject().put("value", 20).put("reference", "W84").put("units", "M"))
                .put("altitude_upper", new JsonObject().put("value", 50).put("reference", "W84").put("units", "M")))))
        .put("type_of_operation", 1).put("aircraft_id", "TEST-UAV-002");
  }

  @Test
  void test_create_flight_declaration() {
    Http.Response r = http.post(FD + "/flight_declaration", flightDeclarationPayload(), auth(READ_WRITE));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().containsKey("id"));
    assertEquals("Submitted Flight Declaration", r.json().getString("message"));
  }

  @Test
  void test_create_flight_declaration_unsupported_media_type() {
    String[] a = auth(READ_WRITE);
    assertEquals(fastapi() ? 422 : 415, http.post(FD + "/flight_declaration", flightDeclarationPayload().toString(), a[0], a[1],
        "Content-Type", "text/plain").status());
  }

  @Test
  void test_create_flight_declaration_invalid_geojson() {
    String[] d = futureDates();
    JsonObject payload = new JsonObject().put("originating_party", "Test").put("start_datetime", d[0]).put("end_datetime", d[1])
        .put("flight_declaration_geo_json", new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray()))
        .put("type_of_operation", 1).put("aircraft_id", "UAV-1");
    assertTrue(List.of(200, 400).contains(http.post(FD + "/flight_declaration", payload, auth(READ_WRITE)).status()));
  }

  @Test
  void test_create_flight_declaration_missing_fields() {
    assertEquals(400, http.post(FD + "/flight_declaration", new JsonObject().put("originating_party", "Test"),
        auth(READ_WRITE)).status());
  }

  @Test
  void test_create_flight_declaration_invalid_dates() {
    JsonObject payload = new JsonObject().put("originating_party", "Test").put("start_datetime", "2020-01-01T00:00:00Z")
        .put("end_datetime", "2020-01-02T00:00:00Z").put("flight_declaration_geo_json", sampleGeojsonFeatureCollection())
        .put("type_of_operation", 1).put("aircraft_id", "UAV-1");
    assertEquals(400, http.post(FD + "/flight_declaration", payload, auth(READ_WRITE)).status());
  }

  @Test
  void test_set_flight_declaration() {
    Http.Response r = http.post(FD + "/set_flight_declaration", flightDeclarationPayload(), auth(WRITE));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().containsKey("id"));
  }

  @Test
  void test_set_flight_declaration_invalid() {
    assertEquals(400, http.post(FD + "/set_flight_declaration", new JsonObject(), auth(WRITE)).status());
  }

  @Test
  void test_set_flight_declaration_with_all_fields() {
    String[] d = futureDates();
    JsonObject payload = new JsonObject().put("originating_party", "Full Test Operator").put("start_datetime", d[0])
        .put("end_datetime", d[1]).put("flight_declaration_geo_json", sampleGeojsonFeatureCollection())
        .put("type_of_operation", 2).put("aircraft_id", "UAV-FULL-001").put("submitted_by", "test@example.com");
    assertEquals(200, http.post(FD + "/set_flight_declaration", payload, auth(WRITE)).status());
  }

  @Test
  void test_set_operational_intent() {
    Http.Response r = http.post(FD + "/set_operational_intent", operationalIntentPayload(), auth(WRITE));
    assertTrue(List.of(200, 500).contains(r.status()), r.body());
  }

  @Test
  void test_set_operational_intent_invalid() {
    assertEquals(400, http.post(FD + "/set_operational_intent", new JsonObject(), auth(WRITE)).status());
  }

  @Test
  void test_bulk_create() {
    Http.Response r = http.post(FD + "/set_flight_declarations_bulk", new JsonArray().add(flightDeclarationPayload()), auth(WRITE));
    assertEquals(200, r.status(), r.body());
    assertEquals(1, r.json().getInteger("submitted"));
    assertEquals(0, r.json().getInteger("failed"));
  }

  @Test
  void test_bulk_create_non_array() {
    assertEquals(400, http.post(FD + "/set_flight_declarations_bulk", new JsonObject().put("not", "array"), auth(WRITE)).status());
  }

  @Test
  void test_bulk_create_multiple() {
    Http.Response r = http.post(FD + "/set_flight_declarations_bulk", new JsonArray().add(flightDeclarationPayload())
        .add(flightDeclarationPayload()), auth(WRITE));
    assertEquals(200, r.status(), r.body());
    assertEquals(2, r.json().getInteger("submitted"));
  }

  @Test
  void test_bulk_create_mixed_valid_invalid() {
    Http.Response r = http.post(FD + "/set_flight_declarations_bulk", new JsonArray().add(flightDeclarationPayload())
        .add(new JsonObject().put("invalid", "data")), auth(WRITE));
    assertEquals(207, r.status(), r.body());
    assertEquals(1, r.json().getInteger("submitted"));
    assertEquals(1, r.json().getInteger("failed"));
  }

  @Test
  void test_bulk_create_empty_list() {
    assertEquals(200, http.post(FD + "/set_flight_declarations_bulk", new JsonArray(), auth(WRITE)).status());
  }

  @Test
  void test_bulk_operational_intents() {
    Http.Response r = http.post(FD + "/set_operational_intents_bulk", new JsonArray().add(operationalIntentPayload()), auth(WRITE));
    assertTrue(List.of(200, 207).contains(r.status()), r.body());
  }

  @Test
  void test_bulk_operational_intents_non_array() {
    assertEquals(400, http.post(FD + "/set_operational_intents_bulk", new JsonObject().put("not", "array"), auth(WRITE)).status());
  }

  @Test
  void test_list_empty() {
    Http.Response r = http.get(FD + "/flight_declaration", auth(READ));
    assertEquals(200, r.status());
    assertEquals(new JsonArray(), r.json().getJsonArray("results"));
  }

  @Test
  void test_list_with_date_filter() {
    assertEquals(200, http.get(FD + "/flight_declaration?start_date=2025-01-01&end_date=2025-12-31", auth(READ)).status());
  }

  @Test
  void test_list_with_state_filter() {
    assertEquals(200, http.get(FD + "/flight_declaration?state=0,1", auth(READ)).status());
  }

  @Test
  void test_list_with_view_filter() {
    assertEquals(200, http.get(FD + "/flight_declaration?view=52.500,13.399,52.501,13.400", auth(READ)).status());
  }

  @Test
  void test_list_with_all_filters() {
    assertEquals(200, http.get(FD + "/flight_declaration?start_date=2025-01-01&end_date=2025-12-31&state=0,1"
        + "&view=52.500,13.399,52.501,13.400", auth(READ)).status());
  }

  @Test
  void test_list_unauthenticated() {
    assertEquals(401, http.get(FD + "/flight_declaration").status());
  }

  @Test
  void test_get_nonexistent() {
    assertEquals(404, http.get(FD + "/flight_declaration/" + UUID.randomUUID(), auth(READ)).status());
  }

  @Test
  void test_get_existing() {
    String id = http.post(FD + "/set_flight_declaration", flightDeclarationPayload(), auth(WRITE)).json().getString("id");
    Http.Response r = http.get(FD + "/flight_declaration/" + id, auth(READ));
    assertEquals(200, r.status());
    assertEquals(id, r.json().getString("id"));
    assertTrue(r.json().containsKey("operational_intent") && r.json().containsKey("bounds"));
  }

  @Test
  void test_update_state() {
    String id = http.post(FD + "/set_flight_declaration", flightDeclarationPayload(), auth(WRITE)).json().getString("id");
    assertEquals(200, http.put(FD + "/flight_declaration_state/" + id, new JsonObject().put("state", 2), auth(WRITE)).status());
  }

  @Test
  void test_update_state_nonexistent() {
    assertTrue(List.of(400, 404).contains(http.put(FD + "/flight_declaration_state/" + UUID.randomUUID(),
        new JsonObject().put("state", 2), auth(WRITE)).status()));
  }

  String created() {
    return http.post(FD + "/set_flight_declaration", flightDeclarationPayload(), auth(WRITE)).json().getString("id");
  }

  @Test
  void test_update_approval() {
    assertEquals(200, http.put(FD + "/flight_declaration_review/" + created(), new JsonObject().put("is_approved", true),
        auth(WRITE)).status());
  }

  @Test
  void test_delete_nonexistent() {
    assertEquals(404, http.delete(FD + "/flight_declaration/" + UUID.randomUUID() + "/delete", auth(WRITE)).status());
  }

  @Test
  void test_delete_existing() {
    String id = created();
    assertEquals(204, http.delete(FD + "/flight_declaration/" + id + "/delete", auth(WRITE)).status());
    assertEquals(404, http.get(FD + "/flight_declaration/" + id, auth(READ)).status());
  }

  @Test
  void test_submit_not_enabled() {
    Http.Response r = http.post(FD + "/flight_declaration/" + created() + "/submit_to_dss", null, auth(WRITE));
    assertEquals(400, r.status());
    assertTrue(r.json().getString("message").toLowerCase().contains("not enabled"), r.body());
  }

  @Test
  void test_submit_nonexistent() {
    assertEquals(400, http.post(FD + "/flight_declaration/" + UUID.randomUUID() + "/submit_to_dss", null, auth(WRITE)).status());
  }

  @Test
  void test_network_by_view_not_enabled() {
    assertEquals(400, http.get(FD + "/network_flight_declarations_by_view?view=52.0,13.0,52.1,13.1", auth(READ)).status());
  }

  @Test
  void test_network_by_view_missing_view() {
    assertEquals(400, http.get(FD + "/network_flight_declarations_by_view", auth(READ)).status());
  }

  @Test
  void test_network_by_view_invalid_view() {
    assertEquals(400, http.get(FD + "/network_flight_declarations_by_view?view=bad", auth(READ)).status());
  }

  @Test
  void test_network_by_id_not_enabled() {
    assertEquals(400, http.get(FD + "/flight_declaration/" + created() + "/network_flight_declarations", auth(READ)).status());
  }

  /** Not in the source: the marshmallow schema's messages (both eras load the same schema). */
  @Test
  void schemaMessagesAsMarshmallowGivesThem() {
    JsonObject bad = flightDeclarationPayload().put("type_of_operation", "x").put("aircraft_id", 7).put("priority", 1)
        .put("start_datetime", "tomorrow").putNull("submitted_by");
    bad.remove("originating_party");
    Http.Response r = http.post(FD + "/set_flight_declaration", bad, auth(WRITE));
    assertEquals(400, r.status());
    assertEquals(new JsonObject().put("message", "Validation error").put("errors", new JsonObject()
        .put("originating_party", new JsonArray().add("Missing data for required field."))
        .put("start_datetime", new JsonArray().add("Not a valid datetime."))
        .put("type_of_operation", new JsonArray().add("Not a valid integer."))
        .put("aircraft_id", new JsonArray().add("Not a valid string."))
        .put("submitted_by", new JsonArray().add("Field may not be null."))
        .put("priority", new JsonArray().add("Unknown field."))), r.json());
    JsonObject noAltitude = flightDeclarationPayload();
    noAltitude.getJsonObject("flight_declaration_geo_json").getJsonArray("features").getJsonObject(0)
        .getJsonObject("properties").remove("max_altitude");
    assertEquals(DeclarationGeoJson.ALTITUDES, http.post(FD + "/set_flight_declaration", noAltitude, auth(WRITE)).json()
        .getString("message"));
    JsonObject bowtie = flightDeclarationPayload();
    bowtie.getJsonObject("flight_declaration_geo_json").getJsonArray("features").getJsonObject(0).getJsonObject("geometry")
        .put("coordinates", new JsonArray().add(new JsonArray().add(EmulatorFixture.pt(0, 0)).add(EmulatorFixture.pt(1, 1))
            .add(EmulatorFixture.pt(1, 0)).add(EmulatorFixture.pt(0, 1)).add(EmulatorFixture.pt(0, 0))));
    assertEquals(DeclarationGeoJson.INVALID, http.post(FD + "/set_flight_declaration", bowtie, auth(WRITE)).json()
        .getString("message"), "a self-intersecting ring is not a valid shapely geometry");
    JsonObject empty = flightDeclarationPayload();
    empty.getJsonObject("flight_declaration_geo_json").put("features", new JsonArray());
    Http.Response none = http.post(FD + "/set_flight_declaration", empty, auth(WRITE));
    if (fastapi()) {
      assertEquals(DeclarationGeoJson.REQUIRED, none.json().getString("message"));
    } else {
      assertEquals(200, none.status(), "Django stores an empty collection (bounds of nothing): " + none.body());
      assertEquals("nan,nan,nan,nan", http.get(FD + "/flight_declaration/" + none.json().getString("id"), auth(READ)).json()
          .getString("bounds"));
    }
  }
}
