package org.openutm.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 21: the command line is this tool's own (picocli): help and version, a help per command, the toolkit's flags
 * (--config, -s/--suite repeatable, --debug, --server), run with nothing runs every suite, scenario_docs honoured, a
 * missing config is a clear error, and the jar's classes run from any folder on the bundled default config.
 */
class CommandLineTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {
  }

  /** The command tree in this JVM, its picocli and System output captured (run prints to System.out). */
  static synchronized Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
    ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
      CommandLine cmd = Main.commandLine();
      cmd.setOut(new PrintWriter(out, true));
      cmd.setErr(new PrintWriter(err, true));
      int code = cmd.execute(args);
      return new Result(code, out + sysOut.toString(StandardCharsets.UTF_8), err + sysErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }

  @Test
  void helpAndVersionAreThisToolsOwnAndEveryCommandHasAHelp() {
    Result help = execute("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Usage: openutm-verification") && help.out().contains("--suite=NAME")
        && help.out().contains("--server") && help.out().contains("serve") && help.out().contains("validate"), help.out());
    assertFalse(help.out().toLowerCase().contains("main-verticle"), "not the Vert.x launcher's usage: " + help.out());
    Result version = execute("--version");
    assertTrue(version.out().matches("(?s)openutm-verification \\d+\\.\\d+\\.\\d+\\S* \\(Vert\\.x 5\\.\\S+, Java .*"),
        version.out());
    for (String command : new String[] {"serve", "run", "validate", "emulator", "operations"}) {
      Result r = execute(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().startsWith("Usage: openutm-verification " + command), r.out());
    }
    assertTrue(execute("run", "--help").out().contains("--report-dir=DIR"));
    assertTrue(execute("help", "serve").out().contains("--cluster-members"));
  }

  @Test
  void aBadOptionOrAMissingConfigIsAClearErrorWithExitCodeTwo() {
    Result unknown = execute("run", "--no-such-flag");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("Unknown option: '--no-such-flag'"), unknown.err());
    Result missing = execute("run", "--config", dir.resolve("missing.yaml").toString(), "examples/background_and_needs");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("config file not found: " + dir.resolve("missing.yaml")), missing.err());
    Result suite = execute("--config", "conf/config.yaml", "-s", "no_such_suite");
    assertEquals(2, suite.code());
    assertTrue(suite.err().contains("no suite 'no_such_suite'") && suite.err().contains("basic_conformance"), suite.err());
  }

  /** A config of two quick suites over scenarios in a temp folder, documented or not. */
  Path config(String docsMode, boolean documented) throws Exception {
    Path sc = Files.createDirectories(dir.resolve("sc/standard"));
    Files.writeString(sc.resolve("quick_a.yaml"), "name: quick_a\nsteps:\n  - step: Generate UUID\n");
    Files.writeString(sc.resolve("quick_b.yaml"), "name: quick_b\nsteps:\n  - step: Generate UUID\n");
    if (documented) {
      Files.writeString(sc.resolve("quick_a.md"), "# A");
      Files.writeString(sc.resolve("quick_b.md"), "# B");
    }
    Path cfg = dir.resolve("config.yaml");
    Files.writeString(cfg, "scenario_docs: " + docsMode + "\nscenarios:\n  dir: " + dir.resolve("sc") + "\n"
        + "suites:\n  one:\n    scenarios:\n      - name: quick_a\n  two:\n    scenarios:\n"
        // the toolkit's folder name for the standard scenarios resolves
        + "      - name: standard-scenarios/quick_b\n"
        + "reporting:\n  output_dir: " + dir.resolve("reports") + "\n  formats: [json]\n");
    return cfg;
  }

  @Test
  void theToolkitsFlagsRunSuitesAndRunWithNothingRunsEverySuite() throws Exception {
    Path cfg = config("warn", true);
    Result both = execute("--config", cfg.toString(), "-s", "one", "--suite", "two", "--debug");
    assertEquals(0, both.code(), both.out() + both.err());
    assertTrue(both.out().contains("== quick_a (suite one)") && both.out().contains("== standard-scenarios/quick_b (suite two)")
        && both.out().contains("2 scenario(s), 2 passed, 0 failed"), both.out());
    Result all = execute("run", "--config", cfg.toString());
    assertEquals(0, all.code(), all.out() + all.err());
    assertTrue(all.out().contains("run: every configured suite: one, two") && all.out().contains("2 scenario(s), 2 passed"),
        all.out());
    Result toolkit = execute("--config", cfg.toString());
    assertTrue(toolkit.out().contains("run: every configured suite: one, two"), toolkit.out());
    assertFalse(all.out().contains("has no documentation"), all.out());
  }

  @Test
  void scenarioDocsRequiredRefusesTheRunBeforeAnythingRuns() throws Exception {
    Result required = execute("run", "--config", config("required", false).toString());
    assertEquals(2, required.code(), required.out());
    assertTrue(required.out().contains("Missing documentation for scenario 'quick_a'")
        && required.out().contains("Missing documentation for scenario 'standard-scenarios/quick_b'"), required.out());
    assertFalse(required.out().contains("== quick_a"), "nothing ran: " + required.out());
    Result warn = execute("run", "--config", config("warn", false).toString());
    assertEquals(0, warn.code(), warn.out());
    assertTrue(warn.out().contains("WARNING Scenario 'quick_a' has no documentation"), warn.out());
  }

  /**
   * From a folder with no conf/config.yaml the service's classes use the bundled default config, its data files and
   * scenarios (copied once to the cache folder), say so, and run a shipped suite; the run ends with its summary and no
   * "Discarding message" warnings; no duplicate-gauge warning at a serve start.
   */
  @Test
  void runsFromAnyFolderOnTheBundledDefaultConfig() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", absoluteClassPath(), Main.class.getName(), "run", "--speed", "20", "-s", "declarations")
        .directory(elsewhere.toFile()).redirectErrorStream(true);
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    pb.environment().remove("OPENUTM_CONFIG_PATH");
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run hung");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("using the bundled default config " + dir.resolve("cache/openutm-verification")), out);
    assertTrue(out.contains("5 scenario(s), 5 passed, 0 failed"), out);
    assertTrue(out.contains("report: " + elsewhere.resolve("reports")), "reports go to the working folder: " + out);
    assertFalse(out.contains("Discarding message"), out);
    assertFalse(out.contains("already registered"), out);
    try (var s = Files.list(dir.resolve("cache/openutm-verification"))) {
      assertEquals(1, s.filter(f -> f.getFileName().toString().startsWith("bundle-")).count());
    }
  }

  /** A serve start has no duplicate-gauge warning; its SIGTERM stop, with sessions open, no "Discarding message". */
  @Test
  void serveStartsAndStopsWithoutWarningFloods() throws Exception {
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dir.resolve("serve.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", absoluteClassPath(), Main.class.getName(), "--server", "--config",
        Path.of("conf/config.yaml").toAbsolutePath().toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("HTTP_PORT", String.valueOf(port));
    Process p = pb.start();
    try {
      var http = java.net.http.HttpClient.newHttpClient();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains("OpenUTM Verification listening")) {
        assertTrue(p.isAlive() && System.nanoTime() < end, Files.readString(log));
        Thread.sleep(100);
      }
      for (int i = 0; i < 3; i++) {
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/sessions"))
            .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, r.body());
      }
    } finally {
      p.destroy();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "SIGTERM did not stop the service");
    }
    String out = Files.readString(log);
    assertFalse(out.contains("already registered"), out);
    assertFalse(out.contains("Discarding message"), out);
  }

  static String absoluteClassPath() {
    StringBuilder b = new StringBuilder();
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      b.append(b.isEmpty() ? "" : java.io.File.pathSeparator).append(Path.of(e).toAbsolutePath());
    }
    return b.toString();
  }
}
