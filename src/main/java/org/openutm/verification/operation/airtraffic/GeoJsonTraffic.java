package org.openutm.verification.operation.airtraffic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.operation.Generators;
import java.util.List;

/**
 * The geojson provider: aircraft flying a GeoJSON LineString back and forth at a general-aviation speed, each copy
 * offset laterally by about 150 m, sampled at 1 Hz. Timestamps are seconds (as GeoJSON-generated traffic is).
 */
final class GeoJsonTraffic {
  static final double SPEED_MPS = 40;
  static final double OFFSET_DEG = 0.0015;

  private GeoJsonTraffic() {
  }

  static JsonArray generate(List<double[]> line, int aircraft, int seconds, long startEpochSeconds, JsonArray sensorIds) {
    double[] legs = new double[line.size() - 1];
    double total = 0;
    for (int i = 0; i < legs.length; i++) {
      legs[i] = Generators.distance(line.get(i), line.get(i + 1));
      total += legs[i];
    }
    JsonArray out = new JsonArray();
    for (int s = 0; s < seconds; s++) {
      for (int a = 0; a < aircraft; a++) {
        double along = (SPEED_MPS * s + a * 97.0) % (2 * Math.max(total, 1));
        boolean back = along > total;
        double d = back ? 2 * total - along : along;
        int leg = 0;
        while (leg < legs.length - 1 && d > legs[leg]) {
          d -= legs[leg];
          leg++;
        }
        double f = legs[leg] == 0 ? 0 : Math.min(1, d / legs[leg]);
        double[] p = line.get(leg);
        double[] q = line.get(leg + 1);
        double lon = p[0] + (q[0] - p[0]) * f;
        double lat = p[1] + (q[1] - p[1]) * f + (a - (aircraft - 1) / 2.0) * OFFSET_DEG;
        double track = Generators.bearing(back ? q : p, back ? p : q);
        String sensor = sensorIds.isEmpty() ? "geojson" : sensorIds.getString(a % sensorIds.size());
        out.add(new JsonObject().put("lat_dd", lat).put("lon_dd", lon).put("altitude_mm", (300 + 15 * a) * 1000)
            .put("traffic_source", 11).put("source_type", 0).put("icao_address", String.format("GJ%04X", a + 1))
            .put("timestamp", startEpochSeconds + s)
            .put("metadata", new JsonObject().put("sensor_id", sensor).put("current_state", new JsonObject()
                .put("speed", SPEED_MPS).put("track", Math.round(track * 10) / 10.0).put("vertical_speed", 0))));
      }
    }
    return out;
  }
}
