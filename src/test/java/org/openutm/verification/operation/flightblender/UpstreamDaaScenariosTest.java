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
 * The Python toolkit's daa-f3442 family (11 files, up to 100 ownships) runs unchanged against the emulator's DAA
 * engine and the RabbitMQ on this machine, all at once, each in its own service: the suite takes as long as the
 * longest file (about 5 minutes). {@code -Ddaa.only=a1,c1} runs a subset. Skips without ../shared.
 */
class UpstreamDaaScenariosTest {
  static final Path FAMILY = Path.of("../shared/upstream/scenarios/daa-f3442");

  static JsonObject config(String id) {
    return new JsonObject()
        .put("data_search_paths", new JsonArray().add(Path.of("../shared/upstream").toAbsolutePath().toString()))
        .put("amqp", new JsonObject().put("url", System.getProperty("amqp.url", "amqp://guest:guest@127.0.0.1:5672/")));
  }

  @Test
  void upstreamDaaScenariosRunUnchanged() throws Exception {
    assumeTrue(Files.isDirectory(FAMILY), "../shared/upstream is absent");
    String only = System.getProperty("daa.only", "");
    Map<String, String> yaml = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(FAMILY)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String name = p.getFileName().toString();
        if (only.isBlank() || java.util.Arrays.stream(only.split(",")).anyMatch(o -> name.startsWith("daa_" + o.trim()))) {
          yaml.put(name, Files.readString(p));
        }
      }
    }
    var outcomes = ScenarioHarness.runAll(yaml, UpstreamDaaScenariosTest::config, 600, yaml.size());
    StringBuilder failures = new StringBuilder();
    outcomes.values().forEach(o -> System.out.println("[daa] " + o.describe()));
    outcomes.values().stream().filter(o -> !"success".equals(o.status())).forEach(o -> failures.append(o.describe()));
    assertTrue(failures.isEmpty(), failures.toString());
  }
}
