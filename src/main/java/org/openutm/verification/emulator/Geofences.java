package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openutm.verification.emulator.Declarations.Refusal;

/** Geofences: set (validated GeoJSON), get, delete; their boxes take part in declaration deconfliction. */
final class Geofences {
  private final Map<String, JsonObject> byId = new LinkedHashMap<>();
  private final Map<String, Fence> fences = new LinkedHashMap<>();

  /**
   * A geofence as deconfliction sees it: its bounding box and window, the window from the last feature's
   * start_time / end_time, by default now .. now + 1 h (master services/geo_fence_svc.py _compute_bounds_and_times).
   */
  record Fence(Geo.Box box, Instant start, Instant end) {
  }
  private final EmulatorOptions options;

  Geofences(EmulatorOptions options) {
    this.options = options;
  }

  JsonObject set(JsonObject geojson) {
    if (byId.size() >= options.maxGeofences()) {
      throw Refusal.message(507, "Emulator storage full: " + byId.size() + " geofences (emulator.max_geofences)");
    }
    if (!"FeatureCollection".equals(geojson.getValue("type")) || !(geojson.getValue("features") instanceof JsonArray fs)
        || fs.isEmpty()) {
      throw Refusal.message(400, "A geofence is a GeoJSON FeatureCollection with at least one feature");
    }
    Geo.Box box = null;
    JsonObject first = null;
    JsonObject last = null;
    for (int i = 0; i < fs.size(); i++) {
      if (!(fs.getValue(i) instanceof JsonObject f) || !(f.getValue("geometry") instanceof JsonObject g)
          || !"Polygon".equals(g.getValue("type"))) {
        throw Refusal.message(400, "feature " + i + ": a Polygon geometry is required");
      }
      if (!(f.getValue("properties") instanceof JsonObject p) || !(p.getValue("upper_limit") instanceof Number)
          || !(p.getValue("lower_limit") instanceof Number)) {
        throw Refusal.message(400, "feature " + i + ": properties upper_limit and lower_limit (integers) are required");
      }
      try {
        Geo.Box b = Geo.box(g);
        box = box == null ? b : box.union(b);
      } catch (IllegalArgumentException e) {
        throw Refusal.message(400, "feature " + i + ": " + e.getMessage());
      }
      for (String t : new String[] {"start_time", "end_time"}) {
        Object v = p.getValue(t);
        if (v != null) {
          try {
            Declarations.parseTime(String.valueOf(v));
          } catch (RuntimeException e) {
            throw Refusal.message(400, "feature " + i + ": " + t + " is not an ISO 8601 time");
          }
        }
      }
      if (first == null) {
        first = p;
      }
      last = p;
    }
    Instant at = Instant.now();
    Instant start = last.getValue("start_time") == null ? at : Declarations.parseTime(String.valueOf(last.getValue("start_time")));
    Instant end = last.getValue("end_time") == null ? at.plusSeconds(3600)
        : Declarations.parseTime(String.valueOf(last.getValue("end_time")));
    String id = UUID.randomUUID().toString();
    String now = Instant.now().toString();
    byId.put(id, new JsonObject().put("id", id).put("raw_geo_fence", geojson).put("geozone", geojson)
        .put("upper_limit", first.getValue("upper_limit")).put("lower_limit", first.getValue("lower_limit"))
        .put("altitude_ref", "WGS84").put("name", first.getValue("name", "Geofence"))
        .put("bounds", box.text()).put("status", 1).put("message", "Geofence stored")
        .put("is_test_dataset", false).put("start_datetime", start.toString())
        .put("end_datetime", end.toString()).put("created_at", now).put("updated_at", now));
    fences.put(id, new Fence(box, start, end));
    return new JsonObject().put("message", "Geofence Declaration submitted").put("id", id);
  }

  JsonObject get(String id) {
    JsonObject g = byId.get(id);
    if (g == null) {
      throw Refusal.message(404, "Geofence with ID " + id + " not found");
    }
    return g;
  }

  void delete(String id) {
    get(id);
    byId.remove(id);
    fences.remove(id);
  }

  /** The stored geofences (raw_geo_fence, start_datetime, end_datetime ...), oldest first. */
  Iterable<JsonObject> all() {
    return byId.values();
  }

  List<Fence> fences() {
    return new ArrayList<>(fences.values());
  }

  int size() {
    return byId.size();
  }

  void clear() {
    byId.clear();
    fences.clear();
  }
}
