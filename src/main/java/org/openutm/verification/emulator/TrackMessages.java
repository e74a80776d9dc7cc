package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A track message as both eras' default traffic-data fuser builds it (master services/surveillance_svc.py
 * BaseTrafficDataFuser._generate_track_messages_impl; Django common/base_traffic_data_fuser.py): from an aircraft's
 * latest observation and the one before it, speed, bearing and vertical speed; {@code SDSP123}, {@code FusedSource},
 * {@code Active}. The real fuser negates the longitude and reports the altitude in millimetres; the emulator does so
 * only with {@code emulator.quirks.track_lng_negated_alt_mm}.
 */
final class TrackMessages {
  private TrackMessages() {
  }

  static JsonObject of(String icao, List<JsonObject> history, String ts, boolean quirks) {
    JsonObject last = history.get(history.size() - 1);
    JsonObject before = history.size() > 1 ? history.get(history.size() - 2) : last;
    double lat = last.getDouble("lat_dd");
    double lon = last.getDouble("lon_dd");
    double altMm = last.getDouble("altitude_mm");
    double dt = (time(last) - time(before)) / 1000.0;
    double[] sbv = speedBearing(before.getDouble("lat_dd"), before.getDouble("lon_dd"), lat, lon,
        before.getDouble("altitude_mm") / 1000.0, altMm / 1000.0, dt);
    double alt = quirks ? altMm : altMm / 1000.0;
    JsonObject position = new JsonObject().put("lat", lat).put("lng", quirks ? -lon : lon).put("alt", alt)
        .put("accuracy_h", "SA1mps").put("accuracy_v", "SA3mps").put("extrapolated", true).put("pressure_altitude", alt);
    return new JsonObject().put("sdsdp_identifier", "SDSP123").put("unique_aircraft_identifier", icao)
        .put("state", new JsonObject().put("position", position).put("speed_accuracy", "SA1mps").put("speed", sbv[0])
            .put("track", sbv[1]).put("vertical_speed", sbv[2]))
        .put("timestamp", ts).put("source", "FusedSource").put("track_state", "Active");
  }

  /** Observation timestamps are seconds (or micro/milliseconds) since the epoch; millis here. */
  private static long time(JsonObject o) {
    Object t = o.getValue("timestamp");
    if (!(t instanceof Number n)) {
      return 0;
    }
    long v = n.longValue();
    return v > 1e14 ? v / 1000 : v > 1e11 ? v : v * 1000;
  }

  /** Great-circle distance / dt (m/s, 2 decimals), initial bearing 0-360, vertical speed (m/s, 2 decimals). */
  static double[] speedBearing(double lat1, double lon1, double lat2, double lon2, double alt1, double alt2, double dt) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dl = Math.toRadians(lon2 - lon1);
    double y = Math.sin(dl) * Math.cos(p2);
    double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
    double bearing = (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    double a = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
    double distance = 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
    if (dt == 0) {
      return new double[] {0.0, bearing, 0.0};
    }
    return new double[] {Math.round(distance / dt * 100) / 100.0, bearing, Math.round((alt2 - alt1) / dt * 100) / 100.0};
  }
}
