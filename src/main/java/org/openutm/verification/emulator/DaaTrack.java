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

  private final java.util.ArrayDeque<Sample> window = new java.util.ArrayDeque<>();
  private final double windowSeconds;
  private Sample last;
  private Double reportedSpeed;
  private Double reportedTrack;

  /** Velocity is the least-squares fit of the reports of the last {@code windowSeconds} (a simple tracker). */
  DaaTrack(double windowSeconds) {
    this.windowSeconds = windowSeconds;
  }

  void add(Sample s, Double speed, Double track) {
    if (last != null && s.sourceSeconds() == last.sourceSeconds()) {
      window.pollLast();
    } else if (last != null && s.sourceSeconds() < last.sourceSeconds()) {
      window.clear(); // the source clock went back: start again
    }
    window.addLast(s);
    while (window.size() > 64 || s.sourceSeconds() - window.peekFirst().sourceSeconds() > windowSeconds) {
      window.pollFirst();
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

  /**
   * The state projected to {@code nowMillis} (at most {@code maxProjectionS} ahead of the last report). Velocity: the
   * fit over the window when it spans at least 0.9 s (two 1 Hz reports), else the reported speed and track, else zero. Track (for the
   * relative bearing): the reported one, else the fitted velocity's direction.
   */
  Kinematics at(long nowMillis, double maxProjectionS) {
    double[] v = fittedVelocity();
    double vE = 0;
    double vN = 0;
    double vU = 0;
    if (v != null) {
      vE = v[0];
      vN = v[1];
      vU = v[2];
    } else if (reportedSpeed != null && reportedTrack != null && reportedSpeed >= 0 && reportedSpeed < 1_000) {
      double rad = Math.toRadians(reportedTrack);
      vE = reportedSpeed * Math.sin(rad);
      vN = reportedSpeed * Math.cos(rad);
    }
    double track = reportedTrack != null ? reportedTrack
        : Math.hypot(vE, vN) > 0.1 ? (Math.toDegrees(Math.atan2(vE, vN)) + 360) % 360 : 0;
    Kinematics k = new Kinematics(last.lat(), last.lon(), last.altM(), vE, vN, vU, track);
    double ahead = Math.min(maxProjectionS, Math.max(0, (nowMillis - last.receivedMillis()) / 1000.0));
    return k.advanced(ahead);
  }

  /** m/s east, north, up by least squares over the window, or null with too little of it. */
  private double[] fittedVelocity() {
    if (window.size() < 2 || last.sourceSeconds() - window.peekFirst().sourceSeconds() < 0.9) {
      return null;
    }
    double t0 = window.peekFirst().sourceSeconds();
    double mLon = DaaGeometry.M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(last.lat()));
    double st = 0;
    double stt = 0;
    double sx = 0;
    double sy = 0;
    double sz = 0;
    double stx = 0;
    double sty = 0;
    double stz = 0;
    int n = window.size();
    for (Sample s : window) {
      double t = s.sourceSeconds() - t0;
      double x = (s.lon() - last.lon()) * mLon;
      double y = (s.lat() - last.lat()) * DaaGeometry.M_PER_DEG_LAT;
      st += t;
      stt += t * t;
      sx += x;
      sy += y;
      sz += s.altM();
      stx += t * x;
      sty += t * y;
      stz += t * s.altM();
    }
    double d = n * stt - st * st;
    if (d <= 1e-9) {
      return null;
    }
    return new double[] {(n * stx - st * sx) / d, (n * sty - st * sy) / d, (n * stz - st * sz) / d};
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
