package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;

/**
 * The relative geometry of one ownship/intruder pair at one instant, on a local flat-earth plane about the ownship
 * (good to well under 1 % within the 20 km the engine considers), with straight-line projection to the closest point
 * of approach (CPA), and the ASTM F3442 alert level it implies. Pure: tested on constructed encounters.
 *
 * @param rangeM horizontal distance now
 * @param verticalSepM intruder altitude minus ownship altitude now (signed)
 * @param bearingDeg the intruder's bearing relative to the ownship's track (0 ahead, clockwise, 0-360)
 * @param closingMps rate at which the horizontal range shrinks (negative when diverging)
 * @param cpaSeconds time to the horizontal CPA (0 when diverging)
 * @param missDistanceM horizontal distance at the CPA
 * @param verticalAtCpaM vertical separation at the CPA (signed)
 */
public record DaaGeometry(double rangeM, double verticalSepM, double bearingDeg, double closingMps, double cpaSeconds,
    double missDistanceM, double verticalAtCpaM) {
  /** F3442 well-clear volume: 2,000 ft horizontal, 250 ft vertical. */
  public static final double WELL_CLEAR_H = 609.6;
  public static final double WELL_CLEAR_V = 76.2;
  /** Near mid-air collision volume: 500 ft horizontal, 100 ft vertical. */
  public static final double NMAC_H = 152.4;
  public static final double NMAC_V = 30.5;
  static final double M_PER_DEG_LAT = 111_132.954;
  static final double M_PER_DEG_LON_EQUATOR = 111_319.49;

  /** One aircraft's state: position (degrees, metres), velocity (m/s east, north, up) and track (degrees). */
  public record Kinematics(double lat, double lon, double altM, double vEast, double vNorth, double vUp, double trackDeg) {
    /** This state moved on by {@code seconds} along its velocity. */
    Kinematics advanced(double seconds) {
      if (seconds == 0) {
        return this;
      }
      double lat2 = lat + vNorth * seconds / M_PER_DEG_LAT;
      double lon2 = lon + vEast * seconds / (M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(lat)));
      return new Kinematics(lat2, lon2, altM + vUp * seconds, vEast, vNorth, vUp, trackDeg);
    }
  }

  /**
   * Alerting thresholds in seconds before the projected loss of well clear: level 1 (preventive) within
   * {@code preventiveS} or any traffic inside {@code proximityFactor} x the well-clear volume; level 2 (corrective)
   * within {@code correctiveS}; level 3 (warning) when well clear is already lost or an NMAC is projected within
   * {@code warningS}.
   */
  public record Thresholds(double preventiveS, double correctiveS, double warningS, double proximityFactor) {
    public static final Thresholds DEFAULT = new Thresholds(60, 25, 15, 2);

    static Thresholds from(JsonObject c) {
      JsonObject d = c == null ? new JsonObject() : c;
      return new Thresholds(d.getDouble("preventive_seconds", DEFAULT.preventiveS),
          d.getDouble("corrective_seconds", DEFAULT.correctiveS), d.getDouble("warning_seconds", DEFAULT.warningS),
          d.getDouble("proximity_factor", DEFAULT.proximityFactor));
    }
  }

  public static DaaGeometry of(Kinematics own, Kinematics intruder) {
    double mPerDegLon = M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians((own.lat + intruder.lat) / 2));
    double dx = (intruder.lon - own.lon) * mPerDegLon;
    double dy = (intruder.lat - own.lat) * M_PER_DEG_LAT;
    double dz = intruder.altM - own.altM;
    double vx = intruder.vEast - own.vEast;
    double vy = intruder.vNorth - own.vNorth;
    double vz = intruder.vUp - own.vUp;
    double range = Math.hypot(dx, dy);
    double v2 = vx * vx + vy * vy;
    double dot = dx * vx + dy * vy;
    double tcpa = v2 < 1e-9 ? 0 : Math.max(0, -dot / v2);
    double closing = range < 1e-6 ? Math.sqrt(v2) : -dot / range;
    double miss = Math.hypot(dx + vx * tcpa, dy + vy * tcpa);
    double absBearing = Math.toDegrees(Math.atan2(dx, dy));
    double rel = ((absBearing - own.trackDeg) % 360 + 360) % 360;
    return new DaaGeometry(range, dz, rel, closing, tcpa, miss, dz + vz * tcpa);
  }

  public boolean wellClearLost() {
    return rangeM < WELL_CLEAR_H && Math.abs(verticalSepM) < WELL_CLEAR_V;
  }

  /** Well clear is projected to be lost within {@code seconds} (the CPA lies inside the volume and is that close). */
  public boolean lossProjectedWithin(double seconds) {
    return cpaSeconds > 0 && cpaSeconds <= seconds && missDistanceM < WELL_CLEAR_H
        && Math.abs(verticalAtCpaM) < WELL_CLEAR_V;
  }

  public boolean nmacProjectedWithin(double seconds) {
    return cpaSeconds <= seconds && missDistanceM < NMAC_H && Math.abs(verticalAtCpaM) < NMAC_V
        && (cpaSeconds > 0 || rangeM < NMAC_H);
  }

  /** 0 (no alert) to 3 (warning); see {@link Thresholds}. */
  public int level(Thresholds t) {
    if (wellClearLost() || nmacProjectedWithin(t.warningS)) {
      return 3;
    }
    if (lossProjectedWithin(t.correctiveS)) {
      return 2;
    }
    boolean proximate = rangeM < WELL_CLEAR_H * t.proximityFactor
        && Math.abs(verticalSepM) < WELL_CLEAR_V * t.proximityFactor;
    return lossProjectedWithin(t.preventiveS) || proximate ? 1 : 0;
  }
}
