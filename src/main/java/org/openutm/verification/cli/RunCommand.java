package org.openutm.verification.cli;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openutm.verification.ServiceVerticle;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.engine.SpeedCheck;
import org.openutm.verification.operation.WorkerPools;
import org.openutm.verification.report.ReportRebuild;
import org.openutm.verification.report.Reports;
import org.openutm.verification.report.RunJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run [--suite NAME]... [FILE|ID]...}: runs scenarios in-process (no HTTP port), one live line per step,
 * elapsed time for long steps while they run, a summary; the exit code is the number of failed scenarios. With
 * neither scenarios nor suites it runs every configured suite, as the toolkit does.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
    description = {"Run scenarios in this process (no HTTP port) and write the reports; the exit code is the number "
        + "of failed scenarios. With neither scenarios nor --suite: every configured suite."})
final class RunCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "PATH", description = Main.CONFIG_HELP)
  String config;

  @Option(names = {"-s", "--suite"}, paramLabel = "NAME", description = "a suite of the config; repeatable")
  List<String> suites = new ArrayList<>();

  @Option(names = "--report-dir", paramLabel = "DIR", description = "where reports go (default reporting.output_dir)")
  String reportDir;

  @Option(names = "--formats", paramLabel = "LIST", split = ",", description = "report formats: json, junit, html, log")
  List<String> formats;

  @Option(names = "--speed", paramLabel = "N", description = "the simulated clock's speed (embedded emulator only)")
  String speed;

  @Option(names = "--debug", description = "debug logging on the console")
  boolean debug;

  @Parameters(paramLabel = "FILE|ID", description = "scenario files or ids (paths below scenarios.dir, or bare names)")
  List<String> items = new ArrayList<>();

  @Override
  public Integer call() {
    JsonObject overrides = new JsonObject().put("logging", new JsonObject().put("level", debug ? "DEBUG" : "WARN"));
    JsonObject reporting = new JsonObject();
    if (reportDir != null) {
      reporting.put("output_dir", reportDir);
    }
    if (formats != null) {
      reporting.put("formats", new io.vertx.core.json.JsonArray(List.copyOf(formats)));
    }
    if (!reporting.isEmpty()) {
      overrides.put("reporting", reporting);
    }
    if (speed != null) {
      overrides.put("clock", new JsonObject().put("speed", Main.speed(speed)));
    }
    try {
      AppConfig cfg = ConfigLoader.load(config, System.getenv(), overrides);
      JsonObject deployment = new JsonObject().put("config", overrides).put("config_path", cfg.path().toString());
      return run(items, suites, cfg, deployment, System.out);
    } catch (Exception e) {
      System.err.println("run: " + e.getMessage());
      return 2;
    }
  }

  static int run(List<String> items, List<String> suites, AppConfig config, JsonObject deployment, PrintStream out)
      throws Exception {
    List<String> chosen = suites;
    if (items.isEmpty() && suites.isEmpty()) {
      chosen = List.copyOf(config.section("suites").fieldNames());
      out.println(chosen.isEmpty() ? "run: no scenarios named, and " + config.path() + " has no suites"
          : "run: every configured suite: " + String.join(", ", chosen));
    }
    ScenarioSources sources = ScenarioSources.resolve(items, chosen, config);
    if (sources.sources().isEmpty()) {
      return 0;
    }
    if (!ScenarioDocsCheck.check(sources.sources().stream().map(ScenarioSources.Source::label).toList(), config, out)) {
      return 2;
    }
    SimClock.configure(config.section("clock").getDouble("speed", 1.0));
    if (SimClock.speed() > 1 && SpeedCheck.externalFlightBlender(config) != null) {
      out.println("run: " + SimClock.realTimeRefusal("flight_blender.url " + SpeedCheck.externalFlightBlender(config)
          + " is an external Flight Blender", "run at speed 1, or leave flight_blender.url empty to use the embedded "
          + "emulator"));
      return 2;
    }
    rebuildInterrupted(config, out);
    WorkerPools.configure(config);
    Vertx vertx = Vertx.vertx();
    ServiceVerticle service = new ServiceVerticle();
    try {
      JsonObject cfg = deployment.getJsonObject("config", new JsonObject()).copy()
          .put("http", new JsonObject().put("enabled", false));
      await(vertx.deployVerticle(service, new DeploymentOptions().setConfig(deployment.copy().put("config", cfg))));
      // the service's config: it knows the embedded emulator's address, which the report names
      AppConfig effective = service.appConfig();
      int failed = 0;
      // the report is written as the run goes (a killed run leaves every finished step): see RunJournal
      var f = config.section("reporting").getJsonArray("formats", new io.vertx.core.json.JsonArray().add("json"));
      java.util.List<String> wanted = new java.util.ArrayList<>(f.stream().map(String::valueOf).toList());
      if (!wanted.contains("junit")) {
        wanted.add("junit");
      }
      RunJournal journal = RunJournal.open(Reports.root(effective), Reports.header(effective), wanted,
          Reports.keep(effective));
      try {
        for (ScenarioSources.Source s : sources.sources()) {
          failed += runOne(vertx, s, out, journal, ScenarioDocsCheck.docs(config, s.label())) ? 0 : 1;
        }
      } catch (SpeedRefused e) {
        out.println("run: " + e.getMessage());
        journal.finish().get(60, TimeUnit.SECONDS);
        return 2;
      }
      out.printf("%n%d scenario(s), %d passed, %d failed%n", sources.sources().size(),
          sources.sources().size() - failed, failed);
      String id = journal.finish().get(10, TimeUnit.MINUTES);
      out.println("report: " + Reports.root(effective).resolve(id));
      return failed;
    } finally {
      service.drain().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static boolean runOne(Vertx vertx, ScenarioSources.Source s, PrintStream out, RunJournal journal, String docs)
      throws Exception {
    // the scenario's Markdown docs go into its report (report.json's docs, rendered in report.html), as the toolkit's
    journal.scenario(new JsonObject().put("scenario", s.label()).put("suite_name", s.suite()).put("docs", docs));
    out.println("== " + s.label() + (s.suite() == null ? "" : " (suite " + s.suite() + ")")
        + (s.dataFiles() == null ? "" : " with " + s.dataFiles().encode()));
    String session = await(vertx.eventBus().<JsonObject>request(Addresses.SESSIONS,
        new JsonObject().put("action", "create"))).body().getString("session_id");
    Map<String, Long> running = new HashMap<>();
    Map<String, Number> expected = new HashMap<>();
    java.util.concurrent.CompletableFuture<Void> seenDone = new java.util.concurrent.CompletableFuture<>();
    MessageConsumer<JsonObject> events = vertx.eventBus().consumer(Addresses.events(session), m -> {
      JsonObject e = m.body();
      journal.event(e);
      if ("done".equals(e.getString("type"))) {
        seenDone.complete(null);
      }
      if ("started".equals(e.getString("type"))) {
        running.put(e.getString("step_id"), SimClock.millis());
        if (e.getValue("expected_seconds") instanceof Number n) {
          expected.put(e.getString("step_id"), n);
        }
        return;
      }
      if (!"step".equals(e.getString("type"))) {
        return;
      }
      JsonObject r = e.getJsonObject("result");
      String id = r.getString("id");
      if ("running".equals(r.getString("status"))) {
        out.printf("  %-8s %s (background)%n", "RUNNING", id);
        return;
      }
      running.remove(id);
      String err = r.getString("error_message");
      out.printf("  %-8s %-50s %7.2f s%s%n", r.getString("status").toUpperCase(), id, r.getDouble("duration", 0.0),
          err == null ? "" : "  " + err);
    });
    await(events.completion());
    long ticker = SimClock.setWallPeriodic(vertx, 5_000, t -> running.forEach((id, start) -> {
      long elapsed = (SimClock.millis() - start) / 1000;
      Number exp = expected.get(id);
      out.printf("  ...      %s running: %d s%s%n", id, elapsed, exp == null ? "" : " / " + exp.longValue() + " s expected");
    }));
    try {
      JsonObject result = await(vertx.eventBus().<JsonObject>request(Addresses.session(session),
          new JsonObject().put("action", "run").put("wait", true).put("report", false).put("yaml", s.yaml())
              .put("data_files", s.dataFiles()),
          new DeliveryOptions().setSendTimeout(TimeUnit.DAYS.toMillis(1)))).body();
      out.printf("  => %s in %.2f s%s (%d steps%s)%n", result.getString("status").toUpperCase(),
          result.getDouble("duration"), SimClock.speed() == 1 ? ""
              : String.format(" simulated (%.2f s wall at speed %s)", result.getDouble("wall_duration", 0.0),
                  SimClock.speed()), result.getInteger("steps"),
          result.getString("error") == null ? "" : ", " + result.getString("error"));
      // every step event of the run reached the journal before its summary does
      seenDone.get(10, TimeUnit.SECONDS);
      journal.scenarioEnded(result.put("suite_name", s.suite()));
      return "success".equals(result.getString("status"));
    } catch (IllegalStateException e) {
      ServiceException se = ServiceException.from(e.getCause() == null ? e : e.getCause());
      if ("speed".equals(se.details().getString("field"))) {
        journal.scenarioEnded(new JsonObject().put("scenario", s.label()).put("status", "failure")
            .put("error", se.getMessage()).put("suite_name", s.suite()));
        throw new SpeedRefused(se.getMessage());
      }
      out.println("  => INVALID: " + se.getMessage());
      journal.scenarioEnded(new JsonObject().put("scenario", s.label()).put("status", "failure")
          .put("error", se.getMessage()).put("suite_name", s.suite()));
      JsonObject details = se.details();
      if (details.getJsonArray("problems") != null) {
        details.getJsonArray("problems").forEach(p -> {
          JsonObject j = (JsonObject) p;
          out.println("     " + (j.getInteger("line") == null ? "" : j.getInteger("line") + ":" + j.getInteger("column")
              + ": ") + j.getString("message"));
        });
      }
      return false;
    } finally {
      SimClock.cancelWallTimer(vertx, ticker);
      events.unregister();
    }
  }

  /** Reports of runs that a killed process left unfinished are rebuilt from their journals (said, one line each). */
  static void rebuildInterrupted(AppConfig config, PrintStream out) {
    try {
      for (JsonObject r : ReportRebuild.rebuildInterrupted(Reports.root(config))) {
        out.println(r.getString("error") != null ? "report: cannot rebuild " + r.getString("id") + ": " + r.getString("error")
            : "report: rebuilt " + Reports.root(config).resolve(r.getString("id")) + " from its journal (run "
                + r.getString("run_status") + ", " + r.getInteger("scenarios") + " scenario(s))");
      }
    } catch (java.io.IOException e) {
      out.println("report: cannot look for interrupted reports in " + Reports.root(config) + ": " + e.getMessage());
    }
  }

  /** A scenario this clock speed cannot run: the command stops with exit code 2 before running anything more. */
  private static final class SpeedRefused extends RuntimeException {
    SpeedRefused(String message) {
      super(message, null, false, false);
    }
  }

  static <T> T await(io.vertx.core.Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
  }
}
