package org.openutm.verification.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line (picocli): {@code serve}, {@code run}, {@code report rebuild}, {@code validate}, {@code emulator}, {@code operations},
 * {@code help}. With no command it is the Python toolkit's {@code openutm-verify}: {@code --config}, {@code -s/--suite}
 * (repeatable), {@code --debug}, and {@code --server} (= {@code serve}); without {@code --server} it runs the named
 * suites, or every configured suite.
 */
@Command(name = "openutm-verification", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Verifies UTM systems, above all Flight Blender, by running YAML scenarios of steps.",
        "With no command it does what the Python toolkit's openutm-verify does: runs the suites named with -s (every "
            + "configured suite when none is named), or with --server starts the service."},
    subcommands = {ServeCommand.class, RunCommand.class, ReportCommand.class, ValidateCommand.class, EmulatorCommand.class, OperationsCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 all scenarios passed (or the service stopped cleanly), N = failed scenarios, "
        + "2 bad usage or config.",
        "Environment: OPENUTM_CONFIG_PATH, FLIGHT_BLENDER_URL, AMQP_URL, LOG_LEVEL, HTTP_HOST, HTTP_PORT, API_AUTH_TOKEN, "
            + "SCENARIOS_PATH, DOCS_PATH, WEB_EDITOR_PATH."})
public final class Main implements Callable<Integer> {
  /** Set by a serve that started: the JVM then keeps running until SIGTERM/SIGINT. */
  static volatile boolean serving;

  /** One text for every command's --config. */
  static final String CONFIG_HELP = "the config file (default: conf/config.yaml, or OPENUTM_CONFIG_PATH; the bundled "
      + "default when neither exists)";

  @Option(names = "--config", paramLabel = "PATH", description = CONFIG_HELP)
  String config;

  @Option(names = {"-s", "--suite"}, paramLabel = "NAME", description = "a suite of the config to run; repeatable "
      + "(default: every configured suite)")
  List<String> suites = new ArrayList<>();

  @Option(names = "--debug", description = "debug logging on the console")
  boolean debug;

  @Option(names = "--server", description = "start the service (the toolkit's flag; the same as 'serve')")
  boolean server;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0 || !serving) {
      System.exit(code);
    }
  }

  /** The command tree; tests execute it with their own output streams. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  @Override
  public Integer call() throws Exception {
    if (server) {
      ServeCommand serve = new ServeCommand();
      serve.config = config;
      serve.debug = debug;
      return serve.call();
    }
    RunCommand run = new RunCommand();
    run.config = config;
    run.suites = suites;
    run.debug = debug;
    return run.call();
  }

  /** A --speed value: a number (the config check names a bad one); text that is no number is kept to be named. */
  static Object speed(String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return value;
    }
  }

  /** "openutm-verification 0.1.0 (Vert.x 5.0.7, Java 17.0.x)": the build's version, from a filtered resource. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String vertx = null;
      try (var in = Main.class.getResourceAsStream("/META-INF/vertx/vertx-version.txt")) {
        vertx = in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      } catch (java.io.IOException e) {
        // the version line then leaves Vert.x out
      }
      return new String[] {"openutm-verification " + org.openutm.verification.config.BundledConfig.version() + " ("
          + (vertx == null ? "" : "Vert.x " + vertx + ", ") + "Java " + System.getProperty("java.version") + ")"};
    }
  }
}
