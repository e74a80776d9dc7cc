package org.openutm.verification.operation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test data as the Python toolkit builds it: a flight declaration (or operational intent) over a bounding box
 * (start now + 2 s, end now + 60 min, altitude 50-120 m w84), and telemetry states at 1 Hz along a GeoJSON
 * LineString with track and speed.
 */
public final class Generators {
  private static final double EARTH_RADIUS_M = 6_371_000;

  private Generators() {
  }

  /** {minx, miny, maxx, maxy} checked; OperationFailure naming what is missing. */
  public static double[] bbox(JsonObject box, String source) {
    double[] b = new double[4];
    String[] keys = {"minx", "miny", "maxx", "maxy"};
    for (int i = 0; i < 4; i++) {
      if (!(box.getValue(keys[i]) instanceof Number n)) {
        throw new OperationFailure(source + " needs numeric minx, miny, maxx, maxy (a bounding box)");
      }
      b[i] = n.doubleValue();
    }
    return b;
  }

  static JsonArray ring(double[] b) {
    return new JsonArray().add(pt(b[2], b[1])).add(pt(b[2], b[3])).add(pt(b[0], b[3])).add(pt(b[0], b[1]))
        .add(pt(b[2], b[1]));
  }

  private static JsonArray pt(double x, double y) {
    return new JsonArray().add(x).add(y);
  }

  /** The metadata every declaration carries (fresh ids). */
  static JsonObject metadata(Instant start, Instant end, int typeOfOperation) {
    String flight = UUID.randomUUID().toString();
    return new JsonObject().put("exchange_type", "flight_declaration").put("aircraft_id", UUID.randomUUID().toString())
        .put("flight_id", flight).put("plan_id", UUID.randomUUID().toString()).put("flight_state", 1)
        .put("flight_approved", typeOfOperation == 1 ? false : 0).put("sequence_number", 0)
        .put("start_datetime", start.toString()).put("end_datetime", end.toString()).put("version", "1.0.0")
        .put("purpose", "Delivery").put("expect_telemetry", true).put("originating_party", "OpenUTM Verification")
        .put("contact_url", "https://verification.openutm.org/contact?" + flight).put("type_of_operation", typeOfOperation)
        .put("vehicle_id", UUID.randomUUID().toString()).put("operator_id", "OP-" + flight.substring(0, 8));
  }

  public static JsonObject declaration(double[] b, Instant start, Instant end, Double altitudeM) {
    double max = altitudeM == null ? 120 : Math.max(120, altitudeM + 20);
    return metadata(start, end, 0).put("flight_declaration_geo_json", new JsonObject().put("type", "FeatureCollection")
        .put("features", new JsonArray().add(new JsonObject().put("type", "Feature")
            .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring(b))))
            .put("properties", new JsonObject()
                .put("min_altitude", new JsonObject().put("meters", 50).put("datum", "w84"))
                .put("max_altitude", new JsonObject().put("meters", max).put("datum", "w84"))))));
  }

  public static JsonObject operationalIntent(double[] b, Instant start, Instant end) {
    JsonArray vertices = new JsonArray();
    JsonArray r = ring(b);
    for (int i = 0; i < r.size() - 1; i++) {
      vertices.add(new JsonObject().put("lat", r.getJsonArray(i).getDouble(1)).put("lng", r.getJsonArray(i).getDouble(0)));
    }
    return metadata(start, end, 1).put("operational_intent_volume4ds", new JsonArray().add(new JsonObject()
        .put("volume", new JsonObject().put("outline_polygon", new JsonObject().put("vertices", vertices))
            .put("altitude_lower", new JsonObject().put("value", 50).put("reference", "w84").put("units", "m"))
            .put("altitude_upper", new JsonObject().put("value", 120).put("reference", "w84").put("units", "m")))
        .put("time_start", new JsonObject().put("value", start.toString()).put("format", "RFC3339"))
        .put("time_end", new JsonObject().put("value", end.toString()).put("format", "RFC3339"))));
  }

  /** The first LineString of a FeatureCollection, Feature or geometry, as [lon, lat] pairs. */
  public static List<double[]> lineString(JsonObject geojson, String source) {
    JsonObject g = geojson;
    if ("FeatureCollection".equals(g.getValue("type")) && g.getValue("features") instanceof JsonArray fs && !fs.isEmpty()) {
      g = fs.getJsonObject(0);
    }
    if ("Feature".equals(g.getValue("type"))) {
      g = g.getJsonObject("geometry");
    }
    if (g == null || !"LineString".equals(g.getValue("type")) || !(g.getValue("coordinates") instanceof JsonArray c)
        || c.size() < 2) {
      throw new OperationFailure(source + " must hold a GeoJSON LineString with at least two positions");
    }
    List<double[]> out = new ArrayList<>();
    for (Object o : c) {
      JsonArray p = (JsonArray) o;
      out.add(new double[] {p.getDouble(0), p.getDouble(1)});
    }
    return out;
  }

  /** The Python toolkit's cadence: 0.4 % of the line per second, so the whole line takes 250 s. */
  public static final double LINE_FRACTION_PER_SECOND = 0.004;
  /** position.alt when no altitude is given (the Python toolkit's current default altitude_of_ground_level_wgs_84, 120 m). */
  public static final double DEFAULT_ALTITUDE_M = 120;
  static final double HEIGHT_ABOVE_TAKEOFF_M = 50;

  /**
   * {@code seconds} states at 1 Hz along the line as the Python toolkit flies it: 0.4 % of the line's length per
   * second (the whole line in 250 s; a shorter duration stops part way, a longer one holds at the end), stamped from
   * {@code reference} + 1 s. {@code altitudeM} is position.alt (metres; default 120); height is 50 m above take-off.
   */
  public static JsonArray telemetry(List<double[]> line, int seconds, Instant reference, Double altitudeM) {
    Polyline path = new Polyline(line);
    int n = Math.max(1, seconds);
    double step = path.length() * LINE_FRACTION_PER_SECOND;
    double alt = altitudeM == null ? DEFAULT_ALTITUDE_M : altitudeM;
    JsonArray states = new JsonArray();
    for (int s = 0; s < n; s++) {
      double along = Math.min(step * s, path.length());
      Polyline.At p = path.at(along);
      double speed = along >= path.length() ? 0 : Math.round(step * 100) / 100.0;
      states.add(state(p.lat(), p.lon(), alt, bearing(p.from(), p.to()), speed, reference.plusSeconds(s + 1L)));
    }
    return states;
  }

  static JsonObject state(double lat, double lon, double alt, double track, double speed, Instant at) {
    return new JsonObject().put("timestamp", new JsonObject().put("value", at.toString()).put("format", "RFC3339"))
        .put("operational_status", "Airborne")
        .put("position", new JsonObject().put("lat", lat).put("lng", lon).put("alt", alt)
            .put("accuracy_h", "HAUnknown").put("accuracy_v", "VAUnknown").put("extrapolated", false)
            .put("height", new JsonObject().put("distance", HEIGHT_ABOVE_TAKEOFF_M).put("reference", "TakeoffLocation")))
        .put("track", Math.round(track * 10) / 10.0).put("speed", Math.round(speed * 100) / 100.0)
        .put("timestamp_accuracy", 0.0).put("speed_accuracy", "SA3mps").put("vertical_speed", 0.0);
  }

  /**
   * The observation wrapper Flight Blender's telemetry endpoint takes, for one state of a declaration
   * (domain_types/rid.py RIDAircraftState, RIDFlightDetails): {@code uas_id.serial_number} is the aircraft the
   * declaration declared ({@code aircraftId}; Flight Blender's C3 conformance check compares them), or the
   * declaration id when that is unknown (declared elsewhere).
   */
  public static JsonObject observation(String declarationId, String aircraftId, JsonObject state) {
    String serial = aircraftId == null ? declarationId : aircraftId;
    JsonObject p = state.getJsonObject("position", new JsonObject());
    return new JsonObject().put("observations", new JsonArray().add(new JsonObject()
        .put("current_states", new JsonArray().add(state))
        .put("flight_details", new JsonObject().put("id", declarationId)
            .put("eu_classification", new JsonObject().put("category", "EUCategoryUndefined").put("class_", "EUClassUndefined"))
            .put("uas_id", new JsonObject().putNull("specific_session_id").put("serial_number", serial)
                .put("registration_id", "CHE-5bisi9bpsiesw").put("utm_id", declarationId))
            .put("operator_location", new JsonObject().put("position", new JsonObject().put("lat", p.getValue("lat"))
                .put("lng", p.getValue("lng"))).putNull("altitude").putNull("altitude_type"))
            .putNull("auth_data").put("operator_id", "CHE-076dh0dq").put("operation_description", "Medicine Delivery"))));
  }

  /** Metres between two [lon, lat] points (great circle). */
  public static double distance(double[] a, double[] b) {
    double la1 = Math.toRadians(a[1]);
    double la2 = Math.toRadians(b[1]);
    double dla = la2 - la1;
    double dlo = Math.toRadians(b[0] - a[0]);
    double h = Math.sin(dla / 2) * Math.sin(dla / 2) + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) * Math.sin(dlo / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** Degrees clockwise from north, from a to b ([lon, lat]). */
  public static double bearing(double[] a, double[] b) {
    double la1 = Math.toRadians(a[1]);
    double la2 = Math.toRadians(b[1]);
    double dlo = Math.toRadians(b[0] - a[0]);
    double y = Math.sin(dlo) * Math.cos(la2);
    double x = Math.cos(la1) * Math.sin(la2) - Math.sin(la1) * Math.cos(la2) * Math.cos(dlo);
    return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
  }
}
