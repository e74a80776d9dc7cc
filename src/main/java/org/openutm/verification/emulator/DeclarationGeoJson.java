package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * The GeoJSON checks after the schema, per era. Master (services/flight_declarations_svc.py _validate_geojson): no
 * features 400 "Flight declaration GeoJSON is required."; then per feature a valid shapely geometry and min_altitude /
 * max_altitude properties. Django (flight_declaration_operations/views.py _validate_and_save_flight_declaration,
 * FlightDeclarationRequestValidator.validate_geojson): an empty object is "required"; a missing features key raises
 * KeyError (500); no features passes (stored with bounds "nan,nan,nan,nan", as unary_union of nothing has); the
 * altitudes must be {meters, datum} (a non-object: the message; an object without those keys: KeyError, 500).
 * Returns the bounding box, null for Django's empty collection.
 */
final class DeclarationGeoJson {
  static final String REQUIRED = "Flight declaration GeoJSON is required.";
  static final String INVALID = "Error in processing the submitted GeoJSON: every Feature in a GeoJSON FeatureCollection "
      + "must have a valid geometry, please check your submitted FeatureCollection";
  static final String ALTITUDES = "Error in processing the submitted GeoJSON every Feature in a GeoJSON FeatureCollection "
      + "must have a min_altitude and max_altitude data structure";
  static final String ALTITUDES_TYPE = "Error in processing the submitted GeoJSON: every Feature in a GeoJSON "
      + "FeatureCollection must have a min_altitude and max_altitude data structure";

  private DeclarationGeoJson() {
  }

  static Geo.Box check(JsonObject fc, boolean fastapi) {
    if (!fastapi && fc.isEmpty()) {
      throw Refusal.message(400, REQUIRED);
    }
    Object f = fc.getValue("features");
    if (!fastapi && f == null) {
      throw Refusal.serverError("flight_declaration_geo_json[\"features\"] raises KeyError (validate_geojson)");
    }
    if (f != null && !(f instanceof JsonArray)) {
      throw Refusal.serverError("features is not a list: iterating its items raises, uncaught in either era");
    }
    JsonArray features = f == null ? new JsonArray() : (JsonArray) f;
    if (features.isEmpty()) {
      if (fastapi) {
        throw Refusal.message(400, REQUIRED);
      }
      return null;
    }
    Geo.Box box = null;
    for (Object o : features) {
      if (!(o instanceof JsonObject feature)) {
        throw Refusal.serverError("a feature that is not an object: feature.get / feature[\"geometry\"] raises");
      }
      if (!(feature.getValue("geometry") instanceof JsonObject geometry)) {
        throw Refusal.serverError("shape(None) raises, uncaught in either era");
      }
      Geo.Box b;
      try {
        b = Geo.box(geometry);
      } catch (IllegalArgumentException e) {
        throw Refusal.message(400, INVALID);
      }
      if (selfIntersects(geometry)) {
        throw Refusal.message(400, INVALID);
      }
      Object p = feature.getValue("properties");
      JsonObject props = p instanceof JsonObject j ? j : new JsonObject();
      if (!props.containsKey("min_altitude") || !props.containsKey("max_altitude")) {
        throw Refusal.message(400, ALTITUDES);
      }
      if (!fastapi) {
        for (String k : new String[] {"min_altitude", "max_altitude"}) {
          if (!(props.getValue(k) instanceof JsonObject alt)) {
            throw Refusal.message(400, ALTITUDES_TYPE);
          }
          if (!alt.containsKey("meters") || !alt.containsKey("datum")) {
            throw Refusal.serverError(k + "[\"meters\"] / [\"datum\"] raises KeyError (validate_geojson catches TypeError only)");
          }
        }
      }
      box = box == null ? b : box.union(b);
    }
    return box;
  }

  /** shapely's is_valid for the common failure: a polygon ring whose non-adjacent edges cross. */
  static boolean selfIntersects(JsonObject geometry) {
    if (!"Polygon".equals(geometry.getValue("type"))) {
      return false;
    }
    for (Object r : geometry.getJsonArray("coordinates")) {
      JsonArray ring = (JsonArray) r;
      int n = ring.size() - 1;
      for (int i = 0; i < n; i++) {
        for (int j = i + 2; j < n; j++) {
          if (i == 0 && j == n - 1) {
            continue;
          }
          if (cross(ring.getJsonArray(i), ring.getJsonArray(i + 1), ring.getJsonArray(j), ring.getJsonArray(j + 1))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean cross(JsonArray a, JsonArray b, JsonArray c, JsonArray d) {
    double d1 = orient(c, d, a);
    double d2 = orient(c, d, b);
    double d3 = orient(a, b, c);
    double d4 = orient(a, b, d);
    return (d1 > 0) != (d2 > 0) && (d3 > 0) != (d4 > 0) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
  }

  private static double orient(JsonArray p, JsonArray q, JsonArray r) {
    return (q.getDouble(0) - p.getDouble(0)) * (r.getDouble(1) - p.getDouble(1))
        - (q.getDouble(1) - p.getDouble(1)) * (r.getDouble(0) - p.getDouble(0));
  }
}
