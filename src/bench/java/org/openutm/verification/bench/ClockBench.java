package org.openutm.verification.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.openutm.verification.support.CorpusSteps;
import org.openutm.verification.support.ScenarioHarness;

/**
 * Issue 20 benchmark: the upstream DAA family (11 files, mode fastapi, all at once as UpstreamDaaScenariosTest runs
 * them) at each speed given, first at speed 1 (the baseline of the same run): wall time, the ratio to speed 1, the
 * achieved speed, and whether every run gave the speed-1 run's status for every step. Run:
 * {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.bench.ClockBench
 * -Dbench.args="1 20 50 100"}.
 */
public final class ClockBench {
  static final Path FAMILY = Path.of("../shared/upstream/scenarios/daa-f3442");

  public static void main(String[] args) throws Exception {
    Map<String, String> yaml = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(FAMILY)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        yaml.put(p.getFileName().toString(), Files.readString(p));
      }
    }
    Map<String, JsonObject> baseline = null;
    double baseWall = 0;
    System.out.printf("%-7s %10s %8s %9s %s%n", "speed", "wall s", "ratio", "achieved", "steps as at speed 1");
    for (String a : args.length == 0 ? new String[] {"1", "20", "50", "100"} : args) {
      double speed = Double.parseDouble(a);
      long t0 = System.nanoTime();
      Map<String, ScenarioHarness.Outcome> out = ScenarioHarness.runAll(yaml, id -> new JsonObject()
          .put("clock", new JsonObject().put("speed", speed))
          .put("data_search_paths", new JsonArray().add(Path.of("../shared/upstream").toAbsolutePath().toString()))
          .put("amqp", new JsonObject().put("url", "amqp://guest:guest@127.0.0.1:5672/")), 1_200, yaml.size());
      double wall = (System.nanoTime() - t0) / 1e9;
      double achieved = ScenarioHarness.achieved(out);
      Map<String, JsonObject> steps = new LinkedHashMap<>();
      out.forEach((id, o) -> steps.put(id, CorpusSteps.steps(o)));
      String same;
      if (baseline == null) {
        baseline = steps;
        baseWall = wall;
        same = "(baseline)";
      } else {
        Map<String, JsonObject> base = baseline;
        long differing = steps.entrySet().stream().filter(e -> !e.getValue().equals(base.get(e.getKey()))).count();
        same = differing == 0 ? "all " + steps.size() + " runs" : differing + " of " + steps.size() + " runs differ";
      }
      System.out.printf("%-7s %10.1f %8.1f %9.1f %s%n", a, wall, baseWall / wall, achieved, same);
    }
  }
}
