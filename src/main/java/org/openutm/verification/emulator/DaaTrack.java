package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.openutm.verification.emulator.DaaGeometry.Kinematics;

/**
 * One aircraft as the DAA engine sees it: its last two reported positions, the velocity they imply (or the reported
 * speed and track, for RID telemetry), and when the last report arrived, so that it can be projected to the tick.
 */
final class DaaTrack {
  /** A report: position, the time it describes (seconds, source clock), and when it arrived (ms, wall clock). */
  record Sample(double lat, double lon, double altM, double sourceSeconds, long receivedMillis) {
  }

  private Sample last;
  private Sample previous;
  private Double reportedSpeed;
  private Double reportedTrack;

  void add(Sample s, Double speed, Double track) {
    if (last == null || s.sourceSeconds() != last.sourceSeconds()) {
      previous = last;
    }
    last = s;
    reportedSpeed = speed;
    reportedTrack = track;
  }

  long lastReceived() {
    return last == null ? 0 : last.receivedMillis();
  }

  boolean present() {
    return last != null;
  }

  /** The state projected to {@code nowMillis} (at most {@code maxProjectionS} ahead of the last report). */
  Kinematics at(long nowMillis, double maxProjectionS) {
    double vE = 0;
    double vN = 0;
    double vU = 0;
    double track = 0;
    boolean derived = false;
    if (previous != null) {
      double dt = last.sourceSeconds() - previous.sourceSeconds();
      if (!(dt > 0 && dt <= 30)) {
        dt = (last.receivedMillis() - previous.receivedMillis()) / 1000.0;
      }
      if (dt > 0 && dt <= 30) {
        vN = (last.lat() - previous.lat()) * DaaGeometry.M_PER_DEG_LAT / dt;
        vE = (last.lon() - previous.lon()) * DaaGeometry.M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(last.lat())) / dt;
        vU = (last.altM() - previous.altM()) / dt;
        derived = true;
      }
    }
    if (reportedSpeed != null && reportedTrack != null && reportedSpeed >= 0 && reportedSpeed < 1_000) {
      double rad = Math.toRadians(reportedTrack);
      vE = reportedSpeed * Math.sin(rad);
      vN = reportedSpeed * Math.cos(rad);
      track = reportedTrack;
    } else if (derived && Math.hypot(vE, vN) > 0.1) {
      track = (Math.toDegrees(Math.atan2(vE, vN)) + 360) % 360;
    } else if (reportedTrack != null) {
      track = reportedTrack;
    }
    Kinematics k = new Kinematics(last.lat(), last.lon(), last.altM(), vE, vN, vU, track);
    double ahead = Math.min(maxProjectionS, Math.max(0, (nowMillis - last.receivedMillis()) / 1000.0));
    return k.advanced(ahead);
  }

  /** From a RID telemetry state (position.lat/lng/alt, timestamp.value, speed, track). */
  static Sample fromTelemetry(JsonObject state, long nowMillis) {
    JsonObject p = state.getJsonObject("position");
    double alt = p.getValue("alt") instanceof Number n ? n.doubleValue() : 0;
    double t = nowMillis / 1000.0;
    if (state.getValue("timestamp") instanceof JsonObject ts && ts.getValue("value") instanceof String v) {
      try {
        Instant i = Instant.parse(v);
        t = i.getEpochSecond() + i.getNano() / 1e9;
      } catch (java.time.DateTimeException e) {
        // wall clock it is
      }
    }
    return new Sample(p.getDouble("lat"), p.getDouble("lng"), alt, t, nowMillis);
  }

  /** From an air traffic observation (lat_dd, lon_dd, altitude_mm, timestamp in s, ms or us). */
  static Sample fromObservation(JsonObject o, long nowMillis) {
    double ts = o.getValue("timestamp") instanceof Number n ? n.doubleValue() : nowMillis / 1000.0;
    double seconds = ts > 1e14 ? ts / 1e6 : ts > 1e11 ? ts / 1e3 : ts;
    return new Sample(o.getDouble("lat_dd"), o.getDouble("lon_dd"), o.getDouble("altitude_mm") / 1000.0, seconds,
        nowMillis);
  }

  static Double number(JsonObject o, String key) {
    return o.getValue(key) instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
  }
}
