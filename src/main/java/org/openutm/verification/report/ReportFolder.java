package org.openutm.verification.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.core.AtomicFiles;

/**
 * One report folder, {@code <output_dir>/<YYYY-MM-DD_HH-MM-SS>[-n]/}: made when a run starts, its files written from a
 * report.json object, each atomically (a temporary file, then a rename). Blocking IO.
 */
final class ReportFolder {
  static final DateTimeFormatter DIR = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

  private ReportFolder() {
  }

  /** A new folder under {@code root} named after the wall clock (with -2, -3... when taken). */
  static synchronized Path create(Path root) throws IOException {
    Files.createDirectories(root);
    String base = LocalDateTime.ofInstant(Instant.ofEpochMilli(SimClock.wallMillis()), ZoneId.systemDefault()).format(DIR);
    Path dir = root.resolve(base);
    for (int n = 2; ; n++) {
      try {
        return Files.createDirectory(dir);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        dir = root.resolve(base + "-" + n);
      }
    }
  }

  /**
   * Writes {@code report} into {@code dir}: the scenario data folders, Allure results when the report's config enables
   * them, then report.json, report.html, junit.xml and report.log as {@code formats} asks (report.log last: a reader
   * waiting for a whole report waits for it).
   */
  static void write(Path dir, JsonObject report, List<String> formats) throws IOException {
    ScenarioData.save(dir, report);
    JsonObject reporting = report.getJsonObject("config", new JsonObject()).getJsonObject("reporting", new JsonObject());
    if (AllureResults.enabled(reporting)) {
      AllureResults.write(reporting, dir, report);
    }
    if (formats.contains("json")) {
      AtomicFiles.write(dir.resolve("report.json"), report.encodePrettily());
    }
    if (formats.contains("html")) {
      AtomicFiles.write(dir.resolve("report.html"), HtmlReport.of(report));
    }
    if (formats.contains("junit")) {
      AtomicFiles.write(dir.resolve("junit.xml"), JUnitXml.of(report));
    }
    if (formats.contains("log")) {
      AtomicFiles.write(dir.resolve("report.log"), Reports.log(report));
    }
  }
}
