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
}
