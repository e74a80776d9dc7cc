package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.cli.CliAccess;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;

/**
 * Port of the toolkit's tests/test_suite_scenario_merge.py (7 tests): a suite scenario's data-file overrides win and
 * the config's data_files fill what it leaves out. Where the source inspects its merged model, each scenario here
 * probes what its steps see: a step {@code if: data_files.<key> == '<expected>'} runs only when the value is the one
 * expected, and the run goes through {@code run --suite} as users run it.
 */
class SuiteScenarioMergeToolkitTest {
  @TempDir
  Path dir;

  static final List<String> KEYS = List.of("trajectory", "simulation", "flight_declaration",
      "flight_declaration_via_operational_intent", "geo_fence");

  /**
   * Writes a config with {@code dataFiles} and one suite "basic" of the given scenarios (name -> overrides), each a
   * scenario probing {@code expected.get(name)} (key -> value, or null for None); runs the suite; the exit code.
   */
  String runSuite(Map<String, String> dataFiles, Map<String, Map<String, String>> scenarios,
      Map<String, Map<String, String>> expected) throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Path sc = Files.createDirectories(dir.resolve("scenarios"));
    StringBuilder yaml = new StringBuilder("version: '1.0'\nscenario_docs: ignore\nscenarios:\n  dir: " + sc + "\n"
        + "reporting:\n  output_dir: " + dir.resolve("reports") + "\n  formats: [json]\ndata_files:\n");
    dataFiles.forEach((k, v) -> yaml.append("  ").append(k).append(": ").append(v).append('\n'));
    yaml.append("suites:\n  basic:\n    scenarios:\n");
    for (var e : scenarios.entrySet()) {
      yaml.append("      - name: ").append(e.getKey()).append('\n');
      e.getValue().forEach((k, v) -> yaml.append("        ").append(k).append(": ").append(v).append('\n'));
      StringBuilder probe = new StringBuilder("name: " + e.getKey() + "\nsteps:\n");
      expected.get(e.getKey()).forEach((k, v) -> probe.append("  - id: ").append(e.getKey()).append('_').append(k)
          .append("\n    step: Generate UUID\n    if: \"data_files.").append(k).append(" == ")
          .append(v == null ? "None" : "'" + v + "'").append("\"\n"));
      Files.writeString(sc.resolve(e.getKey() + ".yaml"), probe);
    }
    for (Map<String, String> files : List.copyOf(scenarios.values())) {
      touch(config, files.values());
    }
    touch(config, dataFiles.values());
    Path file = config.resolve("config.yaml");
    Files.writeString(file, yaml);
    AppConfig cfg = ConfigLoader.load(file.toString(), Map.of(), null);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = CliAccess.runSuites(List.of("basic"), cfg, file.toString(), new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    return out;
  }

  /** The data files named, beside the config (relative paths resolve against its folder). */
  static void touch(Path config, java.util.Collection<String> names) throws Exception {
    for (String n : names) {
      Path p = config.resolve(n);
      if (!Files.exists(p)) {
        Files.writeString(p, "{}");
      }
    }
  }

  /** Every probe of the scenario ran: each data file had the value expected. */
  static void seen(String out, String scenario, Map<String, String> expected) {
    for (String key : expected.keySet()) {
      assertTrue(out.contains("SUCCESS  " + scenario + "_" + key + " "), key + " of " + scenario + ": " + out);
    }
  }

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static final Map<String, String> ALL_DEFAULTS = map("trajectory", "default_trajectory.json", "simulation",
      "default_simulation.scn", "flight_declaration", "default_fd.json", "flight_declaration_via_operational_intent",
      "default_fdoi.json", "geo_fence", "default_geo.geojson");

  @Test
  void TestSuiteScenarioMergeDefaults_test_merge_fills_all_none_fields() throws Exception {
    String out = runSuite(ALL_DEFAULTS, Map.of("test_scenario", Map.of()), Map.of("test_scenario", ALL_DEFAULTS));
    seen(out, "test_scenario", ALL_DEFAULTS);
  }

  @Test
  void TestSuiteScenarioMergeDefaults_test_merge_preserves_explicit_overrides() throws Exception {
    Map<String, String> defaults = map("trajectory", "default_trajectory.json", "simulation", "default_simulation.scn",
        "flight_declaration", "default_fd.json", "geo_fence", "default_geo.geojson");
    Map<String, String> expected = map("trajectory", "override_trajectory.json", "simulation", "override_simulation.scn",
        "flight_declaration", "default_fd.json", "geo_fence", "default_geo.geojson");
    String out = runSuite(defaults, Map.of("test_scenario", map("trajectory", "override_trajectory.json",
        "simulation", "override_simulation.scn")), Map.of("test_scenario", expected));
    seen(out, "test_scenario", expected);
  }

  @Test
  void TestSuiteScenarioMergeDefaults_test_merge_partial_overrides() throws Exception {
    Map<String, String> defaults = map("trajectory", "default_trajectory.json", "simulation", "default_simulation.scn",
        "flight_declaration", "default_fd.json");
    Map<String, String> expected = map("trajectory", "trajectory_f3.json", "simulation", "default_simulation.scn",
        "flight_declaration", "default_fd.json");
    String out = runSuite(defaults, Map.of("test_scenario", map("trajectory", "trajectory_f3.json")),
        Map.of("test_scenario", expected));
    seen(out, "test_scenario", expected);
  }

  @Test
  void TestSuiteScenarioMergeDefaults_test_merge_with_none_defaults() throws Exception {
    Map<String, String> expected = map("trajectory", "traj.json", "simulation", null);
    String out = runSuite(map("trajectory", "traj.json"), Map.of("test", Map.of()), Map.of("test", expected));
    seen(out, "test", expected);
  }

  /** The source checks the paths become absolute; here an operation reads the relative file from the config's folder. */
  @Test
  void TestSuiteConfigResolve_test_resolve_paths_calls_merge_on_scenarios() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.copy(Path.of("conf/data/bern/trajectory_f1.json"), config.resolve("traj.json"));
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(dir.resolve("scenarios/uses_it.yaml"), """
        name: uses_it
        steps:
          - id: generated
            step: Generate Telemetry
            arguments: {config_path: "${{ data_files.trajectory }}", duration: 3}
        """);
    Path file = config.resolve("config.yaml");
    Files.writeString(file, "scenario_docs: ignore\nscenarios:\n  dir: " + dir.resolve("scenarios") + "\nreporting:\n  output_dir: "
        + dir.resolve("reports") + "\n  formats: [json]\nsuites:\n  basic:\n    scenarios:\n      - name: uses_it\n"
        + "        trajectory: traj.json\n        flight_declaration: fd.json\n");
    Files.writeString(config.resolve("fd.json"), "{}");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = CliAccess.runSuites(List.of("basic"), ConfigLoader.load(file.toString(), Map.of(), null), file.toString(),
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(out.contains("SUCCESS  generated"), out);
  }

  @Test
  void TestAppConfigResolvePathsMergesDefaults_test_config_loading_merges_defaults() throws Exception {
    Map<String, String> defaults = map("trajectory", "default_traj.json", "flight_declaration", "default_fd.json",
        "geo_fence", "default_geo.geojson");
    Map<String, Map<String, String>> scenarios = new LinkedHashMap<>();
    scenarios.put("scenario_with_override", map("trajectory", "override_traj.json", "simulation", "sim.scn"));
    scenarios.put("scenario_no_override", Map.of());
    Map<String, Map<String, String>> expected = Map.of(
        "scenario_with_override", map("trajectory", "override_traj.json", "simulation", "sim.scn",
            "flight_declaration", "default_fd.json", "geo_fence", "default_geo.geojson"),
        "scenario_no_override", map("trajectory", "default_traj.json", "flight_declaration", "default_fd.json",
            "geo_fence", "default_geo.geojson", "simulation", null));
    String out = runSuite(defaults, scenarios, expected);
    expected.forEach((name, values) -> seen(out, name, values));
  }

  @Test
  void TestAppConfigResolvePathsMergesDefaults_test_daa_scenario_config_example() throws Exception {
    Map<String, String> expected = map("trajectory", "trajectory_f3.json", "simulation", "blue_sky_sim_bern.scn",
        "flight_declaration", "fd.json", "geo_fence", "geo.geojson");
    String out = runSuite(map("trajectory", "trajectory_f1.json", "flight_declaration", "fd.json", "geo_fence", "geo.geojson"),
        Map.of("test_scenario", map("trajectory", "trajectory_f3.json", "simulation", "blue_sky_sim_bern.scn")),
        Map.of("test_scenario", expected));
    seen(out, "test_scenario", expected);
  }
}
