package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The map of a run while it runs: fed each step record as it finishes, it keeps the records that draw something
 * (declarations, geofences and telemetry sent, air traffic observed, DAA logs) and makes the same GeoJSON as the
 * report's map ({@link MapData#features()}), so the editor's live map and report.html show the same flight.
 */
public final class MapFeed {
  private final MapData data = new MapData();
  /** The DAA steps (their incident logs give the closest approaches, read again from all of them when drawn). */
  private final JsonArray daa = new JsonArray();
  private boolean changed;

  /** A finished step record; true when it adds to the map. Each record is read once. */
  public boolean add(JsonObject record) {
    if ("running".equals(record.getString("status"))) {
      return false;
    }
    String name = String.valueOf(record.getString("name"));
    boolean logs = record.getValue("result") instanceof JsonArray r && !r.isEmpty()
        && r.getValue(0) instanceof JsonObject first && first.containsKey("alert_level");
    if (name.contains("DAA") || logs) {
      daa.add(record);
      changed = true;
      return true;
    }
    boolean exchanges = record.getValue("http_exchanges") instanceof JsonArray a && !a.isEmpty();
    boolean observations = record.getValue("result") instanceof JsonObject r && r.getValue("observations") != null;
    // most steps draw nothing: they are passed over without a look at their bodies
    if (!exchanges && !observations) {
      return false;
    }
    int before = data.size();
    data.add(record);
    boolean added = data.size() != before;
    changed |= added;
    return added;
  }

  /** Whether something was added since the last {@link #features()}. */
  public boolean changed() {
    return changed;
  }

  /** A GeoJSON FeatureCollection of everything so far (see {@link MapData#features()}). */
  public JsonObject features() {
    changed = false;
    if (!daa.isEmpty()) {
      data.encounters(daa);
    }
    return data.features();
  }
}
