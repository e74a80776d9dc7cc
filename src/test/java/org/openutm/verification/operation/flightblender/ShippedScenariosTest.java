package org.openutm.verification.operation.flightblender;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.ScenarioHarness;

/**
 * Every scenario the project ships runs green against the embedded emulator over the real HTTP API, in the default
 * mode (fastapi = Flight Blender master), except the non-conforming paths F3 and F5: they need a Flight Blender that
 * monitors conformance, so they run in mode django (against master they fail: docs/flight-blender-compatibility.md).
 * The files run unchanged, with their real durations, on the simulated clock at speed 20.
 */
class ShippedScenariosTest {
  @Test
  void everyShippedScenarioPassesAgainstTheEmulator() throws Exception {
    Map<String, String> yaml = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        yaml.put(Path.of("scenarios").relativize(p).toString(), Files.readString(p));
      }
    }
    assertTrue(yaml.size() >= 11, "scenarios found: " + yaml.keySet());
    var outcomes = ScenarioHarness.runAll(yaml, id -> ScenarioHarness.fast(id.contains("non_conforming")
        ? new JsonObject().put("emulator", new JsonObject().put("mode", "django").put("conformance_state_changes", true))
        : new JsonObject()), 120);
    StringBuilder failures = new StringBuilder();
    outcomes.values().stream().filter(o -> !"success".equals(o.status())).forEach(o -> failures.append(o.describe()));
    assertTrue(failures.isEmpty(), failures.toString());
  }
}
