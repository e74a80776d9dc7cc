package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The payload helpers of Flight Blender d874eb0 flight_declaration_operations/tests.py: a 0.002-degree square near
 * Zurich (lng 8.55, lat 47.36), 50-120 m W84, from now + 10 min to now + 1 h. The source's tests mock the
 * deconfliction; ports that need several approved declarations move each one by {@code shift} degrees of longitude
 * so that the real deconfliction finds no conflict, as the mock did.
 */
final class DjangoPayloads {
  private DjangoPayloads() {
  }

  static String at(long minutes) {
    return OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(minutes).toString();
  }

  /** _make_geojson_feature_collection. */
  static JsonObject featureCollection(double lng, double lat) {
    double o = 0.001;
    JsonArray ring = new JsonArray().add(EmulatorFixture.pt(lng - o, lat - o)).add(EmulatorFixture.pt(lng + o, lat - o))
        .add(EmulatorFixture.pt(lng + o, lat + o)).add(EmulatorFixture.pt(lng - o, lat + o))
        .add(EmulatorFixture.pt(lng - o, lat - o));
    return new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(new JsonObject()
        .put("type", "Feature").put("geometry", new JsonObject().put("type", "Polygon")
            .put("coordinates", new JsonArray().add(ring)))
        .put("properties", new JsonObject().put("min_altitude", new JsonObject().put("meters", 50).put("datum", "W84"))
            .put("max_altitude", new JsonObject().put("meters", 120).put("datum", "W84")))));
  }

  /** _make_flight_declaration_payload, moved east by {@code shift} degrees. */
  static JsonObject declaration(double shift) {
    return new JsonObject().put("originating_party", "Test Party").put("start_datetime", at(10))
        .put("end_datetime", at(60)).put("flight_declaration_geo_json", featureCollection(8.55 + shift, 47.36))
        .put("type_of_operation", 1).put("aircraft_id", "test-aircraft-001");
  }

  static JsonObject vertex(double lat, double lng) {
    return new JsonObject().put("lat", lat).put("lng", lng);
  }

  /** _make_operational_intent_payload, moved east by {@code shift} degrees. */
  static JsonObject operationalIntent(double shift) {
    double lng = 8.55 + shift;
    JsonObject volume = new JsonObject()
        .put("outline_polygon", new JsonObject().put("vertices", new JsonArray().add(vertex(47.36, lng))
            .add(vertex(47.361, lng)).add(vertex(47.361, lng + 0.001)).add(vertex(47.36, lng + 0.001))))
        .put("altitude_lower", new JsonObject().put("value", 50).put("reference", "W84").put("units", "M"))
        .put("altitude_upper", new JsonObject().put("value", 120).put("reference", "W84").put("units", "M"));
    JsonObject v4 = new JsonObject().put("volume", volume)
        .put("time_start", new JsonObject().put("value", at(10)).put("format", "RFC3339"))
        .put("time_end", new JsonObject().put("value", at(60)).put("format", "RFC3339"));
    return new JsonObject().put("originating_party", "Test Party").put("start_datetime", at(10))
        .put("end_datetime", at(60)).put("type_of_operation", 1).put("aircraft_id", "test-aircraft-001")
        .put("operational_intent_volume4ds", new JsonArray().add(v4));
  }

  /** Either payload: {@code intent} picks the operational-intent form. */
  static JsonObject payload(boolean intent, double shift) {
    return intent ? operationalIntent(shift) : declaration(shift);
  }

  /** The payload with its dates (and its volume's times) two hours in the past, as test_past_dates_returns_400. */
  static JsonObject past(boolean intent) {
    JsonObject p = payload(intent, 0).put("start_datetime", at(-120)).put("end_datetime", at(-60));
    if (intent) {
      JsonObject v4 = p.getJsonArray("operational_intent_volume4ds").getJsonObject(0);
      v4.getJsonObject("time_start").put("value", at(-120));
      v4.getJsonObject("time_end").put("value", at(-60));
    }
    return p;
  }
}
