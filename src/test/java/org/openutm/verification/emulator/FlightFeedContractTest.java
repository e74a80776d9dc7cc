package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * Flight Blender master's flight-stream tests (tests/test_flight_feed_operations_fastapi.py at 5d9b953), ported to
 * HTTP in mode fastapi, each named after its source test: TestSetAirTrafficFastAPI, TestBulkSetAirTrafficFastAPI
 * and TestGetAirTrafficFastAPI (14; class prefixes keep the names apart). Skipped: TestStartOpenskyFeedFastAPI and
 * TestPublicKeysFastAPI (start_opensky_feed starts a task that polls opensky-network.org, public_keys manages signed
 * telemetry keys: the emulator serves neither and no toolkit operation calls them).
 */
class FlightFeedContractTest {
  static EmulatorFixture emu;
  static Http http;
  static final JsonObject OBSERVATION = new JsonObject().put("lat_dd", 52.5).put("lon_dd", 13.4).put("altitude_mm", 50000)
      .put("traffic_source", 1).put("source_type", 1).put("icao_address", "ABC123").put("timestamp", 1717243200);

  @BeforeAll
  static void up() {
    emu = new EmulatorFixture(new JsonObject().put("mode", "fastapi"));
    http = emu.http;
  }

  @AfterAll
  static void down() {
    emu.close();
  }

  static String[] auth(String scope) {
    return EmulatorFixture.bearer(scope);
  }

  static String set() {
    return "/flight_stream/set_air_traffic/" + UUID.randomUUID();
  }

  static JsonObject observations(JsonObject... o) {
    return new JsonObject().put("observations", new JsonArray(java.util.List.of((Object[]) o)));
  }

  @Test
  void setAirTraffic_test_unauthenticated() {
    assertEquals(401, http.post(set(), observations(OBSERVATION)).status());
  }

  @Test
  void setAirTraffic_test_unsupported_media_type() {
    assertEquals(422, http.post(set(), "{}", "Authorization", auth("flightblender.write")[1], "Content-Type", "text/plain")
        .status());
  }

  @Test
  void setAirTraffic_test_missing_observations() {
    assertEquals(422, http.post(set(), new JsonObject(), auth("flightblender.write")).status());
  }

  @Test
  void setAirTraffic_test_invalid_observation() {
    assertEquals(422, http.post(set(), observations(new JsonObject().put("invalid", "data")), auth("flightblender.write"))
        .status());
  }

  @Test
  void setAirTraffic_test_valid_observation() {
    Http.Response r = http.post(set(), observations(OBSERVATION), auth("flightblender.write"));
    assertEquals(201, r.status(), r.body());
  }

  @Test
  void setAirTraffic_test_valid_with_metadata() {
    assertEquals(201, http.post(set(), observations(OBSERVATION.copy().put("metadata", new JsonObject().put("speed", 100))),
        auth("flightblender.write")).status());
  }

  static String bulk() {
    return "/flight_stream/bulk_set_air_traffic/" + UUID.randomUUID();
  }

  @Test
  void bulkSetAirTraffic_test_unauthenticated() {
    assertEquals(401, http.post(bulk(), observations(OBSERVATION)).status());
  }

  @Test
  void bulkSetAirTraffic_test_missing_observations() {
    assertEquals(422, http.post(bulk(), new JsonObject(), auth("flightblender.write")).status());
  }

  @Test
  void bulkSetAirTraffic_test_valid() {
    Http.Response r = http.post(bulk(), observations(OBSERVATION), auth("flightblender.write"));
    assertEquals(201, r.status(), r.body());
  }

  @Test
  void bulkSetAirTraffic_test_unsupported_media_type() {
    assertEquals(422, http.post(bulk(), "{}", "Authorization", auth("flightblender.write")[1], "Content-Type",
        "text/plain").status());
  }

  @Test
  void getAirTraffic_test_unauthenticated() {
    assertEquals(401, http.get("/flight_stream/get_air_traffic/" + UUID.randomUUID() + "?view=52.500,13.399,52.501,13.400")
        .status());
  }

  @Test
  void getAirTraffic_test_missing_view() {
    assertEquals(400, http.get("/flight_stream/get_air_traffic/" + UUID.randomUUID(), auth("flightblender.read")).status());
  }

  @Test
  void getAirTraffic_test_invalid_view() {
    assertEquals(400, http.get("/flight_stream/get_air_traffic/" + UUID.randomUUID() + "?view=bad", auth("flightblender.read"))
        .status());
  }

  @Test
  void getAirTraffic_test_valid_view_empty() {
    Http.Response r = http.get("/flight_stream/get_air_traffic/" + UUID.randomUUID() + "?view=52.500,13.399,52.501,13.400",
        auth("flightblender.read"));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().containsKey("observations"));
  }
}
