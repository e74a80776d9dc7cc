package org.openutm.verification.operation.airtraffic;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openutm.verification.operation.OperationFailure;

/**
 * A BlueSky {@code .scn} interpreter: timed lines {@code HH:MM:SS.ss>COMMAND}; {@code CRE acid,type,lat,lon,hdg,alt,spd}
 * (altitude in feet or FLnnn, speed in knots), {@code <acid> ADDWPT lat,lon}, {@code HOLD} (no command after it is
 * read; aircraft keep flying); display-only commands (POLY, COLOR, TRAILS, RESO, RTF, PAN, -) are accepted and
 * ignored; anything else is an error naming file:line. Aircraft fly great-circle legs to their waypoints at their
 * speed, turning at most 3 deg/s, then hold their heading; sampled at 1 Hz.
 */
public final class BlueSky {
  static final Set<String> DISPLAY = Set.of("POLY", "COLOR", "TRAILS", "RESO", "RTF", "PAN", "-", "ECHO", "ZOOM", "DT",
      "FF", "OP", "SWRAD", "SAVEIC", "PLUGINS", "SYMBOL", "LINE", "CIRCLE", "BOX", "DEFWPT", "ASAS", "CDMETHOD");
  static final Pattern TIMED = Pattern.compile("^(\\d{1,2}):(\\d{2}):(\\d{2}(?:\\.\\d+)?)\\s*>\\s*(.*)$");
  static final double KT = 0.514444;
  static final double FT = 0.3048;
  static final double MAX_TURN_DEG_S = 3.0;

  /** One aircraft of the scenario. */
  static final class Aircraft {
    final String acid;
    final double createdAt;
    double lat;
    double lon;
    double heading;
    final double altitudeM;
    final double speedMps;
    final List<double[]> waypoints = new ArrayList<>();
    int next;

    Aircraft(String acid, double createdAt, double lat, double lon, double heading, double altitudeM, double speedMps) {
      this.acid = acid;
      this.createdAt = createdAt;
      this.lat = lat;
      this.lon = lon;
      this.heading = heading;
      this.altitudeM = altitudeM;
      this.speedMps = speedMps;
    }
  }

  private BlueSky() {
  }

  static List<Aircraft> parse(String text, String source) {
    List<Aircraft> aircraft = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = TIMED.matcher(line);
      if (!m.matches()) {
        throw new OperationFailure(source + ":" + (i + 1) + ": not a timed command (HH:MM:SS.ss>COMMAND): " + line);
      }
      double t = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
      String cmd = m.group(4).trim();
      if (cmd.isEmpty() || cmd.startsWith("#")) {
        continue;
      }
      String[] words = cmd.split("\\s+", 2);
      String head = words[0].toUpperCase(Locale.ROOT);
      try {
        if (head.equals("HOLD") || head.equals("PAUSE")) {
          break;
        } else if (head.equals("CRE")) {
          aircraft.add(create(words.length > 1 ? words[1] : "", t));
        } else if (DISPLAY.contains(head)) {
          continue;
        } else if (words.length > 1 && words[1].toUpperCase(Locale.ROOT).startsWith("ADDWPT")) {
          Aircraft a = aircraft.stream().filter(x -> x.acid.equalsIgnoreCase(words[0])).findFirst()
              .orElseThrow(() -> new IllegalArgumentException("ADDWPT for unknown aircraft " + words[0]));
          double[] p = latLon(words[1].substring(6).trim());
          a.waypoints.add(p);
        } else {
          throw new IllegalArgumentException("unknown command '" + head + "'");
        }
      } catch (IllegalArgumentException e) {
        throw new OperationFailure(source + ":" + (i + 1) + ": " + e.getMessage());
      }
    }
    return aircraft;
  }

  private static Aircraft create(String args, double t) {
    String[] f = args.split("\\s*,\\s*|\\s+");
    if (f.length < 7) {
      throw new IllegalArgumentException("CRE needs acid,type,lat,lon,hdg,alt,spd");
    }
    String alt = f[5].toUpperCase(Locale.ROOT);
    double altFt = alt.startsWith("FL") ? Double.parseDouble(alt.substring(2)) * 100 : Double.parseDouble(alt);
    return new Aircraft(f[0], t, Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
        altFt * FT, Double.parseDouble(f[6]) * KT);
  }

  private static double[] latLon(String s) {
    String[] p = s.split("\\s*,\\s*|\\s+");
    if (p.length < 2) {
      throw new IllegalArgumentException("a waypoint is lat,lon");
    }
    return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
  }

  /** {@code seconds} of 1 Hz observations from the scenario, stamped from {@code startMicros}. */
  public static JsonArray simulate(String text, String source, int seconds, long startMicros, JsonArray sensorIds) {
    List<Aircraft> aircraft;
    try {
      aircraft = parse(text, source);
    } catch (NumberFormatException e) {
      throw new OperationFailure(source + ": a number is malformed: " + e.getMessage());
    }
    JsonArray out = new JsonArray();
    for (int t = 0; t < seconds; t++) {
      for (int i = 0; i < aircraft.size(); i++) {
        Aircraft a = aircraft.get(i);
        if (a.createdAt > t) {
          continue;
        }
        String sensor = sensorIds.isEmpty() ? "bluesky" : sensorIds.getString(i % sensorIds.size());
        out.add(new JsonObject().put("lat_dd", a.lat).put("lon_dd", a.lon).put("altitude_mm", Math.round(a.altitudeM * 1000))
            .put("traffic_source", 9).put("source_type", 1).put("icao_address", a.acid)
            .put("timestamp", startMicros + t * 1_000_000L)
            .put("metadata", new JsonObject().put("sensor_id", sensor).put("current_state", new JsonObject()
                .put("speed", Math.round(a.speedMps * 10) / 10.0).put("track", Math.round(a.heading * 10) / 10.0)
                .put("vertical_speed", 0))));
        step(a);
      }
    }
    return out;
  }

  /** One second: turn toward the next waypoint (at most 3 deg/s), fly on, switch waypoint when reached. */
  static void step(Aircraft a) {
    if (a.next < a.waypoints.size()) {
      double[] w = a.waypoints.get(a.next);
      double want = bearing(a.lat, a.lon, w[0], w[1]);
      double diff = ((want - a.heading) % 360 + 540) % 360 - 180;
      a.heading = (a.heading + Math.max(-MAX_TURN_DEG_S, Math.min(MAX_TURN_DEG_S, diff)) + 360) % 360;
      if (distance(a.lat, a.lon, w[0], w[1]) <= Math.max(a.speedMps, 15)) {
        a.next++;
      }
    }
    double d = a.speedMps / 6_371_000.0;
    double la = Math.toRadians(a.lat);
    double lo = Math.toRadians(a.lon);
    double h = Math.toRadians(a.heading);
    double la2 = Math.asin(Math.sin(la) * Math.cos(d) + Math.cos(la) * Math.sin(d) * Math.cos(h));
    double lo2 = lo + Math.atan2(Math.sin(h) * Math.sin(d) * Math.cos(la), Math.cos(d) - Math.sin(la) * Math.sin(la2));
    a.lat = Math.toDegrees(la2);
    a.lon = Math.toDegrees(lo2);
  }

  static double bearing(double lat1, double lon1, double lat2, double lon2) {
    return org.openutm.verification.operation.Generators.bearing(new double[] {lon1, lat1}, new double[] {lon2, lat2});
  }

  static double distance(double lat1, double lon1, double lat2, double lon2) {
    return org.openutm.verification.operation.Generators.distance(new double[] {lon1, lat1}, new double[] {lon2, lat2});
  }
}
