package org.openutm.verification.operation.airtraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openutm.verification.operation.Generators;
import org.openutm.verification.operation.OperationFailure;

class BlueSkyTest {
  static final String SCN = """
      # a head-on pair
      00:00:00.00>POLY BOX 53.51,-113.61 53.51,-113.54 53.53,-113.54 53.53,-113.61
      00:00:00.00>TRAILS ON
      00:00:00.00>CRE INTA1,C172,53.5200,-113.5500,270,400,87
      00:00:00.00>INTA1 ADDWPT 53.5200,-113.5750
      00:00:00.00>INTA1 ADDWPT 53.5300,-113.5750
      00:00:05.00>CRE LATE,B744,53.0,-113.0,090,FL080,250
      00:00:30.00>HOLD
      """;

  @Test
  void fliesToWaypointsAtSpeedWithBoundedTurns() {
    JsonArray obs = BlueSky.simulate(SCN, "a1.scn", 120, 0, new JsonArray());
    List<JsonObject> a1 = obs.stream().map(o -> (JsonObject) o).filter(o -> o.getString("icao_address").equals("INTA1")).toList();
    assertEquals(120, a1.size());
    double step = Generators.distance(new double[] {a1.get(0).getDouble("lon_dd"), a1.get(0).getDouble("lat_dd")},
        new double[] {a1.get(1).getDouble("lon_dd"), a1.get(1).getDouble("lat_dd")});
    assertEquals(87 * BlueSky.KT, step, 0.5, "87 kt a second");
    assertEquals(400 * 304.8, a1.get(0).getLong("altitude_mm"), 1);
    for (int i = 1; i < a1.size(); i++) {
      double d = Math.abs(((a1.get(i).getJsonObject("metadata").getJsonObject("current_state").getDouble("track")
          - a1.get(i - 1).getJsonObject("metadata").getJsonObject("current_state").getDouble("track")) + 540) % 360 - 180);
      assertTrue(d <= 3.01, "turn of " + d + " deg in a second");
    }
    JsonObject last = a1.get(119);
    assertTrue(last.getDouble("lat_dd") > 53.521, "turned north after the first waypoint: " + last.encode());
    long late = obs.stream().filter(o -> ((JsonObject) o).getString("icao_address").equals("LATE")).count();
    assertEquals(115, late, "created at 5 s");
    assertEquals(8000 * 304.8, obs.stream().map(o -> (JsonObject) o).filter(o -> o.getString("icao_address").equals("LATE"))
        .findFirst().orElseThrow().getLong("altitude_mm"), 1, "FL080");
  }

  @Test
  void unknownCommandNamesFileAndLine() {
    OperationFailure e = assertThrows(OperationFailure.class,
        () -> BlueSky.simulate("00:00:00.00>CRE A,B,1,2,3,4,5\n00:00:01.00>TELEPORT A\n", "x.scn", 5, 0, new JsonArray()));
    assertTrue(e.getMessage().startsWith("x.scn:2: unknown command 'TELEPORT'"), e.getMessage());
    assertThrows(OperationFailure.class, () -> BlueSky.simulate("not timed\n", "y.scn", 5, 0, new JsonArray()));
  }

  @Test
  void everyUpstreamScnRuns() throws Exception {
    Path config = Path.of("../shared/upstream/config");
    assumeTrue(Files.isDirectory(config), "../shared/upstream is absent");
    List<Path> files;
    try (Stream<Path> s = Files.walk(config)) {
      files = s.filter(p -> p.toString().endsWith(".scn")).toList();
    }
    assertTrue(files.size() >= 10, "scn files: " + files.size());
    for (Path f : files) {
      JsonArray obs = BlueSky.simulate(Files.readString(f), f.getFileName().toString(), 60, 0, new JsonArray());
      assertTrue(obs.size() > 0, f + " produced no traffic");
    }
  }
}
