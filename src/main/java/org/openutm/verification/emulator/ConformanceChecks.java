package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Django era's conformance checks (d874eb0 conformance_monitoring_operations/utils.py
 * FlightBlenderConformanceEngine), with no USS network (USSP_NETWORK_ENABLED=0, as the emulator has no DSS): codes are
 * conformance_state_helper.py ConformanceChecksList. Pure functions over a stored declaration; {@link Crash} where
 * the real code raises (the Celery task then dies and nothing is recorded).
 */
final class ConformanceChecks {
  static final int CONFORMANT = 1;
  static final int TELEMETRY_CONFORMANT = 100;
  static final int C2 = 2;
  static final int C3 = 3;
  static final int C4 = 4;
  static final int C5 = 5;
  static final int C6 = 6;
  static final int C7A = 7;
  static final int C7B = 8;
  static final int C8 = 9;
  static final int C9A = 10;
  static final int C9B = 11;
  static final int C10 = 12;
  static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(C2, "C2"), Map.entry(C3, "C3"), Map.entry(C4, "C4"),
      Map.entry(C5, "C5"), Map.entry(C6, "C6"), Map.entry(C7A, "C7a"), Map.entry(C7B, "C7b"), Map.entry(C8, "C8"),
      Map.entry(C9A, "C9a"), Map.entry(C9B, "C9b"), Map.entry(C10, "C10"), Map.entry(13, "C11"));
  /** The buffer Django puts around each GeoJSON feature when it stores a declaration's volumes (utils.py). */
  static final double FEATURE_BUFFER_DEGREES = 0.0005;

  /** Where the real check raises: the task dies, no record, no message. */
  static final class Crash extends RuntimeException {
    Crash(String why) {
      super(why, null, false, false);
    }
  }

  /** A declared 4D volume as the C7 check reads it: an outline (buffered for GeoJSON features) and a height band. */
  record Volume(JsonObject outline, double buffer, double lower, double upper) {
  }

  private ConformanceChecks() {
  }

  /**
   * check_flight_operational_intent_reference_conformance: C11 only with a USS network (skipped), C10 when the
   * declaration is gone or not in 2-4, C9b when the last telemetry is not within now +- 15 s, C9a when none ever came.
   * (The codes' names are the real code's: C9b is the stale case, C9a the never case.)
   */
  static int authorization(JsonObject d, Instant latestTelemetry, Instant now) {
    if (d == null || !Set.of(2, 3, 4).contains(d.getInteger("state"))) {
      return C10;
    }
    if (latestTelemetry == null) {
      return C9A;
    }
    if (latestTelemetry.isBefore(now.minusSeconds(15)) || latestTelemetry.isAfter(now.plusSeconds(15))) {
      return C9B;
    }
    return CONFORMANT;
  }

  /**
   * is_operation_conformant_via_telemetry, in its order: C2 no declaration, C3 aircraft id, C4 state 0/5-8, C5 not
   * 2-4, C6 now outside start..end, C7b no volume's band holds the altitude, C7a no volume's outline holds the point,
   * C8 the point is inside an active geofence's polygon (first ring); else 100.
   */
  static int telemetry(JsonObject d, String aircraftId, double lat, double lng, double altitude,
      Iterable<JsonObject> activeFences, Instant now) {
    if (d == null) {
      return C2;
    }
    if (!Objects.equals(d.getValue("aircraft_id") == null ? null : String.valueOf(d.getValue("aircraft_id")), aircraftId)) {
      return C3;
    }
    int state = d.getInteger("state");
    if (Set.of(0, 5, 6, 7, 8).contains(state)) {
      return C4;
    }
    if (!Set.of(2, 3, 4).contains(state)) {
      return C5;
    }
    if (!between(Declarations.parseTime(d.getString("start_datetime")), Declarations.parseTime(d.getString("end_datetime")), now)) {
      return C6;
    }
    boolean altitudeOk = false;
    boolean boundsOk = false;
    for (Volume v : volumes(d)) {
      altitudeOk |= v.lower() <= altitude && altitude <= v.upper();
      boundsOk |= Planar.withinBuffer(lng, lat, v.outline(), v.buffer());
    }
    if (!altitudeOk) {
      return C7B;
    }
    if (!boundsOk) {
      return C7A;
    }
    for (JsonObject fence : activeFences) {
      if (breaches(fence.getJsonObject("raw_geo_fence", new JsonObject()), lat, lng)) {
        return C8;
      }
    }
    return TELEMETRY_CONFORMANT;
  }

  /** is_time_between: inclusive, and "crossing midnight" when begin is not before end. */
  static boolean between(Instant begin, Instant end, Instant check) {
    return begin.isBefore(end) ? !check.isBefore(begin) && !check.isAfter(end) : !check.isBefore(begin) || !check.isAfter(end);
  }

  /**
   * The volumes the declaration was stored with. A GeoJSON create stores each feature buffered by
   * {@link #FEATURE_BUFFER_DEGREES} with its min/max_altitude meters ({"volumes": [...]}); an operational-intent create
   * stores the bare list of volumes, which {@code operational_intent_details["volumes"]} cannot index (TypeError).
   */
  static List<Volume> volumes(JsonObject d) {
    Object stored = d.getValue("operational_intent");
    List<Volume> out = new ArrayList<>();
    if (stored instanceof JsonArray) {
      throw new Crash("operational_intent is the list of volumes an operational-intent create stores: "
          + "operational_intent_details[\"volumes\"] raises TypeError (list indices must be integers)");
    }
    if (stored instanceof JsonObject oi) {
      for (Object o : oi.getJsonArray("volumes", new JsonArray())) {
        JsonObject volume = ((JsonObject) o).getJsonObject("volume", new JsonObject());
        JsonObject polygon = volume.getJsonObject("outline_polygon");
        if (polygon == null) {
          throw new Crash("a volume without outline_polygon: vertex access raises AttributeError");
        }
        JsonArray ring = new JsonArray();
        for (Object vx : polygon.getJsonArray("vertices", new JsonArray())) {
          ring.add(new JsonArray().add(((JsonObject) vx).getDouble("lng")).add(((JsonObject) vx).getDouble("lat")));
        }
        out.add(new Volume(new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)), 0,
            value(volume, "altitude_lower"), value(volume, "altitude_upper")));
      }
      return out;
    }
    JsonObject geo = d.getJsonObject("flight_declaration_geojson", new JsonObject());
    for (Object o : geo.getJsonArray("features", new JsonArray())) {
      JsonObject f = (JsonObject) o;
      JsonObject p = f.getJsonObject("properties", new JsonObject());
      out.add(new Volume(f.getJsonObject("geometry"), FEATURE_BUFFER_DEGREES, meters(p, "min_altitude"),
          meters(p, "max_altitude")));
    }
    return out;
  }

  private static double value(JsonObject volume, String key) {
    Object v = volume.getJsonObject(key, new JsonObject()).getValue("value");
    if (!(v instanceof Number n)) {
      throw new Crash(key + ".value is missing: Altitude(**...) raises TypeError");
    }
    return n.doubleValue();
  }

  private static double meters(JsonObject props, String key) {
    Object alt = props.getValue(key);
    Object m = alt instanceof JsonObject a ? a.getValue("meters") : alt;
    if (!(m instanceof Number n)) {
      throw new Crash(key + "[\"meters\"] is missing: the create's volume conversion raises KeyError");
    }
    return n.doubleValue();
  }

  /** C8: a Polygon's first ring, or each MultiPolygon part's first ring, strictly contains the point. */
  private static boolean breaches(JsonObject geojson, double lat, double lng) {
    for (Object o : geojson.getJsonArray("features", new JsonArray())) {
      JsonObject g = o instanceof JsonObject f ? f.getJsonObject("geometry", new JsonObject()) : new JsonObject();
      JsonArray c = g.getJsonArray("coordinates", new JsonArray());
      if ("Polygon".equals(g.getString("type")) && !c.isEmpty() && Planar.within(lng, lat, c.getJsonArray(0))) {
        return true;
      }
      if ("MultiPolygon".equals(g.getString("type"))) {
        for (Object part : c) {
          if (Planar.within(lng, lat, ((JsonArray) part).getJsonArray(0))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
