package org.openutm.verification.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.List;
import org.openutm.verification.config.AppConfig;

/** Test access to the package-private CLI commands. */
public final class CliAccess {
  private CliAccess() {
  }

  public static int run(List<String> items, AppConfig config, JsonObject overrides, PrintStream out) throws Exception {
    return RunCommand.run(items, List.of(), config, new JsonObject().put("config", overrides), out);
  }

  /** {@code run --suite ...} of {@code config} (loaded from {@code configPath}). */
  public static int runSuites(List<String> suites, AppConfig config, String configPath, PrintStream out) throws Exception {
    return RunCommand.run(List.of(), suites, config, new JsonObject().put("config_path", configPath)
        .put("config", new JsonObject().put("logging", new JsonObject().put("level", "WARN"))), out);
  }
}
