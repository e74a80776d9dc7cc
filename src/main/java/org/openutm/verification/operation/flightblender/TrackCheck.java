package org.openutm.verification.operation.flightblender;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.SubmittedTraffic;

/**
 * The content of SDSP track messages: each well-formed (identifier, state.position lat/lng, timestamp), and, for an
 * aircraft this process submitted air traffic for (in this session), within {@value #MAX_KM} km and
 * {@value #MAX_ALT_M} m of a submitted position. Both Flight Blender eras' default fuser negates the longitude and
 * reports the altitude in millimetres; those defects are named as such.
 */
final class TrackCheck {
  static final double MAX_KM = 2.0;
  static final double MAX_ALT_M = 300.0;

  private final OperationContext ctx;
  private final SubmittedTraffic traffic;
  private final Set<String> problems = new LinkedHashSet<>();
  private int compared;

  TrackCheck(OperationContext ctx) {
    this.ctx = ctx;
    this.traffic = SubmittedTraffic.of(ctx.vertx());
  }

  void frame(JsonArray tracks) {
    for (Object o : tracks) {
      String bad = wellFormed(o);
      if (bad != null) {
        problems.add(bad);
        continue;
      }
      JsonObject t = (JsonObject) o;
      String icao = t.getString("unique_aircraft_identifier");
      List<SubmittedTraffic.Position> sent = traffic.positions(ctx.sessionId(), icao);
      if (sent.isEmpty()) {
        continue;
      }
      compared++;
      JsonObject p = t.getJsonObject("state").getJsonObject("position");
      double lat = p.getDouble("lat");
      double lng = p.getDouble("lng");
      SubmittedTraffic.Position near = nearest(sent, lat, lng);
      double km = km(lat, lng, near.lat(), near.lon());
      if (km > MAX_KM) {
        SubmittedTraffic.Position mirrored = nearest(sent, lat, -lng);
        String hint = km(lat, -lng, mirrored.lat(), mirrored.lon()) <= MAX_KM
            ? " (at the negated longitude it matches: the server reports lng = -lon)" : "";
        problems.add(String.format("track %s at %.5f,%.5f is %.0f km from the nearest position submitted for it "
            + "(%.5f,%.5f)%s", icao, lat, lng, km, near.lat(), near.lon(), hint));
        continue;
      }
      if (p.getValue("alt") instanceof Number alt && !Double.isNaN(near.altMetres())
          && Math.abs(alt.doubleValue() - near.altMetres()) > MAX_ALT_M) {
        String hint = Math.abs(alt.doubleValue() / 1000.0 - near.altMetres()) <= MAX_ALT_M
            ? " (as millimetres it matches: the server reports the altitude in mm)" : "";
        problems.add(String.format("track %s reports alt %.1f, the air traffic submitted for it was at %.1f m%s",
            icao, alt.doubleValue(), near.altMetres(), hint));
      }
    }
  }

  List<String> problems() {
    return new ArrayList<>(problems);
  }

  int compared() {
    return compared;
  }

  static String wellFormed(Object o) {
    if (!(o instanceof JsonObject t) || !(t.getValue("unique_aircraft_identifier") instanceof String)) {
      return "a track without unique_aircraft_identifier";
    }
    JsonObject state = t.getValue("state") instanceof JsonObject s ? s : null;
    JsonObject p = state == null || !(state.getValue("position") instanceof JsonObject pp) ? null : pp;
    if (p == null || !(p.getValue("lat") instanceof Number lat) || !(p.getValue("lng") instanceof Number lng)
        || Math.abs(lat.doubleValue()) > 90 || Math.abs(lng.doubleValue()) > 180) {
      return "track " + t.getValue("unique_aircraft_identifier") + " has no valid state.position";
    }
    return t.getValue("timestamp") == null ? "track " + t.getValue("unique_aircraft_identifier") + " has no timestamp" : null;
  }

  private static SubmittedTraffic.Position nearest(List<SubmittedTraffic.Position> sent, double lat, double lng) {
    SubmittedTraffic.Position best = sent.get(0);
    double d = Double.MAX_VALUE;
    for (SubmittedTraffic.Position s : sent) {
      double k = km(lat, lng, s.lat(), s.lon());
      if (k < d) {
        d = k;
        best = s;
      }
    }
    return best;
  }

  static double km(double lat1, double lon1, double lat2, double lon2) {
    return org.openutm.verification.operation.Generators.distance(new double[] {lon1, lat1}, new double[] {lon2, lat2})
        / 1000.0;
  }
}
