package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flight Blender d874eb0 tests/test_conformance_ops.py, ported (each method named after its source test):
 * TestIsTimeBetween, TestFlightBlenderConformanceEngineC2C3, TestCheckFlightOperationalIntentReferenceConformance.
 * The declarations are built as the source's _make_flight_declaration_for_conformance writes them (a polygon around
 * London, 0-200 m W84, now-5 min .. now+55 min). Skipped: the state-machine tests (ported in DjangoStateMachineTest),
 * EmulatorDeclarationsTest), the Celery task and notification tests (mocks of internals).
 */
class ConformanceChecksTest {
  static final Instant NOW = Instant.now();

  static JsonObject declaration(int state, String aircraftId) {
    JsonArray vertices = new JsonArray();
    double[][] ring = {{51.4, -0.2}, {51.4, 0.2}, {51.6, 0.2}, {51.6, -0.2}, {51.4, -0.2}};
    for (double[] v : ring) {
      vertices.add(new JsonObject().put("lat", v[0]).put("lng", v[1]));
    }
    JsonObject volume = new JsonObject().put("volume", new JsonObject()
        .put("outline_polygon", new JsonObject().put("vertices", vertices))
        .put("altitude_lower", new JsonObject().put("value", 0.0).put("reference", "W84").put("units", "M"))
        .put("altitude_upper", new JsonObject().put("value", 200.0).put("reference", "W84").put("units", "M")));
    return new JsonObject().put("id", "fd").put("state", state).put("aircraft_id", aircraftId)
        .put("start_datetime", NOW.minusSeconds(300).toString()).put("end_datetime", NOW.plusSeconds(3300).toString())
        .put("operational_intent", new JsonObject().put("volumes", new JsonArray().add(volume)));
  }

  static int telemetry(JsonObject d, String aircraftId, double lat, double lng, double altitude) {
    return ConformanceChecks.telemetry(d, aircraftId, lat, lng, altitude, List.of(), NOW);
  }

  @Test
  void test_time_within_range() {
    assertTrue(ConformanceChecks.between(NOW.minusSeconds(3600), NOW.plusSeconds(3600), NOW));
  }

  @Test
  void test_time_before_range() {
    assertFalse(ConformanceChecks.between(NOW.plusSeconds(3600), NOW.plusSeconds(7200), NOW));
  }

  @Test
  void test_time_after_range() {
    assertFalse(ConformanceChecks.between(NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW));
  }

  @Test
  void test_midnight_crossing_true() {
    Instant begin = LocalDate.of(2024, 1, 1).atTime(23, 0).toInstant(ZoneOffset.UTC);
    Instant end = LocalDate.of(2024, 1, 1).atTime(1, 0).toInstant(ZoneOffset.UTC);
    assertTrue(ConformanceChecks.between(begin, end, LocalDate.of(2024, 1, 1).atTime(23, 30).toInstant(ZoneOffset.UTC)));
  }

  @Test
  void test_c2_no_flight_declaration() {
    assertEquals(ConformanceChecks.C2, telemetry(null, "TEST-UAV", 51.5, 0.0, 50.0));
  }

  @Test
  void test_c3_aircraft_id_mismatch() {
    assertEquals(ConformanceChecks.C3, telemetry(declaration(2, "CORRECT-ID"), "WRONG-ID", 51.5, 0.0, 50.0));
  }

  @Test
  void test_c4_invalid_state() {
    assertEquals(ConformanceChecks.C4, telemetry(declaration(0, "CORRECT-ID"), "CORRECT-ID", 51.5, 0.0, 50.0));
  }

  @Test
  void test_c5_wrong_state() {
    assertEquals(ConformanceChecks.C5, telemetry(declaration(1, "CORRECT-ID"), "CORRECT-ID", 51.5, 0.0, 50.0));
  }

  @Test
  void test_c7_conformant_returns_100() {
    assertEquals(100, telemetry(declaration(2, "CORRECT-ID"), "CORRECT-ID", 51.5, 0.0, 100.0));
  }

  @Test
  void test_c7b_altitude_nonconformant() {
    assertEquals(ConformanceChecks.C7B, telemetry(declaration(2, "CORRECT-ID"), "CORRECT-ID", 51.5, 0.0, 9999.0));
  }

  @Test
  void test_c7a_bounds_nonconformant() {
    assertEquals(ConformanceChecks.C7A, telemetry(declaration(2, "CORRECT-ID"), "CORRECT-ID", 10.0, 100.0, 50.0));
  }

  @Test
  void test_nonexistent_declaration_returns_c11() {
    // without a USS network C11 is skipped and a missing declaration is C10 (the source asserts only "an int")
    assertEquals(ConformanceChecks.C10, ConformanceChecks.authorization(null, null, NOW));
  }

  @Test
  void test_activated_with_recent_telemetry_returns_1() {
    assertEquals(1, ConformanceChecks.authorization(declaration(2, "CORRECT-ID"), NOW, NOW));
  }

  @Test
  void test_activated_without_telemetry_returns_c9a() {
    assertEquals(ConformanceChecks.C9A, ConformanceChecks.authorization(declaration(2, "CORRECT-ID"), null, NOW));
  }

  /** Not in the source: the rest of the checks as utils.py writes them. */
  @Test
  void staleTelemetryIsC9bAndOtherStatesC10GeofencesC8GeoJsonBuffered() {
    assertEquals(ConformanceChecks.C9B, ConformanceChecks.authorization(declaration(2, "x"), NOW.minusSeconds(16), NOW));
    assertEquals(1, ConformanceChecks.authorization(declaration(3, "x"), NOW.minusSeconds(14), NOW));
    assertEquals(ConformanceChecks.C10, ConformanceChecks.authorization(declaration(1, "x"), NOW, NOW));
    JsonObject late = declaration(2, "x").put("end_datetime", NOW.minusSeconds(1).toString());
    assertEquals(ConformanceChecks.C6, telemetry(late, "x", 51.5, 0.0, 50.0));
    JsonArray ring = new JsonArray().add(EmulatorFixture.pt(-0.01, 51.49)).add(EmulatorFixture.pt(0.01, 51.49))
        .add(EmulatorFixture.pt(0.01, 51.51)).add(EmulatorFixture.pt(-0.01, 51.49));
    JsonObject fence = new JsonObject().put("raw_geo_fence", new JsonObject().put("features", new JsonArray()
        .add(new JsonObject().put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring))))));
    assertEquals(ConformanceChecks.C8, ConformanceChecks.telemetry(declaration(2, "x"), "x", 51.495, 0.005, 50, List.of(fence), NOW));
    assertEquals(100, ConformanceChecks.telemetry(declaration(2, "x"), "x", 51.45, 0.1, 50, List.of(fence), NOW));
    // a GeoJSON declaration: each feature buffered by 0.0005 degrees, min/max_altitude meters
    JsonObject geo = EmulatorFixture.bern().put("state", 2).put("id", "g");
    geo.put("flight_declaration_geojson", geo.getJsonObject("flight_declaration_geo_json")).putNull("operational_intent");
    geo.put("start_datetime", NOW.minusSeconds(60).toString()).put("end_datetime", NOW.plusSeconds(600).toString());
    assertEquals(100, ConformanceChecks.telemetry(geo, "a5dd8899", 46.98, 7.48, 60, List.of(), NOW));
    assertEquals(100, ConformanceChecks.telemetry(geo, "a5dd8899", 46.98, 7.4719589 - 0.0004, 60, List.of(), NOW));
    assertEquals(ConformanceChecks.C7A, ConformanceChecks.telemetry(geo, "a5dd8899", 46.98, 7.4719589 - 0.0006, 60, List.of(), NOW));
    assertEquals(ConformanceChecks.C7B, ConformanceChecks.telemetry(geo, "a5dd8899", 46.98, 7.48, 60_000, List.of(), NOW));
    // an operational-intent create stores the bare list: the real check raises TypeError
    JsonObject intent = declaration(2, "x").put("operational_intent", new JsonArray());
    assertThrows(ConformanceChecks.Crash.class, () -> telemetry(intent, "x", 51.5, 0.0, 50.0));
  }
}
