package org.openutm.verification.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * {@code POST /api/allure/generate} as the toolkit's router.py: the Allure 3 CLI ({@code allure generate <results>
 * -o <report folder>/allure-report}) over the newest report folder that holds Allure results. The CLI is the one
 * {@code ALLURE_CLI} names, else the build's {@code webroot/node_modules/.bin/allure} (npm package {@code allure}),
 * else {@code allure} on PATH; none: 503 naming what is missing. One generation at a time; 120 s at most (then the
 * process is killed). Blocking: call from executeBlocking.
 */
public final class AllureCli {
  private static final Object LOCK = new Object();

  private AllureCli() {
  }

  /** The generated report of the newest folder: {@code {status: success, report_url}}. */
  public static JsonObject generate(AppConfig config, Map<String, String> env) throws IOException, InterruptedException {
    requireEnabled(config);
    Path folder = newestWithResults(config);
    Path results = AllureResults.resultsDir(config, folder);
    Path out = folder.resolve("allure-report");
    String cli = find(env);
    synchronized (LOCK) {
      deleteTree(out);
      Process p = new ProcessBuilder(cli, "generate", results.toString(), "-o", out.toString())
          .redirectErrorStream(true).start();
      byte[] output;
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ServiceException(ErrorCode.TIMEOUT, "allure generate timed out after 120 s",
            new JsonObject().put("field", "allure"));
      }
      output = p.getInputStream().readAllBytes();
      if (p.exitValue() != 0 || !Files.isRegularFile(out.resolve("index.html"))) {
        throw new ServiceException(ErrorCode.UPSTREAM, "allure generate failed (exit " + p.exitValue() + "): "
            + tail(new String(output, StandardCharsets.UTF_8)), new JsonObject().put("field", "allure").put("cli", cli));
      }
    }
    return new JsonObject().put("status", "success")
        .put("report_url", "/reports/" + folder.getFileName() + "/allure-report/index.html");
  }

  /** Where GET /api/allure/report redirects: the newest folder's generated report, else 404. */
  public static String reportUrl(AppConfig config) throws IOException {
    requireEnabled(config);
    Path folder = newestWithResults(config);
    if (!Files.isRegularFile(folder.resolve("allure-report/index.html"))) {
      throw ServiceException.notFound("allure", "Allure report not generated yet: POST /api/allure/generate first");
    }
    return "/reports/" + folder.getFileName() + "/allure-report/index.html";
  }

  /** The CLI to run; 503 naming every place looked at when there is none. */
  static String find(Map<String, String> env) {
    List<Path> looked = new ArrayList<>();
    String named = env.get("ALLURE_CLI");
    if (named != null && !named.isBlank()) {
      if (Files.isExecutable(Path.of(named))) {
        return named;
      }
      looked.add(Path.of(named));
    }
    Path bundled = Path.of("webroot/node_modules/.bin/allure").toAbsolutePath();
    if (Files.isExecutable(bundled)) {
      return bundled.toString();
    }
    looked.add(bundled);
    for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "allure"))) {
        return Path.of(dir, "allure").toString();
      }
    }
    throw new ServiceException(ErrorCode.UNAVAILABLE, "the Allure 3 CLI is not installed: looked at " + looked
        + " and for allure on PATH. Install it with `npm install` in webroot/ (the build does), `npm install -g allure`, "
        + "or name it with ALLURE_CLI", new JsonObject().put("field", "allure"));
  }

  private static void requireEnabled(AppConfig config) {
    if (!AllureResults.enabled(config)) {
      throw ServiceException.badInput("reporting.allure.enabled", "Allure reporting is not enabled in config "
          + "(reporting.allure.enabled: true)");
    }
  }

  private static Path newestWithResults(AppConfig config) throws IOException {
    Path root = Reports.root(config);
    if (Files.isDirectory(root)) {
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path d : dirs.filter(Files::isDirectory).sorted(Comparator.comparing(Path::getFileName).reversed()).toList()) {
          Path r = AllureResults.resultsDir(config, d);
          try (Stream<Path> files = Files.isDirectory(r) ? Files.list(r) : Stream.empty()) {
            if (files.anyMatch(f -> f.getFileName().toString().endsWith("-result.json"))) {
              return d;
            }
          }
        }
      }
    }
    throw ServiceException.notFound("allure", "No Allure results found. Run a scenario first.");
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static String tail(String s) {
    String t = s.strip();
    return t.length() <= 2000 ? t : "..." + t.substring(t.length() - 2000);
  }
}
