package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP sequence view of a scenario: every exchange of every step in the order it happened (by its start time),
 * with its offset from the first, the step that made it, method, URL, status and duration, and both bodies.
 */
final class Sequence {
  static final int MAX_ROWS = 2_000;

  private record Row(Instant at, String step, JsonObject exchange) {
  }

  private Sequence() {
  }

  static String of(JsonArray steps) {
    List<Row> rows = new ArrayList<>();
    for (Object o : steps) {
      JsonObject step = (JsonObject) o;
      for (Object e : step.getJsonArray("http_exchanges", new JsonArray())) {
        JsonObject x = (JsonObject) e;
        rows.add(new Row(time(x.getValue("started_at")), step.getString("id"), x));
      }
    }
    if (rows.isEmpty()) {
      return "";
    }
    rows.sort(Comparator.comparing(Row::at));
    Instant first = rows.get(0).at;
    StringBuilder sb = new StringBuilder("<details class=\"sequence\"><summary>HTTP sequence (").append(rows.size())
        .append(" exchanges, in order)</summary><table class=\"sequence\"><tr><th>#</th><th>t+ s</th><th>Step</th>"
            + "<th>Request</th><th>Status</th><th>ms</th><th>Bodies</th></tr>");
    for (int i = 0; i < rows.size(); i++) {
      if (i == MAX_ROWS) {
        sb.append("<tr><td colspan=\"7\">... ").append(rows.size() - MAX_ROWS).append(" more in report.json</td></tr>");
        break;
      }
      Row r = rows.get(i);
      JsonObject x = r.exchange;
      Object status = x.getValue("status");
      boolean bad = !(status instanceof Number n) || n.intValue() >= 400;
      sb.append("<tr><td>").append(i + 1).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.3f", (r.at.toEpochMilli() - first.toEpochMilli()) / 1000.0))
          .append("</td><td>").append(HtmlReport.esc(r.step)).append("</td><td>").append(HtmlReport.esc(x.getString("method")))
          .append(' ').append(HtmlReport.esc(x.getString("url"))).append("</td><td").append(bad ? " class=\"bad\">" : ">")
          .append(status == null ? HtmlReport.esc(x.getString("error")) : status).append("</td><td>")
          .append(x.getValue("duration_ms")).append("</td><td><details><summary>show</summary><pre>")
          .append(HtmlReport.esc(HtmlReport.cut(String.valueOf(x.getValue("request_body")), 4_000))).append("</pre><pre>")
          .append(HtmlReport.esc(HtmlReport.cut(String.valueOf(x.getValue("response_body")), 4_000)))
          .append("</pre></details></td></tr>");
    }
    return sb.append("</table></details>").toString();
  }

  private static Instant time(Object v) {
    try {
      return v instanceof String s ? Instant.parse(s) : v instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.EPOCH;
    } catch (java.time.DateTimeException e) {
      return Instant.EPOCH;
    }
  }
}
