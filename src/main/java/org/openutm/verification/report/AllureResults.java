package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openutm.verification.config.AppConfig;

/**
 * Allure results of a report, as the toolkit's allure_reporter.py writes them: one {@code <uuid>-result.json} test
 * case per scenario (name, fullName suite.name, status, start/stop, labels framework/language/suite), a step per
 * StepResult (parameter id, status details with the error), loop iterations grouped under a parent step
 * "<name> (n iterations)", and with {@code capture_http} each HTTP exchange as a sub-step with its request and
 * response as {@code <uuid>-attachment.json} attachments. Written into {@code <report folder>/<results_dir>}
 * ({@code reporting.allure.results_dir}, default allure-results; an absolute path is used as it is).
 */
public final class AllureResults {
  private static final Pattern LOOP_ID = Pattern.compile("^(.+)\\[(\\d+)]$");

  private AllureResults() {
  }

  public static boolean enabled(AppConfig config) {
    return enabled(config.section("reporting"));
  }

  /** {@code reporting}: the config's reporting section (a report.json's config holds it, masked). */
  static boolean enabled(JsonObject reporting) {
    return reporting.getJsonObject("allure", new JsonObject()).getBoolean("enabled", false);
  }

  /** The results folder of a report folder. */
  public static Path resultsDir(AppConfig config, Path reportDir) {
    return resultsDir(config.section("reporting"), reportDir);
  }

  static Path resultsDir(JsonObject reporting, Path reportDir) {
    String dir = reporting.getJsonObject("allure", new JsonObject()).getString("results_dir", "allure-results");
    Path p = Path.of(dir.isBlank() ? "allure-results" : dir);
    return p.isAbsolute() ? p : reportDir.resolve(p).normalize();
  }

  static void write(JsonObject reporting, Path reportDir, JsonObject report) throws IOException {
    boolean http = reporting.getJsonObject("allure", new JsonObject()).getBoolean("capture_http", false);
    Path dir = resultsDir(reporting, reportDir);
    Files.createDirectories(dir);
    for (Object o : report.getJsonArray("results", new JsonArray())) {
      JsonObject scenario = (JsonObject) o;
      JsonArray steps = new JsonArray();
      JsonArray results = scenario.getJsonArray("steps", new JsonArray());
      for (int i = 0; i < results.size(); i++) {
        JsonObject step = results.getJsonObject(i);
        Matcher m = LOOP_ID.matcher(String.valueOf(step.getString("id")));
        if (m.matches() && !isAggregate(step)) {
          String base = m.group(1);
          JsonArray iterations = new JsonArray();
          boolean failed = false;
          int j = i;
          for (; j < results.size(); j++) {
            JsonObject it = results.getJsonObject(j);
            Matcher n = LOOP_ID.matcher(String.valueOf(it.getString("id")));
            if (!n.matches() || !n.group(1).equals(base)) {
              break;
            }
            failed |= "failure".equals(it.getString("status"));
            iterations.add(step(dir, it, "[" + (j - i) + "] " + it.getString("name"), http));
          }
          steps.add(new JsonObject().put("name", step.getString("name") + " (" + iterations.size() + " iterations)")
              .put("status", failed ? "failed" : "passed").put("stage", "finished")
              .put("start", first(iterations, "start")).put("stop", last(iterations, "stop"))
              .put("parameters", new JsonArray().add(param("iterations", String.valueOf(iterations.size()))))
              .put("steps", iterations).put("attachments", new JsonArray()));
          i = j - 1;
        } else if (!isAggregate(step)) {
          steps.add(step(dir, step, step.getString("name"), http));
        }
      }
      String name = scenario.getString("name");
      String suite = scenario.getString("suite_name");
      String uuid = UUID.randomUUID().toString();
      JsonArray labels = new JsonArray().add(param("framework", "openutm-verification")).add(param("language", "java"));
      if (suite != null) {
        labels.add(param("suite", suite));
      }
      JsonObject test = new JsonObject().put("uuid", uuid).put("historyId", String.valueOf((suite + "." + name).hashCode()))
          .put("name", name).put("fullName", suite == null ? name : suite + "." + name)
          .put("status", status(scenario.getString("status"))).put("stage", "finished")
          .put("start", first(steps, "start")).put("stop", last(steps, "stop")).put("labels", labels)
          .put("steps", steps).put("attachments", new JsonArray()).put("parameters", new JsonArray());
      if (scenario.getString("error_message") != null) {
        test.put("statusDetails", new JsonObject().put("message", scenario.getString("error_message")));
      }
      org.openutm.verification.core.AtomicFiles.write(dir.resolve(uuid + "-result.json"), AppConfig.maskUrl(test.encodePrettily()));
    }
  }

  /** A loop's or a group call's aggregate record (its iterations are recorded on their own). */
  private static boolean isAggregate(JsonObject step) {
    return step.getValue("result") instanceof JsonObject r && (r.containsKey("iterations") || r.containsKey("steps"))
        && r.getValue("results") instanceof JsonArray;
  }

  private static JsonObject step(Path dir, JsonObject r, String label, boolean http) throws IOException {
    long stop = millis(r.getString("finished_at"), 0);
    long start = millis(r.getString("started_at"), stop - Math.round(r.getDouble("duration", 0.0) * 1000));
    JsonObject s = new JsonObject().put("name", label).put("status", status(r.getString("status"))).put("stage", "finished")
        .put("start", start).put("stop", Math.max(start, stop == 0 ? start : stop))
        .put("parameters", new JsonArray().add(param("id", String.valueOf(r.getString("id")))))
        .put("attachments", new JsonArray()).put("steps", new JsonArray());
    if (r.getString("error_message") != null) {
      s.put("statusDetails", new JsonObject().put("message", r.getString("error_message")));
    }
    if (http) {
      JsonArray exchanges = r.getJsonArray("http_exchanges", new JsonArray());
      for (int i = 0; i < exchanges.size(); i++) {
        JsonObject e = exchanges.getJsonObject(i);
        Integer code = e.getInteger("status");
        long begin = millis(e.getString("started_at"), start);
        JsonArray attachments = new JsonArray()
            .add(attach(dir, "request", new JsonObject().put("method", e.getString("method")).put("url", e.getString("url"))
                .put("headers", e.getJsonObject("request_headers")).put("body", e.getValue("request_body"))))
            .add(attach(dir, "response", new JsonObject().put("status", code).put("body", e.getValue("response_body"))
                .put("error", e.getString("error"))));
        s.getJsonArray("steps").add(new JsonObject()
            .put("name", (exchanges.size() > 1 ? "[" + (i + 1) + "] " : "") + e.getString("method") + " " + e.getString("url")
                + " → " + code)
            .put("status", code != null && code < 400 ? "passed" : "failed").put("stage", "finished")
            .put("start", begin).put("stop", begin + Math.round(e.getDouble("duration_ms", 0.0)))
            .put("attachments", attachments).put("steps", new JsonArray()).put("parameters", new JsonArray()));
      }
    }
    if (!r.getJsonArray("logs", new JsonArray()).isEmpty()) {
      s.getJsonArray("attachments").add(attachText(dir, "logs", String.join("\n",
          r.getJsonArray("logs").stream().map(String::valueOf).toList())));
    }
    return s;
  }

  private static JsonObject attach(Path dir, String name, JsonObject content) throws IOException {
    String source = UUID.randomUUID() + "-attachment.json";
    org.openutm.verification.core.AtomicFiles.write(dir.resolve(source), AppConfig.maskUrl(content.encodePrettily()));
    return new JsonObject().put("name", name).put("source", source).put("type", "application/json");
  }

  private static JsonObject attachText(Path dir, String name, String text) throws IOException {
    String source = UUID.randomUUID() + "-attachment.txt";
    org.openutm.verification.core.AtomicFiles.write(dir.resolve(source), AppConfig.maskUrl(text));
    return new JsonObject().put("name", name).put("source", source).put("type", "text/plain");
  }

  /** success/failure/skipped as Allure's passed/failed/skipped; running or waiting as broken (as the toolkit). */
  static String status(String ours) {
    return switch (String.valueOf(ours)) {
      case "success" -> "passed";
      case "failure" -> "failed";
      case "skipped" -> "skipped";
      case "running", "waiting" -> "broken";
      default -> "unknown";
    };
  }

  private static JsonObject param(String name, String value) {
    return new JsonObject().put("name", name).put("value", value);
  }

  private static long millis(String instant, long otherwise) {
    try {
      return instant == null ? otherwise : Instant.parse(instant).toEpochMilli();
    } catch (RuntimeException e) {
      return otherwise;
    }
  }

  private static long first(JsonArray steps, String key) {
    return steps.stream().mapToLong(s -> ((JsonObject) s).getLong(key, 0L)).filter(v -> v > 0).min().orElse(0L);
  }

  private static long last(JsonArray steps, String key) {
    return steps.stream().mapToLong(s -> ((JsonObject) s).getLong(key, 0L)).max().orElse(0L);
  }
}
