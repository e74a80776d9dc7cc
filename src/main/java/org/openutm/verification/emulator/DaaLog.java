package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One incident log entry, kept compact (about 150 bytes; the JSON form is built when served): 200,000 of them fit
 * in some 30 MB instead of 300 MB of JsonObjects, which also keeps garbage-collection pauses off the 1 Hz tick.
 */
record DaaLog(long id, String alertId, String ownship, String intruder, String event, long timeMillis, int level,
    int rank, float bearing, float range, float vertical, float cpa, float miss, float closing, boolean coasted,
    double ownLat, double ownLng, float ownAlt, double intLat, double intLng, float intAlt) {

  boolean resolved() {
    return event.equals("alert_resolved");
  }

  JsonObject json() {
    return new JsonObject().put("id", id).put("alert_id", alertId).put("ownship_operation", ownship)
        .put("intruder_icao", intruder).put("event_type", event).put("timestamp", Instant.ofEpochMilli(timeMillis).toString())
        .put("alert_level", level).put("alert_status", resolved() ? "resolved" : "active").put("priority_rank", rank)
        .put("bearing_deg", r(bearing)).put("range_m", r(range)).put("vertical_separation_m", r(vertical))
        .put("cpa_time_seconds", r(cpa)).put("horizontal_miss_distance_m", r(miss)).put("closing_speed_mps", r(closing))
        .put("is_coasted", coasted).put("ownship_position", position(ownLat, ownLng, ownAlt))
        .put("intruder_position", position(intLat, intLng, intAlt));
  }

  private static JsonObject position(double lat, double lng, float alt) {
    return Double.isNaN(lat) ? null : new JsonObject().put("lat", Math.round(lat * 1e7) / 1e7)
        .put("lng", Math.round(lng * 1e7) / 1e7).put("alt", r(alt));
  }

  private static double r(float v) {
    return Math.round(v * 10) / 10.0;
  }
}
