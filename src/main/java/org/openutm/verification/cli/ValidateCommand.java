package org.openutm.verification.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.Scenarios;
import org.openutm.verification.scenario.model.Problem;

/** {@code validate FILE|ID...}: every problem of every scenario; exit 1 when any has one. */
@picocli.CommandLine.Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Check scenarios without running them: print every problem with its line and column; exit 1 when "
        + "any has one."})
final class ValidateCommand implements Callable<Integer> {
  @picocli.CommandLine.Option(names = "--config", paramLabel = "PATH", description = Main.CONFIG_HELP)
  String config;

  @picocli.CommandLine.Parameters(paramLabel = "FILE|ID", arity = "1..*", description = "scenario files or ids")
  List<String> items = new ArrayList<>();

  @Override
  public Integer call() {
    try {
      return run(items, ConfigLoader.load(config, System.getenv(), new JsonObject().put("logging",
          new JsonObject().put("level", "WARN"))), System.out);
    } catch (Exception e) {
      System.err.println("validate: " + e.getMessage());
      return 2;
    }
  }

  static int run(List<String> items, AppConfig config, PrintStream out) throws Exception {
    if (items.isEmpty()) {
      out.println("validate: name at least one scenario file or id");
      return 2;
    }
    OperationCatalog catalog = OperationCatalog.standard();
    int bad = 0;
    for (ScenarioSources.Source s : ScenarioSources.resolve(items, List.of(), config).sources()) {
      Scenarios.Checked c = Scenarios.checkYaml(s.yaml(), catalog,
          config.section("scenarios").getInteger("max_steps", 50_000));
      if (c.ok()) {
        out.println("OK      " + s.label());
      } else {
        bad++;
        out.println("INVALID " + s.label() + " (" + c.problems().size() + " problem(s))");
        for (Problem p : c.problems()) {
          out.println("  " + s.label() + ":" + (p.pos() == null ? "" : p.pos() + ": ") + (p.step() == null ? ""
              : "[" + p.step() + "] ") + p.message());
        }
      }
    }
    return bad == 0 ? 0 : 1;
  }
}
