package org.openutm.verification.support;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run's report folder exists from its start; its report is whole once report.json says run_status completed. */
public final class ReportFiles {
  private ReportFiles() {
  }

  /** Whether this report.json says its run completed (it is written last, after every other file of the report). */
  public static boolean completed(Path reportJson) {
    try {
      return "completed".equals(new JsonObject(Files.readString(reportJson)).getString("run_status"));
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }
}
