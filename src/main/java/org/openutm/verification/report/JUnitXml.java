package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.clock.SimClock;

/** JUnit XML for CI systems: one testsuite per scenario, one testcase per step (failure and skipped marked). */
final class JUnitXml {
  private JUnitXml() {
  }

  static String of(JsonObject report) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"openutm-verification\" tests=\"").append(count(report, null) + interrupted(report)).append("\" failures=\"")
        .append(count(report, "failure")).append("\" skipped=\"").append(count(report, "skipped")).append("\" errors=\"")
        .append(interrupted(report)).append("\" time=\"")
        .append(seconds(report.getValue("total_duration"))).append("\">\n");
    for (Object o : report.getJsonArray("results")) {
      JsonObject r = (JsonObject) o;
      JsonArray steps = r.getJsonArray("steps", new JsonArray());
      String suite = r.getString("name");
      boolean cut = Reports.INTERRUPTED.equals(r.getString("run_status"));
      sb.append("  <testsuite name=\"").append(esc(suite)).append("\" tests=\"").append(steps.size() + (cut ? 1 : 0))
          .append("\" failures=\"").append(statusCount(steps, "failure")).append("\" errors=\"").append(cut ? 1 : 0)
          .append("\" skipped=\"")
          .append(statusCount(steps, "skipped")).append("\" time=\"").append(seconds(r.getValue("duration")))
          .append("\" timestamp=\"").append(timestamp(report.getString("start_time"))).append("\">\n");
      for (Object s : steps) {
        JsonObject step = (JsonObject) s;
        sb.append("    <testcase classname=\"").append(esc(suite)).append("\" name=\"").append(esc(step.getString("id")))
            .append("\" time=\"").append(seconds(step.getValue("duration"))).append("\"");
        String status = step.getString("status");
        String message = step.getString("error_message");
        if ("failure".equals(status)) {
          sb.append(">\n      <failure message=\"").append(esc(message == null ? "failed" : message)).append("\" type=\"")
              .append(esc(step.getString("name"))).append("\">").append(esc(message == null ? "" : message))
              .append("</failure>\n    </testcase>\n");
        } else if ("skipped".equals(status)) {
          sb.append(">\n      <skipped message=\"").append(esc(message == null ? "skipped" : message)).append("\"/>\n    </testcase>\n");
        } else {
          sb.append("/>\n");
        }
      }
      if (cut) {
        // the scenario did not end: CI shows it as an error, not as a suite whose steps all passed
        String message = r.getString("error_message") == null ? "interrupted" : r.getString("error_message");
        sb.append("    <testcase classname=\"").append(esc(suite)).append("\" name=\"(interrupted)\" time=\"0.000\">\n")
            .append("      <error message=\"").append(esc(message)).append("\" type=\"interrupted\">").append(esc(message))
            .append("</error>\n    </testcase>\n");
      }
      sb.append("  </testsuite>\n");
    }
    sb.append("</testsuites>\n");
    return sb.toString();
  }

  /** Decimal seconds with millisecond precision (never 1.0E-4 notation, never negative). */
  static String seconds(Object v) {
    double d = v instanceof Number n && Double.isFinite(n.doubleValue()) ? Math.max(0, n.doubleValue()) : 0;
    return String.format(java.util.Locale.ROOT, "%.3f", d);
  }

  /** The run's start as a UTC date-time without zone, as JUnit readers expect (now when unknown). */
  static String timestamp(String start) {
    java.time.Instant t;
    try {
      t = start == null ? SimClock.now() : java.time.Instant.parse(start);
    } catch (java.time.DateTimeException e) {
      t = SimClock.now();
    }
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC).format(t);
  }

  private static long interrupted(JsonObject report) {
    return report.getJsonArray("results").stream()
        .filter(o -> Reports.INTERRUPTED.equals(((JsonObject) o).getString("run_status"))).count();
  }

  private static int count(JsonObject report, String status) {
    int n = 0;
    for (Object o : report.getJsonArray("results")) {
      JsonArray steps = ((JsonObject) o).getJsonArray("steps", new JsonArray());
      n += status == null ? steps.size() : statusCount(steps, status);
    }
    return n;
  }

  private static int statusCount(JsonArray steps, String status) {
    return (int) steps.stream().filter(s -> status.equals(((JsonObject) s).getString("status"))).count();
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
