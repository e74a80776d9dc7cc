package org.openutm.verification.report;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report's map draws, read from a scenario's steps: declaration polygons and geofences from the bodies the
 * steps sent, telemetry tracks from the telemetry they submitted, air traffic tracks from observations in results.
 * Points are [lon, lat] ([lon, lat, altitude m, time s] on tracks, NaN where unknown). {@link #features()} is the
 * same as GeoJSON, for the report's Leaflet map (and any live view of a run).
 */
final class MapData {
  final List<List<double[]>> declarations = new ArrayList<>();
  final List<List<double[]>> geofences = new ArrayList<>();
  final Map<String, List<double[]>> telemetry = new LinkedHashMap<>();
  final Map<String, List<double[]>> traffic = new LinkedHashMap<>();
  /** DAA closest approaches: {ownship [lon, lat], intruder [lon, lat], {highest level}}. */
  final List<double[][]> encounters = new ArrayList<>();

  static MapData of(JsonArray steps) {
    MapData m = new MapData();
    for (Object o : steps) {
      m.add((JsonObject) o);
    }
    m.encounters(steps);
    return m;
  }

  /** Adds what one step record draws: the bodies it sent, the observations in its result. */
  void add(JsonObject step) {
    for (Object e : step.getJsonArray("http_exchanges", new JsonArray())) {
      exchange((JsonObject) e);
    }
    Object result = step.getValue("result");
    if (result instanceof JsonObject r && r.getValue("observations") instanceof JsonArray obs) {
      observations(obs);
    }
  }

  /** The DAA closest approaches of these steps' incident logs, in place of any drawn before. */
  void encounters(JsonArray steps) {
    encounters.clear();
    DaaEncounters.of(steps).byAlert.values().forEach(e -> {
      if (e.ownAtClosest != null) {
        encounters.add(new double[][] {e.ownAtClosest, e.intruderAtClosest, {e.maxLevel}});
      }
    });
  }

  /** How many shapes and points there are (what tells that a step added something). */
  int size() {
    int n = declarations.size() + geofences.size() + encounters.size();
    for (List<double[]> t : telemetry.values()) {
      n += t.size();
    }
    for (List<double[]> t : traffic.values()) {
      n += t.size();
    }
    return n;
  }

  private void exchange(JsonObject e) {
    String url = e.getString("url", "");
    Object body;
    try {
      body = e.getString("request_body") == null ? null : Json.decodeValue(e.getString("request_body"));
    } catch (RuntimeException ex) {
      return;
    }
    if (body == null) {
      return;
    }
    if (url.contains("/set_flight_declaration") || url.contains("/set_operational_intent")) {
      for (Object d : body instanceof JsonArray a ? a : new JsonArray().add(body)) {
        if (d instanceof JsonObject decl) {
          polygons(decl.getJsonObject("flight_declaration_geo_json"), declarations);
          JsonArray v4 = decl.getJsonArray("operational_intent_volume4ds");
          if (v4 != null) {
            for (Object v : v4) {
              JsonArray vertices = ((JsonObject) v).getJsonObject("volume", new JsonObject())
                  .getJsonObject("outline_polygon", new JsonObject()).getJsonArray("vertices", new JsonArray());
              List<double[]> ring = new ArrayList<>();
              vertices.forEach(p -> ring.add(new double[] {((JsonObject) p).getDouble("lng"), ((JsonObject) p).getDouble("lat")}));
              if (ring.size() > 2) {
                declarations.add(ring);
              }
            }
          }
        }
      }
    } else if (url.contains("/set_geo_fence") && body instanceof JsonObject g) {
      polygons(g, geofences);
    } else if (url.contains("/set_telemetry") && body instanceof JsonObject t) {
      for (Object ob : t.getJsonArray("observations", new JsonArray())) {
        JsonObject obs = (JsonObject) ob;
        String id = obs.getJsonObject("flight_details", new JsonObject()).getString("id", "telemetry");
        for (Object s : obs.getJsonArray("current_states", new JsonArray())) {
          JsonObject p = ((JsonObject) s).getJsonObject("position", new JsonObject());
          if (p.getValue("lat") instanceof Number lat && p.getValue("lng") instanceof Number lng) {
            Object ts = ((JsonObject) s).getValue("timestamp");
            telemetry.computeIfAbsent(id, k -> new ArrayList<>()).add(new double[] {lng.doubleValue(), lat.doubleValue(),
                p.getValue("alt") instanceof Number alt ? alt.doubleValue() : Double.NaN,
                seconds(ts instanceof JsonObject stamp ? stamp.getValue("value") : ts)});
          }
        }
      }
    }
  }

  private void observations(JsonArray obs) {
    for (Object o : obs) {
      if (o instanceof JsonObject j && j.getValue("lat_dd") instanceof Number lat && j.getValue("lon_dd") instanceof Number lon) {
        List<double[]> track = traffic.computeIfAbsent(String.valueOf(j.getValue("icao_address")), k -> new ArrayList<>());
        if (track.size() < 2000) {
          track.add(new double[] {lon.doubleValue(), lat.doubleValue(),
              j.getValue("altitude_mm") instanceof Number mm ? mm.doubleValue() / 1000.0 : Double.NaN,
              seconds(j.getValue("timestamp"))});
        }
      }
    }
  }

  /** Epoch seconds of an RFC 3339 text or a number in seconds, milliseconds or microseconds; NaN when neither. */
  static double seconds(Object t) {
    if (t instanceof Number n) {
      double v = n.doubleValue();
      return v > 1e14 ? v / 1e6 : v > 1e11 ? v / 1e3 : v;
    }
    if (t instanceof String text) {
      try {
        java.time.Instant i = java.time.Instant.parse(text);
        return i.getEpochSecond() + i.getNano() / 1e9;
      } catch (java.time.format.DateTimeParseException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /**
   * Everything as a GeoJSON FeatureCollection ([lon, lat] positions), each feature's {@code properties.kind} one of
   * declaration, geofence, telemetry, traffic (with {@code id}), cpa (ownship to intruder at the closest approach) and
   * encounter (the intruder there), the last two with the highest alert {@code level}; tracks carry their altitude
   * profile ({@code altitudes} in m, {@code times} in s since their first sample, null where unknown).
   */
  JsonObject features() {
    JsonArray out = new JsonArray();
    declarations.forEach(r -> out.add(feature("Polygon", new JsonArray().add(positions(r)), "declaration", null)));
    geofences.forEach(r -> out.add(feature("Polygon", new JsonArray().add(positions(r)), "geofence", null)));
    telemetry.forEach((id, t) -> out.add(track(feature("LineString", positions(t), "telemetry", id), t)));
    traffic.forEach((id, t) -> out.add(track(feature("LineString", positions(t), "traffic", id), t)));
    for (double[][] e : encounters) {
      JsonObject cpa = feature("LineString", positions(List.of(e[0], e[1])), "cpa", null);
      JsonObject point = feature("Point", position(e[1]), "encounter", null);
      for (JsonObject f : List.of(cpa, point)) {
        f.getJsonObject("properties").put("level", (int) e[2][0]);
        out.add(f);
      }
    }
    return new JsonObject().put("type", "FeatureCollection").put("features", out);
  }

  /** A track's altitude profile in its properties: {@code altitudes} (m) and {@code times} (s since its first sample). */
  private static JsonObject track(JsonObject feature, List<double[]> points) {
    JsonArray altitudes = new JsonArray();
    JsonArray times = new JsonArray();
    double t0 = points.isEmpty() || points.get(0).length < 4 ? Double.NaN : points.get(0)[3];
    for (double[] p : points) {
      altitudes.add(p.length > 2 && !Double.isNaN(p[2]) ? Math.round(p[2] * 10) / 10.0 : null);
      times.add(p.length > 3 && !Double.isNaN(p[3]) && !Double.isNaN(t0) ? Math.round((p[3] - t0) * 100) / 100.0 : null);
    }
    feature.getJsonObject("properties").put("altitudes", altitudes).put("times", times);
    return feature;
  }

  private static JsonObject feature(String type, JsonArray coordinates, String kind, String id) {
    JsonObject props = new JsonObject().put("kind", kind);
    if (id != null) {
      props.put("id", id);
    }
    return new JsonObject().put("type", "Feature").put("properties", props)
        .put("geometry", new JsonObject().put("type", type).put("coordinates", coordinates));
  }

  private static JsonArray positions(List<double[]> line) {
    JsonArray a = new JsonArray();
    line.forEach(p -> a.add(position(p)));
    return a;
  }

  private static JsonArray position(double[] p) {
    return new JsonArray().add(Math.round(p[0] * 1e7) / 1e7).add(Math.round(p[1] * 1e7) / 1e7);
  }

  private static void polygons(JsonObject geo, List<List<double[]>> into) {
    if (geo == null) {
      return;
    }
    for (Object f : geo.getJsonArray("features", new JsonArray())) {
      JsonObject g = ((JsonObject) f).getJsonObject("geometry");
      if (g != null && "Polygon".equals(g.getString("type")) && g.getValue("coordinates") instanceof JsonArray c && !c.isEmpty()) {
        List<double[]> ring = new ArrayList<>();
        for (Object p : c.getJsonArray(0)) {
          JsonArray pt = (JsonArray) p;
          ring.add(new double[] {pt.getDouble(0), pt.getDouble(1)});
        }
        into.add(ring);
      }
    }
  }

  boolean isEmpty() {
    return declarations.isEmpty() && geofences.isEmpty() && telemetry.isEmpty() && traffic.isEmpty()
        && encounters.isEmpty();
  }

  /** An SVG of everything, fitted to its bounding box (equirectangular with cos(lat) scaling), with a scale bar. */
  String svg(int width, int height) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    List<List<double[]>> all = new ArrayList<>(declarations);
    all.addAll(geofences);
    all.addAll(telemetry.values());
    all.addAll(traffic.values());
    encounters.forEach(e -> all.add(List.of(e[0], e[1])));
    all.forEach(line -> line.forEach(p -> {
      b[0] = Math.min(b[0], p[0]);
      b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[0]);
      b[3] = Math.max(b[3], p[1]);
    }));
    double k = Math.cos(Math.toRadians((b[1] + b[3]) / 2));
    double w = Math.max((b[2] - b[0]) * k, 1e-6);
    double h = Math.max(b[3] - b[1], 1e-6);
    double scale = Math.min((width - 40) / w, (height - 60) / h);
    java.util.function.Function<double[], String> xy = p -> String.format(java.util.Locale.ROOT, "%.1f,%.1f",
        20 + (p[0] - b[0]) * k * scale, height - 40 - (p[1] - b[1]) * scale);
    StringBuilder sb = new StringBuilder(String.format("<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
        width, height, width, height));
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#f7f9fb\"/>");
    for (List<double[]> g : geofences) {
      sb.append("<polygon class=\"geofence\" points=\"").append(points(g, xy)).append("\" fill=\"#f3c5c5\" stroke=\"#c33\"/>");
    }
    for (List<double[]> d : declarations) {
      sb.append("<polygon class=\"declaration\" points=\"").append(points(d, xy)).append("\" fill=\"#cfe3ff88\" stroke=\"#2f6fe4\"/>");
    }
    for (List<double[]> t : telemetry.values()) {
      sb.append("<polyline class=\"telemetry track\" points=\"").append(points(t, xy)).append("\" fill=\"none\" stroke=\"#1f9d49\" stroke-width=\"2\"/>");
    }
    for (List<double[]> t : traffic.values()) {
      sb.append("<polyline class=\"traffic track\" points=\"").append(points(t, xy)).append("\" fill=\"none\" stroke=\"#e8a317\" stroke-width=\"1.5\"/>");
    }
    for (double[][] e : encounters) {
      String[] own = xy.apply(e[0]).split(",");
      String[] intr = xy.apply(e[1]).split(",");
      sb.append("<line class=\"daa cpa\" x1=\"").append(own[0]).append("\" y1=\"").append(own[1]).append("\" x2=\"")
          .append(intr[0]).append("\" y2=\"").append(intr[1]).append("\" stroke=\"#c0392b\" stroke-dasharray=\"3 2\"/>")
          .append("<circle class=\"daa encounter\" cx=\"").append(intr[0]).append("\" cy=\"").append(intr[1])
          .append("\" r=\"6\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"><title>DAA closest approach, level ")
          .append((int) e[2][0]).append("</title></circle>");
    }
    double metresPerPx = 111_320 / scale;
    double bar = Math.pow(10, Math.floor(Math.log10(metresPerPx * 150)));
    double px = bar / metresPerPx;
    sb.append(String.format(java.util.Locale.ROOT, "<line x1=\"20\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-width=\"3\"/>"
        + "<text class=\"scale\" x=\"20\" y=\"%d\" font-size=\"11\">%s</text>", height - 15, 20 + px, height - 15, height - 20,
        bar >= 1000 ? (long) (bar / 1000) + " km" : (long) bar + " m"));
    return sb.append("</svg>").toString();
  }

  private static String points(List<double[]> line, java.util.function.Function<double[], String> xy) {
    StringBuilder sb = new StringBuilder();
    line.forEach(p -> sb.append(xy.apply(p)).append(' '));
    return sb.toString().trim();
  }
}
