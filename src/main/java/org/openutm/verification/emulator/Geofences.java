package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openutm.verification.clock.SimClock;
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

  /**
   * PUT set_geo_fence after the 415 check, as each era runs it. Both: {@link GeofenceSchema} (400 with marshmallow's
   * messages; Django refuses any feature with properties or geometry), then bounds of the union (7 decimals), the
   * window and limits from the last feature (master services/geo_fence_svc.py _compute_bounds_and_times; Django
   * geo_fence_operations/views.py set_geo_fence). Master: no features 400 "features list must not be empty"; an
   * unparsable start/end_time 400 (arrow's ParserError is a ValueError); a feature without geometry, or one shapely
   * cannot read, 500. Django: what passes its schema has no geometry, so it fails after it (500).
   */
  JsonObject set(Object body) {
    if (byId.size() >= options.maxGeofences()) {
      throw Refusal.message(507, "Emulator storage full: " + byId.size() + " geofences (emulator.max_geofences)");
    }
    if (!(body instanceof JsonObject geojson)) {
      throw new Refusal(400, new JsonObject().put("_schema", new JsonArray().add("Invalid input type.")));
    }
    JsonObject errors = GeofenceSchema.errors(geojson, options.fastapi());
    if (!errors.isEmpty()) {
      throw new Refusal(400, errors);
    }
    JsonArray fs = geojson.getJsonArray("features");
    if (!options.fastapi()) {
      throw Refusal.serverError(fs.isEmpty() ? "no features: the view reads the loop variable 'feature' after an "
          + "empty loop (UnboundLocalError)" : "a feature without geometry: feature[\"geometry\"] raises KeyError");
    }
    if (fs.isEmpty()) {
      throw Refusal.message(400, "features list must not be empty");
    }
    Geo.Box box = null;
    for (int i = 0; i < fs.size(); i++) {
      JsonObject g = fs.getJsonObject(i).getJsonObject("geometry");
      if (g == null) {
        throw Refusal.serverError("feature " + i + " has no geometry: f[\"geometry\"] raises KeyError");
      }
      try {
        Geo.Box b = Geo.box(g);
        box = box == null ? b : box.union(b);
      } catch (IllegalArgumentException e) {
        throw Refusal.serverError("shapely shape() cannot read feature " + i + " (" + e.getMessage() + ")");
      }
    }
    JsonObject last = fs.getJsonObject(fs.size() - 1).getJsonObject("properties", new JsonObject());
    Instant at = SimClock.now();
    Instant start = window(last, "start_time", at);
    Instant end = window(last, "end_time", at.plusSeconds(3600));
    String id = UUID.randomUUID().toString();
    String now = at.toString();
    byId.put(id, new JsonObject().put("id", id).put("raw_geo_fence", geojson).putNull("geozone")
        .put("upper_limit", limit(last.getValue("upper_limit", 100))).put("lower_limit", limit(last.getValue("lower_limit", 0)))
        .put("altitude_ref", 0).put("name", last.getValue("name", ""))
        .put("bounds", String.format(java.util.Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", box.minx(), box.miny(), box.maxx(),
            box.maxy()))
        .put("status", 0).putNull("message").put("is_test_dataset", false).put("start_datetime", start.toString())
        .put("end_datetime", end.toString()).put("created_at", now).put("updated_at", now));
    fences.put(id, new Fence(box, start, end));
    return new JsonObject().put("message", "Geofence Declaration submitted").put("id", id);
  }

  private static Instant window(JsonObject props, String key, Instant otherwise) {
    if (!props.containsKey(key)) {
      return otherwise;
    }
    Instant t = ArrowDates.parse(props.getString(key));
    if (t == null) {
      throw Refusal.message(400, "Could not match input '" + props.getString(key) + "' to any of the supported formats");
    }
    return t;
  }

  private static String limit(Object v) {
    return new java.math.BigDecimal(String.valueOf(v).trim()).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * A stored geofence as each era answers it: master services/geo_fence_svc.py _fence_to_dict (raw_geo_fence the
   * stored JSON text, altitude_ref its integer, geozone null); Django GeoFenceSerializer (raw_geo_fence parsed,
   * geozone {} when none, altitude_ref its display name).
   */
  JsonObject render(JsonObject g) {
    JsonObject out = g.copy();
    if (options.fastapi()) {
      out.put("raw_geo_fence", g.getJsonObject("raw_geo_fence").encode());
    } else {
      out.put("geozone", new JsonObject()).put("altitude_ref", "WGS84");
    }
    return out;
  }

  /**
   * GET geo_fence: start_datetime <= end and end_datetime >= start, with start_date / end_date (YYYY-MM-DD) or
   * now -+ 1 day (both eras). Master {count, results} (limit / offset); Django pages as its declarations list.
   */
  JsonObject list(String startDate, String endDate, int limit, int offset) {
    Instant now = SimClock.now();
    Instant from = now.minusSeconds(86_400);
    Instant to = now.plusSeconds(86_400);
    if (startDate != null && !startDate.isEmpty() && endDate != null && !endDate.isEmpty()) {
      try {
        from = java.time.LocalDate.parse(startDate.trim()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        to = java.time.LocalDate.parse(endDate.trim()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (java.time.DateTimeException e) {
        throw Refusal.serverError("arrow.get(date, 'YYYY-MM-DD') raises ParserError, uncaught in either era");
      }
    }
    JsonArray results = new JsonArray();
    for (JsonObject g : byId.values()) {
      if (!Instant.parse(g.getString("start_datetime")).isAfter(to) && !Instant.parse(g.getString("end_datetime")).isBefore(from)) {
        results.add(render(g));
      }
    }
    JsonArray page = new JsonArray(results.getList().subList(Math.min(offset, results.size()),
        Math.min(results.size(), Math.max(offset, 0) + Math.max(limit, 0))));
    return new JsonObject().put("count", results.size()).put("results", page);
  }

  JsonObject get(String id) {
    JsonObject g = byId.get(id);
    if (g == null) {
      throw new Refusal(404, new JsonObject().put("detail", options.fastapi() ? "Not found"
          : "No GeoFence matches the given query."));
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
