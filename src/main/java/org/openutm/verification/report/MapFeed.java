package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The map of a run while it runs: fed each step record as it finishes, it keeps the records that draw something
 * (declarations, geofences and telemetry sent, air traffic observed, DAA logs) and makes the same GeoJSON as the
 * report's map ({@link MapData#features()}), so the editor's live map and report.html show the same flight.
 */
public final class MapFeed {
  private final JsonArray drawn = new JsonArray();
  private boolean changed;

  /** A finished step record; true when it adds to the map. */
  public boolean add(JsonObject record) {
    if ("running".equals(record.getString("status"))) {
      return false;
    }
    String name = String.valueOf(record.getString("name"));
    boolean exchanges = record.getValue("http_exchanges") instanceof JsonArray a && !a.isEmpty();
    boolean observations = record.getValue("result") instanceof JsonObject r && r.getValue("observations") != null;
    // most steps draw nothing: they are passed over without a look at their bodies
    if (!exchanges && !observations && !name.contains("DAA")) {
      return false;
    }
    if (name.contains("DAA") || !MapData.of(new JsonArray().add(record)).isEmpty()) {
      drawn.add(record);
      changed = true;
      return true;
    }
    return false;
  }

  /** Whether something was added since the last {@link #features()}. */
  public boolean changed() {
    return changed;
  }

  /** A GeoJSON FeatureCollection of everything so far (see {@link MapData#features()}). */
  public JsonObject features() {
    changed = false;
    return MapData.of(drawn).features();
  }
}
