package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openutm.verification.emulator.DaaGeometry.Kinematics;
import org.openutm.verification.emulator.DaaGeometry.Thresholds;
import org.openutm.verification.operation.flightblender.DaaChecks;

/**
 * The DAA engine on constructed encounters with CPA figures worked out by hand: geometry, levels, the alert
 * lifecycle over a whole encounter, several intruders, and one intruder shared by two ownships.
 */
class DaaEngineTest {
  static final double LAT = 53.52;
  static final double M_LON = DaaGeometry.M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(LAT));

  /** An aircraft x metres east and y metres north of (LAT, -113.6), flying at (vE, vN) m/s. */
  static Kinematics at(double x, double y, double alt, double vE, double vN) {
    return new Kinematics(LAT + y / DaaGeometry.M_PER_DEG_LAT, -113.6 + x / M_LON, alt, vE, vN, 0,
        (Math.toDegrees(Math.atan2(vE, vN)) + 360) % 360);
  }

  @Test
  void headOnGeometryHasTheCpaWorkedOutByHand() {
    // ownship east at 15 m/s, intruder 3,000 m east flying west at 45 m/s: closing 60 m/s, CPA in 50 s, miss 0
    DaaGeometry g = DaaGeometry.of(at(0, 0, 120, 15, 0), at(3000, 0, 130, -45, 0));
    assertEquals(3000, g.rangeM(), 1.0);
    assertEquals(60, g.closingMps(), 0.01);
    assertEquals(50, g.cpaSeconds(), 0.05);
    assertEquals(0, g.missDistanceM(), 0.5);
    assertEquals(0, g.bearingDeg(), 0.1, "straight ahead");
    assertEquals(10, g.verticalSepM(), 1e-9);
    assertEquals(1, g.level(Thresholds.DEFAULT), "loss of well clear projected in 50 s: preventive");
    assertEquals(2, DaaGeometry.of(at(0, 0, 120, 15, 0), at(1400, 0, 130, -45, 0)).level(Thresholds.DEFAULT),
        "CPA in 23 s: corrective");
    assertEquals(3, DaaGeometry.of(at(0, 0, 120, 15, 0), at(800, 0, 130, -45, 0)).level(Thresholds.DEFAULT),
        "NMAC projected in 13 s: warning");
    assertEquals(3, DaaGeometry.of(at(0, 0, 120, 15, 0), at(500, 0, 130, 45, 0)).level(Thresholds.DEFAULT),
        "inside the well-clear volume: warning even when diverging");
  }

  @Test
  void crossingGeometry() {
    // ownship north at 12 m/s; intruder 2,000 m west, 300 m north, flying east at 50 m/s
    // relative position (-2000, 300), relative velocity (50, -12): t = (100000 + 3600) / 2644 = 39.18 s
    DaaGeometry g = DaaGeometry.of(at(0, 0, 120, 0, 12), at(-2000, 300, 107, 50, 0));
    assertEquals(39.18, g.cpaSeconds(), 0.05);
    double mx = -2000 + 50 * 39.18;
    double my = 300 - 12 * 39.18;
    assertEquals(Math.hypot(mx, my), g.missDistanceM(), 1.0);
    assertEquals(278.5, g.bearingDeg(), 0.2, "off the left side, slightly ahead");
    assertEquals(-13, g.verticalSepM(), 1e-9);
    assertEquals(1, g.level(Thresholds.DEFAULT));
  }

  @Test
  void overtakeAndNoConflict() {
    // intruder 2,000 m behind on the same track, 60 against 15 m/s: CPA in 2000/45 = 44.4 s
    DaaGeometry over = DaaGeometry.of(at(0, 0, 120, 15, 0), at(-2000, 0, 127, 60, 0));
    assertEquals(44.44, over.cpaSeconds(), 0.05);
    assertEquals(180, over.bearingDeg(), 0.1, "from behind");
    // 5 km abeam on a parallel track: no conflict
    DaaGeometry parallel = DaaGeometry.of(at(0, 0, 120, 15, 0), at(0, 5000, 120, 15, 0));
    assertEquals(0, parallel.level(Thresholds.DEFAULT));
    assertEquals(0, parallel.cpaSeconds(), 1e-9);
    // head-on but 300 m above: the vertical separation keeps it out of the well-clear volume
    assertEquals(0, DaaGeometry.of(at(0, 0, 120, 15, 0), at(1000, 0, 420, -45, 0)).level(Thresholds.DEFAULT));
  }

  /** An engine fed one encounter at 1 Hz: aircraft move in straight lines; logs as the endpoint serves them. */
  static final class Sim {
    final List<String> published = new ArrayList<>();
    final DaaEngine engine = new DaaEngine(DaaEngine.Options.from(new JsonObject()),
        (key, body, level) -> published.add(key + " " + level + " " + body));
    long t0 = 1_800_000_000_000L;

    void run(int seconds, Set<String> operating, Aircraft... aircraft) {
      for (int s = 0; s < seconds; s++) {
        long now = t0 + s * 1000L;
        for (Aircraft a : aircraft) {
          Kinematics k = a.start.advanced(s);
          if (a.ownship) {
            engine.ownship(a.id, new JsonObject().put("position", new JsonObject().put("lat", k.lat()).put("lng", k.lon())
                .put("alt", k.altM())).put("timestamp", new JsonObject().put("value", Instant.ofEpochMilli(now).toString()))
                .put("speed", Math.hypot(k.vEast(), k.vNorth())).put("track", k.trackDeg()), now);
          } else {
            engine.intruder(a.id, new JsonObject().put("lat_dd", k.lat()).put("lon_dd", k.lon())
                .put("altitude_mm", k.altM() * 1000).put("timestamp", now * 1000), now);
          }
        }
        engine.tick(now + 100, operating::contains);
      }
    }

    JsonArray logs() {
      return engine.logs(null, null, null, null, null, null);
    }
  }

  record Aircraft(String id, boolean ownship, Kinematics start) {
  }

  @Test
  void headOnEncounterEscalatesOneToThreeThenResolvesAndPassesTheF3442Checks() {
    Sim sim = new Sim();
    sim.run(120, Set.of("own"), new Aircraft("own", true, at(0, 0, 120, 15, 0)),
        new Aircraft("INT1", false, at(3500, 0, 122, -45, 0)));
    JsonArray logs = sim.logs();
    List<String> events = logs.stream().map(o -> ((JsonObject) o).getString("event_type")).toList();
    assertEquals("alert_triggered", events.get(0));
    assertEquals("alert_resolved", events.get(events.size() - 1));
    assertTrue(events.containsAll(List.of("alert_updated", "periodic_update")));
    JsonObject first = logs.getJsonObject(0);
    assertEquals(1, first.getInteger("alert_level"));
    // the intruder's velocity is known from its second report (t = 1 s): 3,440 m apart closing at 60 m/s
    assertEquals(57.2, first.getDouble("cpa_time_seconds"), 0.2);
    JsonObject enc = DaaChecks.encounter(logs, new JsonArray().add(1).add(2).add(3), "head_on", true, true, true, 1.0);
    assertTrue(enc.getBoolean("success"), enc.encodePrettily());
    JsonObject comp = DaaChecks.compliance(logs, sim.engine.activeAlerts(), 1, true, true);
    assertTrue(comp.getBoolean("success"), comp.encodePrettily());
    assertEquals(0, sim.engine.activeAlerts().size(), "resolved after the intruder passed");
    assertTrue(sim.published.stream().anyMatch(p -> p.startsWith("own critical DAA alert_updated")), sim.published.toString());
    assertTrue(sim.published.stream().anyMatch(p -> p.startsWith("own info DAA alert_resolved")));
    assertEquals(0, sim.engine.logs("alert_triggered", 2, null, null, null, null).size(), "filters: triggered at level 1");
    String alertId = first.getString("alert_id");
    assertEquals(logs.size(), sim.engine.logs(null, null, null, null, alertId, null).size());
  }

  @Test
  void overtakeAndCrossingAreClassifiedByTheChecks() {
    Sim over = new Sim();
    over.run(120, Set.of("own"), new Aircraft("own", true, at(0, 0, 100, 15, 0)),
        new Aircraft("SR22", false, at(-3000, 0, 107, 60, 0)));
    assertTrue(DaaChecks.encounter(over.logs(), new JsonArray().add(1).add(2).add(3), "overtake", true, true, true, 1.0)
        .getBoolean("success"), over.logs().encodePrettily());
    Sim cross = new Sim();
    cross.run(100, Set.of("own"), new Aircraft("own", true, at(0, 0, 120, 0, 12)),
        new Aircraft("PA28", false, at(-2900, 250, 107, 50, 0)));
    JsonObject enc = DaaChecks.encounter(cross.logs(), new JsonArray().add(1).add(2).add(3), "crossing", true, true, true, 1.0);
    assertTrue(enc.getBoolean("success"), enc.encodePrettily());
  }

  @Test
  void noConflictRaisesNothingAndEndedOperationsResolve() {
    Sim far = new Sim();
    far.run(60, Set.of("own"), new Aircraft("own", true, at(0, 0, 120, 15, 0)),
        new Aircraft("FAR", false, at(0, 6000, 120, 15, 0)));
    assertEquals(0, far.logs().size());
    // an alert open when the operation ends is resolved at the next tick
    Sim ended = new Sim();
    ended.run(20, Set.of("own"), new Aircraft("own", true, at(0, 0, 120, 15, 0)),
        new Aircraft("INT", false, at(2000, 0, 120, -45, 0)));
    assertEquals(1, ended.engine.activeAlerts().size());
    ended.engine.tick(ended.t0 + 21_000, id -> false);
    assertEquals(0, ended.engine.activeAlerts().size());
    JsonArray logs = ended.logs();
    assertEquals("alert_resolved", logs.getJsonObject(logs.size() - 1).getString("event_type"));
  }

  @Test
  void multipleIntrudersAreRankedAndASharedIntruderAlertsEachOwnshipIndependently() {
    Sim multi = new Sim();
    multi.run(15, Set.of("own"), new Aircraft("own", true, at(0, 0, 120, 15, 0)),
        new Aircraft("NEAR", false, at(1500, 0, 120, -45, 0)), new Aircraft("FARTHER", false, at(600, 2600, 120, 0, -45)));
    JsonArray active = multi.engine.activeAlerts();
    assertEquals(2, active.size());
    JsonObject near = active.stream().map(o -> (JsonObject) o).filter(a -> a.getString("intruder_icao").equals("NEAR"))
        .findFirst().orElseThrow();
    assertEquals(1, near.getJsonObject("active_log_entry").getInteger("priority_rank"), "soonest, highest threat first");
    Sim shared = new Sim();
    shared.run(150, Set.of("alpha", "bravo"), new Aircraft("alpha", true, at(0, 0, 120, 5, 0)),
        new Aircraft("bravo", true, at(1500, 300, 120, 0, 5)), new Aircraft("B206", false, at(-2500, 800, 120, 30, 0)));
    JsonObject checks = DaaChecks.sharedIntruder(shared.logs(), "B206", 2, 25, 5, false);
    assertTrue(checks.getBoolean("success"), checks.encodePrettily());
    assertFalse(shared.logs().isEmpty());
  }
}
