package org.openutm.verification.scenario;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.model.Problem;

/**
 * The compatibility corpus: every scenario of the Python toolkit (../shared/upstream/scenarios) parses, and every
 * validation problem it gets names an upstream operation this project has not built yet. Skips without ../shared.
 */
class UpstreamCorpusTest {
  static final Path CORPUS = Path.of("../shared/upstream/scenarios");
  static final Pattern UNKNOWN = Pattern.compile("unknown operation or group '([^']+)'");

  /** The Python toolkit's 50 display names (reference section 4). */
  static final Set<String> UPSTREAM = Set.of("Upload Geo Fence", "Get Geo Fence", "Delete Geo Fence",
      "Upload Flight Declaration", "Bulk Upload Flight Declarations", "Upload Flight Declaration Via Operational Intent",
      "Upload two Flight Declarations Via Operational Intent", "Wait for User Input", "Update Operation State",
      "Update Operation State of declaration", "Submit Telemetry (from file)", "Submit Telemetry",
      "Submit Telemetry For Declaration", "Check Operation State", "Check Operation State Connected",
      "Cleanup Flight Declarations", "Delete Flight Declaration", "Teardown Flight Declaration",
      "Submit Simulated Air Traffic", "Submit Simulated Air Traffic at varying refresh rates", "Submit Air Traffic",
      "Verify Reported Metrics in Flight Blender", "Get Active DAA Alerts", "Get DAA Incident Logs",
      "Verify DAA ASTM F3442 API Compliance", "Verify DAA Encounter Criteria", "Verify DAA Shared Intruder Independence",
      "Get Active Sensors from SDSP", "Set Sensor Failure in SDSP", "List Sensor Failure Notifications from SDSP",
      "Start / Stop SDSP Session", "Verify SDSP Track", "Verify SDSP Heartbeat", "Setup Flight Declaration",
      "Setup Flight Declaration via Operational Intent", "Setup Two Flight Declarations",
      "Setup Two Flight Declarations With Paths", "Setup Multiple Flight Declarations With Paths",
      "Setup Two Operational Intents", "Generate UUID", "Generate Telemetry", "Generate Random Number",
      "Wait X seconds", "Start AMQP Queue Monitor", "Stop AMQP Queue Monitor", "Get AMQP Messages",
      "Wait for AMQP Messages", "Clear AMQP Messages", "Check AMQP Connection", "Stream Air Traffic");

  @Test
  void everyUpstreamScenarioParsesAndOnlyMissesOperationsNotBuiltYet() throws Exception {
    assumeTrue(Files.isDirectory(CORPUS), "../shared/upstream is absent");
    assertTrue(UPSTREAM.size() == 50);
    OperationCatalog catalog = OperationCatalog.standard();
    List<Path> files;
    try (Stream<Path> s = Files.walk(CORPUS)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 31, "the corpus has 31 scenarios, found " + files.size());
    List<String> wrong = new ArrayList<>();
    for (Path f : files) {
      Scenarios.Checked c = Scenarios.checkYaml(Files.readString(f), catalog, 50_000);
      assertNotNull(c.scenario(), f + " does not parse: " + c.problems());
      for (Problem p : c.problems()) {
        Matcher m = UNKNOWN.matcher(p.message());
        boolean notBuilt = m.find() && UPSTREAM.contains(m.group(1)) && catalog.find(m.group(1)) == null;
        if (!notBuilt) {
          wrong.add(CORPUS.relativize(f) + " " + p);
        }
      }
    }
    assertTrue(wrong.isEmpty(), "problems beyond operations not built yet:\n" + String.join("\n", wrong));
  }
}
