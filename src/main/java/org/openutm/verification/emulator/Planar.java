package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Plane geometry in degrees (x = lng, y = lat), as shapely computes it on raw lon/lat coordinates: whether a point is
 * within a ring (strictly inside, {@code Point.within(Polygon)}) and within a buffer of a GeoJSON geometry
 * ({@code shape(geom).buffer(r)}, here exact distance instead of shapely's segmented round caps: at r = 0.0005 the
 * two differ by under 3e-6 degrees, about 0.3 m).
 */
final class Planar {
  private Planar() {
  }

  /** Ray casting over a ring of [lng, lat] positions (closed or not); a point on an edge is not within. */
  static boolean within(double x, double y, JsonArray ring) {
    int n = ring.size();
    if (n < 3) {
      return false;
    }
    boolean inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = x(ring, i);
      double yi = y(ring, i);
      double xj = x(ring, j);
      double yj = y(ring, j);
      if (segmentDistance(x, y, xi, yi, xj, yj) == 0) {
        return false;
      }
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** Whether the point lies strictly inside the geometry buffered by {@code r} (Point, LineString, Polygon, Multi*). */
  static boolean withinBuffer(double x, double y, JsonObject geometry, double r) {
    String type = geometry.getString("type", "");
    JsonArray c = geometry.getJsonArray("coordinates", new JsonArray());
    return switch (type) {
      case "Point" -> Math.hypot(x - c.getDouble(0), y - c.getDouble(1)) < r;
      case "LineString" -> lineDistance(x, y, c) < r;
      case "Polygon" -> within(x, y, c.getJsonArray(0)) || lineDistance(x, y, c.getJsonArray(0)) < r;
      case "MultiPoint", "MultiLineString", "MultiPolygon" -> {
        String single = type.substring(5);
        for (Object part : c) {
          if (withinBuffer(x, y, new JsonObject().put("type", single).put("coordinates", part), r)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  static double lineDistance(double x, double y, JsonArray line) {
    if (line.size() == 1) {
      return Math.hypot(x - x(line, 0), y - y(line, 0));
    }
    double best = Double.MAX_VALUE;
    for (int i = 1; i < line.size(); i++) {
      best = Math.min(best, segmentDistance(x, y, x(line, i - 1), y(line, i - 1), x(line, i), y(line, i)));
    }
    return best;
  }

  static double segmentDistance(double x, double y, double x1, double y1, double x2, double y2) {
    double dx = x2 - x1;
    double dy = y2 - y1;
    double len = dx * dx + dy * dy;
    double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len));
    return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
  }

  private static double x(JsonArray ring, int i) {
    return ring.getJsonArray(i).getDouble(0);
  }

  private static double y(JsonArray ring, int i) {
    return ring.getJsonArray(i).getDouble(1);
  }
}
