package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Bounding boxes of GeoJSON geometries, and the checks the emulator makes with them. */
final class Geo {
  /** minx (lon), miny (lat), maxx, maxy. */
  record Box(double minx, double miny, double maxx, double maxy) {
    boolean intersects(Box o) {
      return minx <= o.maxx && o.minx <= maxx && miny <= o.maxy && o.miny <= maxy;
    }

    boolean contains(double lng, double lat, double margin) {
      return lng >= minx - margin && lng <= maxx + margin && lat >= miny - margin && lat <= maxy + margin;
    }

    String text() {
      return minx + "," + miny + "," + maxx + "," + maxy;
    }

    Box union(Box o) {
      return o == null ? this : new Box(Math.min(minx, o.minx), Math.min(miny, o.miny), Math.max(maxx, o.maxx),
          Math.max(maxy, o.maxy));
    }
  }

  private Geo() {
  }

  /** Box of a geometry's coordinates; throws IllegalArgumentException naming what is wrong. */
  static Box box(JsonObject geometry) {
    if (geometry == null) {
      throw new IllegalArgumentException("geometry is required");
    }
    String type = geometry.getValue("type") instanceof String t ? t : null;
    Object coords = geometry.getValue("coordinates");
    if (type == null || !(coords instanceof JsonArray c)) {
      throw new IllegalArgumentException("geometry needs a type and coordinates");
    }
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    int depth = switch (type) {
      case "Point" -> 0;
      case "LineString", "MultiPoint" -> 1;
      case "Polygon", "MultiLineString" -> 2;
      case "MultiPolygon" -> 3;
      default -> throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
    };
    walk(c, depth, b);
    if (b[0] > b[2]) {
      throw new IllegalArgumentException("geometry has no coordinates");
    }
    if (type.equals("Polygon")) {
      for (Object ring : c) {
        if (!(ring instanceof JsonArray r) || r.size() < 4) {
          throw new IllegalArgumentException("a polygon ring needs at least 4 positions");
        }
      }
    }
    return new Box(b[0], b[1], b[2], b[3]);
  }

  private static void walk(JsonArray a, int depth, double[] b) {
    if (depth == 0) {
      if (a.size() < 2 || !(a.getValue(0) instanceof Number x) || !(a.getValue(1) instanceof Number y)) {
        throw new IllegalArgumentException("a position is [lon, lat]");
      }
      double lon = x.doubleValue();
      double lat = y.doubleValue();
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90 || Double.isNaN(lon) || Double.isNaN(lat)) {
        throw new IllegalArgumentException("position out of range: " + a.encode());
      }
      b[0] = Math.min(b[0], lon);
      b[1] = Math.min(b[1], lat);
      b[2] = Math.max(b[2], lon);
      b[3] = Math.max(b[3], lat);
      return;
    }
    for (Object o : a) {
      if (!(o instanceof JsonArray inner)) {
        throw new IllegalArgumentException("malformed coordinates");
      }
      walk(inner, depth - 1, b);
    }
  }

  /** Box of every feature of a FeatureCollection (or a single Feature / geometry). */
  static Box boxOfGeoJson(JsonObject geojson) {
    String type = geojson.getValue("type") instanceof String t ? t : "";
    if (type.equals("FeatureCollection")) {
      Object f = geojson.getValue("features");
      if (!(f instanceof JsonArray features) || features.isEmpty()) {
        throw new IllegalArgumentException("a FeatureCollection needs features");
      }
      Box box = null;
      for (Object o : features) {
        if (!(o instanceof JsonObject feature)) {
          throw new IllegalArgumentException("each feature must be an object");
        }
        Box b = box(feature.getJsonObject("geometry"));
        box = box == null ? b : box.union(b);
      }
      return box;
    }
    if (type.equals("Feature")) {
      return box(geojson.getJsonObject("geometry"));
    }
    return box(geojson);
  }
}
