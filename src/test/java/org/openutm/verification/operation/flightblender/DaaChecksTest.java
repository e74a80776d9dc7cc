package org.openutm.verification.operation.flightblender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The DAA verifications on constructed encounters. */
class DaaChecksTest {
  /** An alert closing from {@code range} at {@code closing} m/s from relative bearing {@code bearing}, 1 Hz. */
  static JsonArray encounter(String alert, String icao, double bearing, double range, double closing, int seconds, long t0) {
    JsonArray logs = new JsonArray();
    for (int s = 0; s <= seconds; s++) {
      double r = Math.max(40, range - closing * s);
      double cpa = Math.max(0, (r - 40) / closing);
      int level = r < 150 ? 3 : r < 400 ? 2 : 1;
      String type = s == 0 ? "alert_triggered" : s == seconds ? "alert_resolved" : s % 2 == 0 ? "alert_updated" : "periodic_update";
      logs.add(new JsonObject().put("alert_id", alert).put("intruder_icao", icao).put("event_type", type)
          .put("timestamp", t0 + s).put("alert_level", s == seconds ? 0 : level)
          .put("alert_status", s == seconds ? "resolved" : "active").put("priority_rank", 1).put("bearing_deg", bearing)
          .put("range_m", r).put("vertical_separation_m", 10.0).put("cpa_time_seconds", cpa).put("is_coasted", false));
    }
    return logs;
  }

  @Test
  void complianceNamesMissingFields() {
    JsonArray logs = encounter("a", "INT1", 0, 600, 50, 10, 1000);
    assertTrue(DaaChecks.compliance(logs, new JsonArray(), 1, true, true).getBoolean("success"));
    logs.getJsonObject(2).remove("range_m");
    JsonObject r = DaaChecks.compliance(logs, new JsonArray().add(new JsonObject().put("id", 1)), 20, true, true);
    assertFalse(r.getBoolean("success"));
    JsonObject checks = r.getJsonObject("checks");
    assertFalse(checks.getJsonObject("min_incident_logs").getBoolean("passed"));
    assertTrue(checks.getJsonObject("log_fields").getString("detail").contains("log 2 lacks range_m"));
    assertTrue(checks.getJsonObject("active_alert_fields").getString("detail").contains("lacks ownship_operation"));
  }

  @Test
  void geometryIsClassified() {
    assertEquals("head_on", DaaChecks.encounter(encounter("a", "I", 5, 700, 60, 10, 0), null, "head_on", true, true, true, 1.0)
        .getJsonArray("geometry").getString(0));
    assertEquals("crossing", DaaChecks.encounter(encounter("a", "I", 90, 700, 40, 10, 0), null, "any", true, true, true, 1.0)
        .getJsonArray("geometry").getString(0));
    assertEquals("overtake", DaaChecks.encounter(encounter("a", "I", 180, 700, 15, 10, 0), null, "any", false, true, true, 1.0)
        .getJsonArray("geometry").getString(0));
    JsonObject wrong = DaaChecks.encounter(encounter("a", "I", 90, 700, 40, 10, 0), null, "head_on", true, true, true, 1.0);
    assertFalse(wrong.getBoolean("success"));
    assertFalse(wrong.getJsonObject("checks").getJsonObject("geometry").getBoolean("passed"));
  }

  @Test
  void encounterCriteria() {
    JsonArray logs = encounter("a", "I", 0, 700, 60, 12, 0);
    JsonObject ok = DaaChecks.encounter(logs, new JsonArray().add(1).add(2).add(3), "head_on", true, true, true, 1.0);
    assertTrue(ok.getBoolean("success"), ok.encode());
    JsonArray gappy = encounter("a", "I", 0, 700, 60, 10, 0);
    gappy.remove(4);
    JsonObject gap = DaaChecks.encounter(gappy, null, "any", true, true, true, 1.0);
    assertFalse(gap.getJsonObject("checks").getJsonObject("update_rate").getBoolean("passed"));
    JsonArray noResolve = encounter("a", "I", 0, 700, 60, 10, 0);
    noResolve.remove(noResolve.size() - 1);
    assertFalse(DaaChecks.encounter(noResolve, null, "any", true, true, true, 1.0).getJsonObject("checks")
        .getJsonObject("lifecycle").getBoolean("passed"));
    assertFalse(DaaChecks.encounter(logs, new JsonArray().add(4), "any", true, true, true, 1.0).getBoolean("success"));
    // an intruder that only crosses the outer volume stays at level 1: fine while another alert escalates
    JsonArray flat = encounter("b", "FAR", 90, 1200, 10, 12, 0);
    JsonArray both = logs.copy();
    both.addAll(flat);
    assertTrue(DaaChecks.encounter(both, null, "any", true, true, true, 1.0).getJsonObject("checks")
        .getJsonObject("escalation").getBoolean("passed"));
    JsonObject none = DaaChecks.encounter(flat, null, "any", true, true, true, 1.0);
    assertFalse(none.getJsonObject("checks").getJsonObject("escalation").getBoolean("passed"), none.encode());
    JsonArray dropping = encounter("c", "I", 0, 700, 60, 12, 0);
    dropping.getJsonObject(10).put("alert_level", 1);
    assertFalse(DaaChecks.encounter(dropping, null, "any", true, true, true, 1.0).getJsonObject("checks")
        .getJsonObject("escalation").getBoolean("passed"), "a level may not drop before the alert resolves");
  }

  @Test
  void sharedIntruder() {
    JsonArray logs = encounter("a1", "INTC1", 40, 900, 30, 20, 0);
    logs.addAll(encounter("a2", "INTC1", 300, 600, 30, 20, 5));
    JsonObject ok = DaaChecks.sharedIntruder(logs, "INTC1", 2, 25, 5, false);
    assertTrue(ok.getBoolean("success"), ok.encode());
    JsonObject one = DaaChecks.sharedIntruder(encounter("a1", "INTC1", 40, 900, 30, 20, 0), "INTC1", 2, 25, 5, false);
    assertFalse(one.getBoolean("success"));
    logs.addAll(encounter("a3", "OTHER", 40, 900, 30, 20, 0));
    assertFalse(DaaChecks.sharedIntruder(logs, "INTC1", 2, 25, 5, false).getJsonObject("checks")
        .getJsonObject("other_intruders").getBoolean("passed"));
  }

  /** A CPA time may lag by the age of the data a tick used (a few seconds), not jump back up. */
  @Test
  void aCpaTimeCountsDownWithinTheJitterOfStaleData() {
    java.util.function.Function<double[], java.util.List<JsonObject>> seq = values -> {
      java.util.List<JsonObject> l = new java.util.ArrayList<>();
      for (double v : values) {
        l.add(new JsonObject().put("cpa_time_seconds", v));
      }
      return l;
    };
    assertEquals(null, DaaChecks.rise(seq.apply(new double[] {30, 29, 28, 31.5, 27, 26}), "cpa_time_seconds"));
    assertEquals("rose from 20.0 to 40.0 s", DaaChecks.rise(seq.apply(new double[] {30, 20, 40}), "cpa_time_seconds"));
    assertEquals(null, DaaChecks.rise(seq.apply(new double[] {3, 0, 25}), "cpa_time_seconds"), "after the CPA");
  }
}
