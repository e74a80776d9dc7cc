package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where posted air traffic goes, as in both eras (master services/flight_feed_svc.py, tasks/flight_feed_task.py,
 * clients/redis_client.py): a flight observation row per observation (what get_air_traffic and service_metrics read),
 * and one shared Redis stream that every SDSP track tick reads through one consumer group, 20 entries at a time,
 * whichever session posted them. The stream key expires 4 s after its last entry (AIR_TRAFFIC_STREAM_TTL_MS).
 */
final class AirTrafficFeed {
  static final int READ_COUNT = 20;
  static final long STREAM_TTL_MILLIS = 4_000;
  static final int MAX_ROWS = 200_000;
  static final int MAX_STREAM = 10_000;

  /** One stored observation row. */
  record Row(long createdMillis, String session, JsonObject observation) {
  }

  private final Deque<Row> rows = new ArrayDeque<>();
  private final Deque<JsonObject> stream = new ArrayDeque<>();
  private long lastAddMillis;
  private final Map<String, Long> lastReading = new HashMap<>();

  void add(String session, JsonObject observation, long now) {
    rows.add(new Row(now, session, observation));
    if (rows.size() > MAX_ROWS) {
      rows.removeFirst();
    }
    expire(now);
    stream.add(observation);
    if (stream.size() > MAX_STREAM) {
      stream.removeFirst();
    }
    lastAddMillis = now;
  }

  private void expire(long now) {
    if (!stream.isEmpty() && now - lastAddMillis > STREAM_TTL_MILLIS) {
      stream.clear();
    }
  }

  /** The next unread entries of the shared stream (XREADGROUP count=20), consumed for every reader. */
  List<JsonObject> readForTrack(long now) {
    expire(now);
    List<JsonObject> out = new ArrayList<>();
    while (out.size() < READ_COUNT && !stream.isEmpty()) {
      out.add(stream.removeFirst());
    }
    return out;
  }

  long countBetween(long from, long to) {
    return rows.stream().filter(r -> r.createdMillis() >= from && r.createdMillis() <= to).count();
  }

  /**
   * GET flight_stream/get_air_traffic/{session}?view=lat1,lng1,lat2,lng2: the latest observation per aircraft
   * (of any session) received since this session's last reading (first time: the last 20 s), strictly inside the
   * view (shapely box(v0, v1, v2, v3) containing Point(lat, lon)).
   */
  JsonObject read(String session, String view, long now) {
    String needed = "A view bbox is necessary with four values: minx, miny, maxx and maxy";
    if (view == null || view.isEmpty()) {
      throw Declarations.Refusal.message(400, needed);
    }
    double[] v;
    try {
      String[] parts = view.split(",", -1);
      v = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        v[i] = Double.parseDouble(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw Declarations.Refusal.message(400, needed);
    }
    if (!viewOk(v)) {
      throw Declarations.Refusal.message(400, "A incorrect view port bbox was provided");
    }
    Long last = lastReading.get(session);
    long after = last != null && now - last <= 300_000 ? last : now - 20_000;
    lastReading.put(session, now);
    Map<String, JsonObject> latest = new LinkedHashMap<>();
    for (Row r : rows) {
      JsonObject o = r.observation();
      double lat = o.getDouble("lat_dd");
      double lon = o.getDouble("lon_dd");
      if (r.createdMillis() >= after && lat > Math.min(v[0], v[2]) && lat < Math.max(v[0], v[2])
          && lon > Math.min(v[1], v[3]) && lon < Math.max(v[1], v[3])) {
        latest.put(o.getString("icao_address"), new JsonObject().put("lat_dd", lat).put("lon_dd", lon)
            .put("altitude_mm", o.getValue("altitude_mm")).put("traffic_source", o.getValue("traffic_source"))
            .put("source_type", o.getValue("source_type", 0)).put("icao_address", o.getString("icao_address"))
            .put("timestamp", 0).put("metadata", o.getValue("metadata", new JsonObject()))
            .put("session_id", r.session()).put("ingested_at_ms", 0));
      }
    }
    return new JsonObject().put("observations", new JsonArray(new ArrayList<>(latest.values())));
  }

  /** _check_view_port: four values, latitudes at 0 and 2, longitudes at 1 and 3. */
  private static boolean viewOk(double[] v) {
    if (v.length != 4) {
      return false;
    }
    double latMin = Math.min(v[0], v[2]);
    double latMax = Math.max(v[0], v[2]);
    double lngMin = Math.min(v[1], v[3]);
    double lngMax = Math.max(v[1], v[3]);
    return -90 <= latMin && latMin < 90 && -90 < latMax && latMax <= 90 && -180 <= lngMin && lngMin < 360
        && -180 < lngMax && lngMax <= 360;
  }

  void clear() {
    rows.clear();
    stream.clear();
    lastReading.clear();
  }
}
