package org.openutm.verification.operation.airtraffic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Random;

/**
 * The {@code bayesian} provider (the Python toolkit's name, kept so its scenarios run). It is NOT the Python Bayesian
 * track model: a seeded synthetic general-aviation generator. Each aircraft starts at a random point of the viewport
 * with a random heading, flies 45-70 m/s at 90-180 m (300-600 ft: the low-level traffic a drone's detect-and-avoid
 * meets, as the DAA scenarios expect), turns by a random walk bounded to 3 deg/s (turning back inwards near the
 * viewport's edges), climbs or descends at up to 1.5 m/s within that band, sampled at 1 Hz; timestamps in
 * microseconds. The same seed gives the same traffic.
 */
final class SyntheticTraffic {
  private SyntheticTraffic() {
  }

  /** The bounding box {latMin, latMax, lonMin, lonMax} of every [lon, lat] position in a GeoJSON object. */
  static double[] area(JsonObject geojson) {
    double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    collect(geojson, b);
    if (b[0] >= b[1] || b[2] >= b[3]) {
      throw new org.openutm.verification.operation.OperationFailure("config_path holds no area (no GeoJSON positions "
          + "spanning a box) for the bayesian provider");
    }
    return b;
  }

  private static void collect(Object v, double[] b) {
    if (v instanceof JsonArray a && a.size() >= 2 && a.getValue(0) instanceof Number lon && a.getValue(1) instanceof Number lat) {
      b[0] = Math.min(b[0], lat.doubleValue());
      b[1] = Math.max(b[1], lat.doubleValue());
      b[2] = Math.min(b[2], lon.doubleValue());
      b[3] = Math.max(b[3], lon.doubleValue());
    } else if (v instanceof JsonArray a) {
      a.forEach(x -> collect(x, b));
    } else if (v instanceof JsonObject o) {
      o.forEach(e -> collect(e.getValue(), b));
    }
  }

  /** viewport = {latMin, latMax, lonMin, lonMax}. */
  static JsonArray generate(double[] viewport, int aircraft, int seconds, long startMicros, long seed, JsonArray sensorIds) {
    Random r = new Random(seed);
    double latMin = viewport[0];
    double latMax = viewport[1];
    double lonMin = viewport[2];
    double lonMax = viewport[3];
    double[][] s = new double[aircraft][6];
    for (int a = 0; a < aircraft; a++) {
      s[a] = new double[] {latMin + r.nextDouble() * (latMax - latMin), lonMin + r.nextDouble() * (lonMax - lonMin),
          90 + r.nextDouble() * 90, r.nextDouble() * 360, 45 + r.nextDouble() * 25, 0};
    }
    JsonArray out = new JsonArray(new java.util.ArrayList<>(aircraft * seconds));
    String[] icao = new String[aircraft];
    java.util.Set<String> used = new java.util.HashSet<>();
    for (int a = 0; a < aircraft; a++) {
      do {
        icao[a] = String.format("SY%06X", r.nextInt(0x1000000)); // distinct across concurrent streams too
      } while (!used.add(icao[a]));
    }
    for (int t = 0; t < seconds; t++) {
      for (int a = 0; a < aircraft; a++) {
        double[] x = s[a];
        String sensor = sensorIds.isEmpty() ? "synthetic" : sensorIds.getString(a % sensorIds.size());
        out.add(new JsonObject().put("lat_dd", x[0]).put("lon_dd", x[1]).put("altitude_mm", Math.round(x[2] * 1000))
            .put("traffic_source", 9).put("source_type", 1).put("icao_address", icao[a])
            .put("timestamp", startMicros + t * 1_000_000L)
            .put("metadata", new JsonObject().put("sensor_id", sensor).put("current_state", new JsonObject()
                .put("speed", Math.round(x[4] * 10) / 10.0).put("track", Math.round(x[3] * 10) / 10.0)
                .put("vertical_speed", Math.round(x[5] * 10) / 10.0))));
        step(x, r, latMin, latMax, lonMin, lonMax);
      }
    }
    return out;
  }

  private static void step(double[] x, Random r, double latMin, double latMax, double lonMin, double lonMax) {
    double marginLat = (latMax - latMin) * 0.1;
    double marginLon = (lonMax - lonMin) * 0.1;
    boolean outside = x[0] < latMin + marginLat || x[0] > latMax - marginLat || x[1] < lonMin + marginLon
        || x[1] > lonMax - marginLon;
    double turn;
    if (outside) {
      double centreBearing = Math.toDegrees(Math.atan2((lonMin + lonMax) / 2 - x[1], (latMin + latMax) / 2 - x[0]));
      double diff = ((centreBearing - x[3]) % 360 + 540) % 360 - 180;
      turn = Math.max(-3, Math.min(3, diff));
    } else {
      turn = Math.max(-3, Math.min(3, r.nextGaussian() * 1.2));
    }
    x[3] = (x[3] + turn + 360) % 360;
    x[5] = Math.max(-1.5, Math.min(1.5, x[5] + r.nextGaussian() * 0.3));
    x[2] = Math.max(90, Math.min(180, x[2] + x[5]));
    x[4] = Math.max(45, Math.min(70, x[4] + r.nextGaussian() * 0.5));
    double rad = Math.toRadians(x[3]);
    x[0] += x[4] * Math.cos(rad) / 111_320.0;
    x[1] += x[4] * Math.sin(rad) / (111_320.0 * Math.cos(Math.toRadians(x[0])));
  }
}
