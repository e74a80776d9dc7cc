package org.openutm.verification.operation.airtraffic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.operation.Generators;
import org.openutm.verification.operation.Polyline;
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
    Polyline path = new Polyline(line);
    double total = path.length();
    JsonArray out = new JsonArray(new java.util.ArrayList<>(aircraft * seconds));
    String[] icao = new String[aircraft];
    for (int a = 0; a < aircraft; a++) {
      icao[a] = String.format("GJ%04X", a + 1);
    }
    for (int s = 0; s < seconds; s++) {
      for (int a = 0; a < aircraft; a++) {
        double along = (SPEED_MPS * s + a * 97.0) % (2 * Math.max(total, 1));
        boolean back = along > total;
        double d = back ? 2 * total - along : along;
        Polyline.At at = path.at(d);
        double lon = at.lon();
        double lat = at.lat() + (a - (aircraft - 1) / 2.0) * OFFSET_DEG;
        double track = Generators.bearing(back ? at.to() : at.from(), back ? at.from() : at.to());
        String sensor = sensorIds.isEmpty() ? "geojson" : sensorIds.getString(a % sensorIds.size());
        out.add(new JsonObject().put("lat_dd", lat).put("lon_dd", lon).put("altitude_mm", (300 + 15 * a) * 1000)
            .put("traffic_source", 11).put("source_type", 0).put("icao_address", icao[a])
            .put("timestamp", startEpochSeconds + s)
            .put("metadata", new JsonObject().put("sensor_id", sensor).put("current_state", new JsonObject()
                .put("speed", SPEED_MPS).put("track", Math.round(track * 10) / 10.0).put("vertical_speed", 0))));
      }
    }
    return out;
  }
}
