package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Operational intents (ASTM volume4ds) as GeoJSON, the form declarations are stored and deconflicted in. */
final class OperationalIntents {
  private OperationalIntents() {
  }

  /** Null when the payload has no volumes; IllegalArgumentException naming a malformed one. */
  static JsonObject toGeoJson(JsonObject payload) {
    Object v = payload.getValue("operational_intent_volume4ds");
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray volumes) || volumes.isEmpty()) {
      throw new IllegalArgumentException("operational_intent_volume4ds must be a non-empty list");
    }
    JsonArray features = new JsonArray();
    for (int i = 0; i < volumes.size(); i++) {
      JsonObject v4 = volumes.getJsonObject(i);
      JsonObject volume = v4 == null ? null : v4.getJsonObject("volume");
      JsonObject outline = volume == null ? null : volume.getJsonObject("outline_polygon");
      JsonArray vertices = outline == null ? null : outline.getJsonArray("vertices");
      if (vertices == null && volume != null && volume.getValue("outline_circle") instanceof JsonObject circle) {
        vertices = circle(circle, i);
      }
      if (vertices == null || vertices.size() < 3) {
        throw new IllegalArgumentException("volume " + i + ": outline_polygon.vertices needs at least 3 {lat, lng}"
            + " (or an outline_circle with center and radius)");
      }
      JsonArray ring = new JsonArray();
      for (Object o : vertices) {
        JsonObject p = (JsonObject) o;
        if (!(p.getValue("lat") instanceof Number lat) || !(p.getValue("lng") instanceof Number lng)) {
          throw new IllegalArgumentException("volume " + i + ": every vertex needs numeric lat and lng");
        }
        ring.add(new JsonArray().add(lng.doubleValue()).add(lat.doubleValue()));
      }
      ring.add(ring.getJsonArray(0).copy());
      JsonObject lower = volume.getJsonObject("altitude_lower");
      JsonObject upper = volume.getJsonObject("altitude_upper");
      if (lower == null || upper == null || !(lower.getValue("value") instanceof Number)
          || !(upper.getValue("value") instanceof Number)) {
        throw new IllegalArgumentException("volume " + i + ": altitude_lower and altitude_upper need a numeric value");
      }
      features.add(new JsonObject().put("type", "Feature")
          .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)))
          .put("properties", new JsonObject()
              .put("min_altitude", new JsonObject().put("meters", lower.getValue("value")).put("datum", "w84"))
              .put("max_altitude", new JsonObject().put("meters", upper.getValue("value")).put("datum", "w84"))));
    }
    return new JsonObject().put("type", "FeatureCollection").put("features", features);
  }

  /**
   * An outline_circle ({center: {lat, lng}, radius: {value, units: M}}) as the polygon both eras buffer it into
   * (a point buffered by the radius in metres; 32 vertices here).
   */
  private static JsonArray circle(JsonObject circle, int i) {
    JsonObject c = circle.getJsonObject("center");
    JsonObject r = circle.getJsonObject("radius");
    if (c == null || r == null || !(c.getValue("lat") instanceof Number lat) || !(c.getValue("lng") instanceof Number lng)
        || !(r.getValue("value") instanceof Number radius) || radius.doubleValue() <= 0) {
      throw new IllegalArgumentException("volume " + i + ": outline_circle needs center {lat, lng} and a positive radius.value");
    }
    double metres = radius.doubleValue() * ("FT".equalsIgnoreCase(r.getString("units", "M")) ? 0.3048 : 1.0);
    double dLat = metres / 111_320.0;
    double dLng = metres / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(lat.doubleValue()))));
    JsonArray out = new JsonArray();
    for (int k = 0; k < 32; k++) {
      double a = 2 * Math.PI * k / 32;
      out.add(new JsonObject().put("lat", lat.doubleValue() + dLat * Math.sin(a)).put("lng", lng.doubleValue() + dLng * Math.cos(a)));
    }
    return out;
  }
}
