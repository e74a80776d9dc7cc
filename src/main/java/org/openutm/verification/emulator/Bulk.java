package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.emulator.Declarations.Refusal;

/**
 * Bulk submission as both eras do it: every valid item stored first, then the whole batch deconflicted item against
 * item (so overlapping items all get state 8) where the era deconflicts; 207 with per-item results when any fails.
 */
final class Bulk {
  private Bulk() {
  }

  static JsonObject submit(EmulatorState st, JsonArray items, boolean intents) {
    JsonObject[] results = new JsonObject[items.size()];
    java.util.List<JsonObject> stored = new java.util.ArrayList<>();
    java.util.List<Integer> at = new java.util.ArrayList<>();
    int failed = 0;
    for (int i = 0; i < items.size(); i++) {
      Object item = items.getValue(i);
      try {
        if (!(item instanceof JsonObject o)) {
          throw Refusal.message(400, "item " + i + " must be an object");
        }
        stored.add(st.declarations.store(o, intents));
        at.add(i);
      } catch (Refusal e) {
        results[i] = new JsonObject().put("index", i).put("success", false)
            .put("message", e.body.getValue("message", e.body.encode())).put("errors", e.body.getValue("errors"));
        failed++;
      } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
        results[i] = new JsonObject().put("index", i).put("success", false).put("message", "Malformed item: " + e.getMessage());
        failed++;
      }
    }
    boolean deconflicted = st.declarations.deconflicts(intents);
    if (deconflicted) {
      st.declarations.deconflict(stored, st.geofences.fences());
    }
    for (int k = 0; k < stored.size(); k++) {
      JsonObject r = st.declarations.announce(stored.get(k), deconflicted);
      results[at.get(k)] = new JsonObject().put("index", at.get(k)).put("success", true).put("id", r.getString("id"))
          .put("is_approved", r.getBoolean("is_approved")).put("state", r.getInteger("state"));
    }
    return new JsonObject().put("submitted", stored.size()).put("failed", failed).put("results", new JsonArray(java.util.List.of(results)));
  }
}
