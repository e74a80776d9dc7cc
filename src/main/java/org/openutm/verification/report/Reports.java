package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openutm.verification.config.AppConfig;

/**
 * Run evidence on disk: {@code <output_dir>/<YYYY-MM-DD_HH-MM-SS>[-n]/} with report.json (the Python toolkit's
 * shape), junit.xml and report.log, each written atomically (temporary file, then rename); the last
 * {@code reporting.keep} runs are kept. Blocking IO: call from executeBlocking.
 */
public final class Reports {
  public static final String VERSION = "0.1.0";

  private Reports() {
  }

  public static Path root(AppConfig config) {
    Path p = Path.of(config.section("reporting").getString("output_dir", "reports"));
    return p.toAbsolutePath().normalize();
  }

  /**
   * Writes one report for the given scenario runs (each a run summary with results, plus optional suite_name).
   * @return the report's folder name (its id)
   */
  public static String write(AppConfig config, List<JsonObject> runs, List<String> formats) throws IOException {
    Path root = root(config);
    Path dir = ReportFolder.create(root);
    ReportFolder.write(dir, report(header(config), runs).put("run_status", COMPLETED), formats);
    retain(root, keep(config));
    return dir.getFileName().toString();
  }

  /** How many report folders are kept ({@code reporting.keep}). */
  public static int keep(AppConfig config) {
    return config.section("reporting").getInteger("keep", 50);
  }

  /** A report's run_status: every scenario ran to its end (its own run_status says how). */
  public static final String COMPLETED = "completed";
  /** A report's (and a scenario's) run_status: the process ended before the run did. */
  public static final String INTERRUPTED = "interrupted";

  /**
   * What a report says of the run besides its scenarios, fixed when the run starts: run id, tool version, Flight
   * Blender URL (masked), deployment details, config file and the masked config (which the journal keeps, so that
   * a report can be rebuilt from the journal alone).
   */
  public static JsonObject header(AppConfig config) {
    return new JsonObject().put("run_id", config.json().getString("run_id")).put("tool_version", VERSION)
        .put("flight_blender_url", AppConfig.maskUrl(config.section("flight_blender").getString("url", "")))
        .put("deployment_details", config.section("reporting").getJsonObject("deployment_details", new JsonObject()))
        .put("config_file", config.path() == null ? null : config.path().toString())
        .put("config", config.masked());
  }

  /** An interactive session's results as one scenario run (POST /session/generate-report). */
  public static JsonObject sessionSummary(String name, JsonArray results) {
    boolean failed = results.stream().anyMatch(x -> "failure".equals(((JsonObject) x).getString("status"))
        && !((JsonObject) x).getBoolean("continue_on_error", false));
    List<String> starts = new ArrayList<>();
    List<String> ends = new ArrayList<>();
    double duration = 0;
    for (Object o : results) {
      JsonObject r = (JsonObject) o;
      duration += r.getDouble("duration", 0.0);
      if (r.getString("started_at") != null) {
        starts.add(r.getString("started_at"));
      }
      if (r.getString("finished_at") != null) {
        ends.add(r.getString("finished_at"));
      }
    }
    starts.sort(null);
    ends.sort(null);
    return new JsonObject().put("scenario", name == null ? "interactive session" : name)
        .put("status", failed ? "failure" : "success").put("results", results).put("duration", duration)
        .put("start_time", starts.isEmpty() ? null : starts.get(0))
        .put("end_time", ends.isEmpty() ? null : ends.get(ends.size() - 1));
  }

  static JsonObject report(AppConfig config, List<JsonObject> runs) {
    return report(header(config), runs);
  }

  /** report.json (the toolkit's shape) of these scenario runs under {@code header} (see {@link #header}). */
  static JsonObject report(JsonObject header, List<JsonObject> runs) {
    JsonArray results = new JsonArray();
    int passed = 0;
    String start = null;
    String end = null;
    double total = 0;
    double wall = 0;
    double speed = 1;
    for (JsonObject run : runs) {
      boolean ok = "success".equals(run.getString("status"));
      passed += ok ? 1 : 0;
      start = start == null || run.getString("start_time", "").compareTo(start) < 0 ? run.getString("start_time") : start;
      end = end == null || run.getString("end_time", "").compareTo(end) > 0 ? run.getString("end_time") : end;
      total += run.getDouble("duration", 0.0);
      wall += run.getDouble("wall_duration", run.getDouble("duration", 0.0));
      speed = Math.max(speed, run.getDouble("speed", 1.0));
      results.add(ScenarioData.fields(new JsonObject().put("name", run.getString("scenario")).put("suite_name", run.getString("suite_name"))
          .put("run_id", run.getString("run_id")).put("status", ok ? "success" : "failure").put("run_status", run.getString("status"))
          .put("duration", run.getDouble("duration", 0.0))
          .put("wall_duration", run.getDouble("wall_duration", run.getDouble("duration", 0.0)))
          .put("steps", run.getJsonArray("results", new JsonArray()))
          .put("error_message", run.getString("error")).put("docs", run.getString("docs")),
          run.getJsonObject("report_data")));
    }
    return new JsonObject().put("run_id", header.getString("run_id")).put("tool_version", header.getString("tool_version", VERSION))
        .put("start_time", start).put("end_time", end).put("total_duration", total).put("total_wall_duration", wall)
        .put("clock_speed", speed).put("achieved_speed", wall <= 0 ? speed : Math.round(total / wall * 100) / 100.0)
        .put("overall_status", passed == runs.size() ? "success" : "failure")
        .put("flight_blender_url", header.getString("flight_blender_url", ""))
        .put("deployment_details", header.getJsonObject("deployment_details", new JsonObject()))
        .put("config_file", header.getString("config_file"))
        .put("config", header.getJsonObject("config", new JsonObject())).put("results", results)
        .put("summary", new JsonObject().put("total_scenarios", runs.size()).put("passed", passed)
            .put("failed", runs.size() - passed));
  }

  static String log(JsonObject report) {
    StringBuilder sb = new StringBuilder();
    for (Object o : report.getJsonArray("results")) {
      JsonObject r = (JsonObject) o;
      sb.append("== ").append(r.getString("name")).append(": ").append(r.getString("run_status")).append('\n');
      for (Object s : r.getJsonArray("steps")) {
        JsonObject step = (JsonObject) s;
        sb.append(String.format("%-8s %s (%.2f s)%s%n", step.getString("status"), step.getString("id"),
            step.getDouble("duration", 0.0), step.getString("error_message") == null ? "" : " " + step.getString("error_message")));
        for (Object line : step.getJsonArray("logs", new JsonArray())) {
          sb.append("    ").append(line).append('\n');
        }
      }
    }
    return AppConfig.maskUrl(sb.toString());
  }

  /** The report folders, newest first, with status and counts. */
  public static JsonArray list(AppConfig config) throws IOException {
    JsonArray out = new JsonArray();
    for (Path d : folders(root(config))) {
      Path json = d.resolve("report.json");
      JsonObject entry = new JsonObject().put("id", d.getFileName().toString())
          .put("html", Files.isRegularFile(d.resolve("report.html")));
      if (Files.isRegularFile(json)) {
        JsonObject r = new JsonObject(Files.readString(json));
        entry.put("overall_status", r.getString("overall_status")).put("summary", r.getJsonObject("summary"))
            .put("run_status", r.getString("run_status", COMPLETED))
            .put("start_time", r.getString("start_time"))
            .put("scenarios", new JsonArray(r.getJsonArray("results").stream().map(x -> ((JsonObject) x).getString("name")).toList()));
      }
      out.add(entry);
    }
    return out;
  }

  static List<Path> folders(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      List<Path> dirs = new ArrayList<>(s.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}(-\\d+)?")).toList());
      dirs.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
      return dirs;
    }
  }

  /**
   * Keeps the newest {@code keep} folders; an older one whose journal has not ended (a run still going on, or one a
   * killed process left for the next start to rebuild) is kept too.
   */
  static void retain(Path root, int keep) throws IOException {
    List<Path> dirs = folders(root);
    for (int i = Math.max(0, keep); i < dirs.size(); i++) {
      Path journal = dirs.get(i).resolve(Journal.FILE);
      if (Files.isRegularFile(journal) && !ReportRebuild.closed(journal)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dirs.get(i))) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
