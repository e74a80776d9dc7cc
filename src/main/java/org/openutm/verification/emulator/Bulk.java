package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.emulator.Declarations.Refusal;

/** Bulk submission: each item on its own; 207 with per-item results when any fails. */
final class Bulk {
  private Bulk() {
  }

  static JsonObject submit(EmulatorState st, JsonArray items, boolean intents) {
    JsonArray results = new JsonArray();
    int ok = 0;
    int failed = 0;
    for (int i = 0; i < items.size(); i++) {
      Object item = items.getValue(i);
      try {
        if (!(item instanceof JsonObject o)) {
          throw Refusal.message(400, "item " + i + " must be an object");
        }
        JsonObject r = st.declarations.create(o, st.geofences.boxes(), intents);
        results.add(new JsonObject().put("index", i).put("success", true).put("id", r.getString("id"))
            .put("is_approved", r.getBoolean("is_approved")).put("state", r.getInteger("state")));
        ok++;
      } catch (Refusal e) {
        results.add(new JsonObject().put("index", i).put("success", false)
            .put("message", e.body.getValue("message", e.body.encode())).put("errors", e.body.getValue("errors")));
        failed++;
      } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
        results.add(new JsonObject().put("index", i).put("success", false).put("message", "Malformed item: " + e.getMessage()));
        failed++;
      }
    }
    return new JsonObject().put("submitted", ok).put("failed", failed).put("results", results);
  }
}
