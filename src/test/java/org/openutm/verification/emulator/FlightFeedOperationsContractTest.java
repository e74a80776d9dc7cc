package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * Flight Blender master's tests/test_flight_feed_operations.py (5d9b953), ported to HTTP in mode fastapi, each named
 * after its source test, prefixed by its source class (setAirTraffic_ = TestSetAirTraffic): TestSetAirTraffic (7),
 * TestBulkSetAirTraffic (6), TestGetAirTraffic (4), TestSetTelemetry (3), TestTrafficInformationDiscovery (1) and
 * TestFlightFeedServiceCoverage (2, the service's viewport cases, observed through the route that calls it). The same
 * file at d874eb0 (DRF views) runs in {@link FlightFeedOperationsContractDjangoTest}; it expects 400 where master's
 * pydantic models answer 422 and 415 for a text/plain body. Skipped: TestStartOpenSkyFeed (start_opensky_feed starts
 * a Celery task that polls opensky-network.org; the emulator serves no such route and no toolkit operation calls it),
 * TestFlightFeedTaskCoverage (mercator_transform, an internal function), Django's TestPublicKeys (public_keys, signed
 * telemetry keys: not served).
 */
class FlightFeedOperationsContractTest extends EraContract {

  @Override
  String mode() {
    return "fastapi";
  }

  /** What the era answers for a body its model refuses: pydantic 422 on master, the DRF view's 400 on Django. */
  int refused() {
    return fastapi() ? 422 : 400;
  }

  static String[] write() {
    return EmulatorFixture.bearer("flightblender.write");
  }

  static String[] read() {
    return EmulatorFixture.bearer("flightblender.read");
  }

  static JsonObject observation(String icao) {
    return new JsonObject().put("lat_dd", 52.5).put("lon_dd", 13.4).put("altitude_mm", 50000).put("traffic_source", 1)
        .put("source_type", 1).put("icao_address", icao).put("timestamp", 1717243200);
  }

  static JsonObject observations(List<JsonObject> list) {
    return new JsonObject().put("observations", new JsonArray(List.copyOf(list)));
  }

  /** The source file's set and bulk classes assert the same things of their two routes. */
  static String path(String route) {
    return "/flight_stream/" + route + "/" + UUID.randomUUID();
  }

  int post(String route, JsonObject body) {
    return http.post(path(route), body, write()).status();
  }

  void accepts(String route, JsonObject body) {
    Http.Response r = http.post(path(route), body, write());
    assertEquals(201, r.status(), r.body());
    assertEquals("OK", r.json().getString("message"));
  }

  void withMetadata(String route) {
    accepts(route, observations(List.of(observation("ABC123").put("metadata", new JsonObject().put("speed", 500)
        .put("heading", 90)))));
  }

  void missingObservations(String route) {
    assertEquals(refused(), post(route, new JsonObject()));
  }

  void unsupportedMediaType(String route) {
    Http.Response r = http.post(path(route), "{}", write()[0], write()[1], "Content-Type", "text/plain");
    assertEquals(fastapi() ? 422 : 415, r.status(), r.body());
  }

  void invalidObservation(String route) {
    assertEquals(refused(), post(route, observations(List.of(new JsonObject().put("invalid", "data")))));
  }

  @Test
  void setAirTraffic_test_set_air_traffic() {
    accepts("set_air_traffic", observations(List.of(observation("ABC123"))));
  }

  @Test
  void setAirTraffic_test_set_air_traffic_with_metadata() {
    withMetadata("set_air_traffic");
  }

  @Test
  void setAirTraffic_test_set_air_traffic_multiple_observations() {
    accepts("set_air_traffic", observations(IntStream.range(0, 5)
        .mapToObj(i -> observation(String.format("ABC%03d", i))).toList()));
  }

  @Test
  void setAirTraffic_test_set_air_traffic_missing_observations() {
    missingObservations("set_air_traffic");
  }

  @Test
  void setAirTraffic_test_set_air_traffic_unsupported_media_type() {
    unsupportedMediaType("set_air_traffic");
  }

  @Test
  void setAirTraffic_test_set_air_traffic_invalid_observation() {
    invalidObservation("set_air_traffic");
  }

  @Test
  void setAirTraffic_test_set_air_traffic_missing_required_field() {
    assertEquals(refused(), post("set_air_traffic", observations(List.of(new JsonObject().put("lat_dd", 52.5)
        .put("icao_address", "ABC123")))));
  }

  @Test
  void bulkSetAirTraffic_test_bulk_set_air_traffic() {
    accepts("bulk_set_air_traffic", observations(List.of(observation("ABC123"))));
  }

  @Test
  void bulkSetAirTraffic_test_bulk_set_air_traffic_with_metadata() {
    withMetadata("bulk_set_air_traffic");
  }

  @Test
  void bulkSetAirTraffic_test_bulk_set_air_traffic_multiple_batches() {
    accepts("bulk_set_air_traffic", observations(IntStream.range(0, 10)
        .mapToObj(i -> observation(String.format("BLK%03d", i))).toList()));
  }

  @Test
  void bulkSetAirTraffic_test_bulk_set_missing_observations() {
    missingObservations("bulk_set_air_traffic");
  }

  @Test
  void bulkSetAirTraffic_test_bulk_set_invalid_observation() {
    invalidObservation("bulk_set_air_traffic");
  }

  @Test
  void bulkSetAirTraffic_test_bulk_set_unsupported_media_type() {
    unsupportedMediaType("bulk_set_air_traffic");
  }

  Http.Response airTraffic(String query) {
    return http.get("/flight_stream/get_air_traffic/" + UUID.randomUUID() + query, read());
  }

  @Test
  void getAirTraffic_test_get_air_traffic_missing_view() {
    assertEquals(400, airTraffic("").status());
  }

  @Test
  void getAirTraffic_test_get_air_traffic_invalid_view() {
    assertEquals(400, airTraffic("?view=bad").status());
  }

  @Test
  void getAirTraffic_test_get_air_traffic_empty() {
    Http.Response r = airTraffic("?view=52.500,13.399,52.501,13.400");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().containsKey("observations"));
  }

  @Test
  void getAirTraffic_test_get_air_traffic_invalid_port() {
    int status = airTraffic("?view=52.5,13.4,52.5,13.4").status();
    assertTrue(status == 200 || status == 400, "status " + status);
  }

  Http.Response telemetry(JsonObject body) {
    return http.put("/flight_stream/set_telemetry", body, write());
  }

  @Test
  void setTelemetry_test_set_telemetry_missing_observations() {
    assertEquals(400, telemetry(new JsonObject()).status());
  }

  @Test
  void setTelemetry_test_set_telemetry_missing_flight_details() {
    JsonObject body = new JsonObject().put("observations", new JsonArray().add(new JsonObject()
        .put("current_states", new JsonArray())));
    assertEquals(400, telemetry(body).status());
  }

  @Test
  void setTelemetry_test_set_telemetry_invalid_flight_details() {
    JsonObject state = new JsonObject().put("timestamp", new JsonObject().put("value", "2025-06-01T12:00:00Z")
        .put("format", "RFC3339")).put("position", new JsonObject().put("lat", 52.5).put("lng", 13.4).put("alt", 50));
    JsonObject rid = new JsonObject().put("id", UUID.randomUUID().toString()).put("operator_id", "OP-001")
        .put("operator_location", new JsonObject().put("lat", 52.5).put("lng", 13.4))
        .put("operation_description", "Test").put("serial_number", "SN-001").put("registration_number", "REG-001");
    JsonObject body = new JsonObject().put("observations", new JsonArray().add(new JsonObject()
        .put("current_states", new JsonArray().add(state))
        .put("flight_details", new JsonObject().put("rid_details", rid))));
    int status = telemetry(body).status();
    assertTrue(status == 400 || status == 500, "status " + status);
  }

  @Test
  void trafficInformationDiscovery_test_traffic_info_not_registered() {
    assertEquals(404, http.get("/flight_stream/traffic_information?view=52.500,13.399,52.501,13.400", read()).status());
  }

  /** The service's own tests call get_air_traffic with a viewport; here the route calls it. */
  @Test
  void flightFeedServiceCoverage_test_get_air_traffic_with_valid_viewport() {
    String icao = "test-aircraft-" + mode();
    JsonObject obs = observation(icao).put("lat_dd", 0.5).put("lon_dd", 0.5).put("altitude_mm", 100);
    assertEquals(201, http.post("/flight_stream/set_air_traffic/" + UUID.randomUUID(), observations(List.of(obs)),
        write()).status());
    Http.Response r = airTraffic("?view=0,0,1,1");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().getJsonArray("observations").stream()
        .anyMatch(o -> icao.equals(((JsonObject) o).getString("icao_address"))), r.body());
  }

  @Test
  void flightFeedServiceCoverage_test_get_air_traffic_with_invalid_viewport() {
    Http.Response r = airTraffic("?view=0,0");
    assertEquals(400, r.status());
    assertTrue(r.json().containsKey("message"), r.body());
  }
}
