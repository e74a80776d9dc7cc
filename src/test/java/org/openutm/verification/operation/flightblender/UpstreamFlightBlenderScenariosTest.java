package org.openutm.verification.operation.flightblender;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.ScenarioHarness;

/**
 * The Python toolkit's standard-scenarios, flight-declarations, geo-fence, sdsp-f3623 and airtraffic-simulations
 * families run unchanged against the emulator (and a local OpenSky stand-in) with its own data (../shared/upstream/config). Per-scenario trajectories follow the upstream config's
 * suites (F2 -> trajectory_f2), except F3 and F5: at the Python toolkit's telemetry cadence (0.4 % of the line per
 * second, see Generators) the upstream trajectory_f3 and trajectory_f5 cover 119 m in the 20 s these scenarios submit
 * and stay inside the declared box (their exit is 225 m away), so no conformance monitor could flag them; F3 and F5
 * get this project's own trajectories (conf/data/bern), which leave the box within seconds. Skips without ../shared.
 */
class UpstreamFlightBlenderScenariosTest {
  static final Path UPSTREAM = Path.of("../shared/upstream");
  /** Scenarios this project cannot run yet (none). */
  static final java.util.Set<String> NOT_YET = java.util.Set.of();

  /** A local stand-in for the OpenSky Network (the upstream opensky scenario polls it). */
  static int openskyPort;

  static JsonObject config(String id) {
    String trajectory = id.contains("F2_") ? "trajectory_f2" : id.contains("F3_") ? "trajectory_f3"
        : id.contains("F5_") ? "trajectory_f5" : "trajectory_f1";
    String trajectoryFile = id.contains("F3_") || id.contains("F5_")
        ? Path.of("conf/data/bern/" + trajectory + ".json").toAbsolutePath().toString() : "config/bern/" + trajectory + ".json";
    return new JsonObject().put("data_search_paths", new JsonArray().add(UPSTREAM.toAbsolutePath().toString()))
        .put("data_files", new JsonObject().put("trajectory", trajectoryFile)
            .put("flight_declaration", "config/bern/flight_declaration.json")
            .put("flight_declaration_via_operational_intent", "config/bern/flight_declaration_via_operational_intent.json")
            .put("geo_fence", "config/bern/geo_fence.geojson")
            .put("simulation", "config/bern/blue_sky_sim_example.scn"))
        .put("opensky", new JsonObject().put("url", "http://127.0.0.1:" + openskyPort));
  }

  @Test
  void upstreamFlightBlenderScenariosRunUnchanged() throws Exception {
    assumeTrue(Files.isDirectory(UPSTREAM), "../shared/upstream is absent");
    Map<String, String> yaml = new LinkedHashMap<>();
    io.vertx.core.Vertx peer = io.vertx.core.Vertx.vertx();
    openskyPort = org.openutm.verification.support.TestService.await(peer.createHttpServer().requestHandler(req ->
        req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("time", 1)
            .put("states", new JsonArray().add(new JsonArray().add("4b1814").add("SWR12").add("CH").add(1).add(1)
                .add(7.45).add(46.95).add(1200.0).add(false).add(70.0).add(90.0).add(0.0))).encode()))
        .listen(0, "127.0.0.1")).actualPort();
    for (String family : new String[] {"standard-scenarios", "flight-declarations", "geo-fence", "sdsp-f3623",
        "airtraffic-simulations"}) {
      try (Stream<Path> files = Files.list(UPSTREAM.resolve("scenarios").resolve(family))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          if (NOT_YET.contains(p.getFileName().toString())) {
            continue;
          }
          yaml.put(family + "/" + p.getFileName(), Files.readString(p));
        }
      }
    }
    var outcomes = ScenarioHarness.runAll(yaml, UpstreamFlightBlenderScenariosTest::config, 150);
    org.openutm.verification.support.TestService.await(peer.close());
    StringBuilder failures = new StringBuilder();
    outcomes.values().stream().filter(o -> !"success".equals(o.status())).forEach(o -> failures.append(o.describe()));
    assertTrue(failures.isEmpty(), failures.toString());
  }
}
