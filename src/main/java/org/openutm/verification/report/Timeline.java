package org.openutm.verification.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The run as a Gantt chart (inline SVG): a bar per step from its start to its end, in order of start, so background
 * steps overlap the steps that ran meanwhile; the colour is the status; each bar links to the step's row. Steps with
 * no times (skipped, joins, loop and group aggregates) have no bar.
 */
final class Timeline {
  static final int MAX_BARS = 400;
  private static final int ROW = 16;
  private static final int LABEL = 220;
  private static final int WIDTH = 1000;

  private Timeline() {
  }

  private record Bar(int index, String id, String status, double start, double end) {
  }

  /** The chart, or "" when no step has times. {@code anchor}: the prefix of the step rows' element ids. */
  static String svg(JsonArray steps, String anchor) {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonObject s = steps.getJsonObject(i);
      double a = epoch(s.getString("started_at"));
      double b = epoch(s.getString("finished_at"));
      if (!Double.isNaN(a) && !Double.isNaN(b) && !Boolean.TRUE.equals(s.getValue("aggregate"))) {
        bars.add(new Bar(i, s.getString("id"), s.getString("status"), a, Math.max(a, b)));
      }
    }
    if (bars.isEmpty()) {
      return "";
    }
    bars.sort(Comparator.comparingDouble(Bar::start));
    double t0 = bars.get(0).start();
    double t1 = bars.stream().mapToDouble(Bar::end).max().orElse(t0);
    double span = Math.max(t1 - t0, 0.001);
    int shown = Math.min(bars.size(), MAX_BARS);
    int height = shown * ROW + 30;
    double scale = (WIDTH - LABEL - 10) / span;
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", WIDTH, height, WIDTH, height));
    double tick = niceStep(span / 8);
    for (double t = 0; t <= span + 1e-9; t += tick) {
      double x = LABEL + t * scale;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e6ea\"/>"
          + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#667\">%s s</text>", x, x, height - 18, x + 2, height - 6,
          trim(t)));
    }
    for (int r = 0; r < shown; r++) {
      Bar b = bars.get(r);
      double x = LABEL + (b.start() - t0) * scale;
      double w = Math.max(2, (b.end() - b.start()) * scale);
      int y = r * ROW + 2;
      sb.append("<a href=\"#").append(HtmlReport.esc(anchor + b.index())).append("\"><g class=\"bar ")
          .append(HtmlReport.esc(b.status())).append("\"><title>").append(HtmlReport.esc(b.id()))
          .append(String.format(Locale.ROOT, ": %s, %.3f s to %.3f s</title>", HtmlReport.esc(b.status()),
              b.start() - t0, b.end() - t0))
          .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
              LABEL - 6, y + 11, HtmlReport.esc(cut(b.id()))))
          .append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"%s\"/>",
              x, y, w, ROW - 4, colour(b.status())))
          .append("</g></a>");
    }
    sb.append("</svg>");
    if (bars.size() > shown) {
      sb.append("<p class=\"note\">").append(bars.size() - shown).append(" later steps are not drawn; report.json has them all.</p>");
    }
    return sb.toString();
  }

  static String colour(String status) {
    return switch (String.valueOf(status)) {
      case "success" -> "#34a853";
      case "failure" -> "#d93025";
      case "running" -> "#4a7bd0";
      default -> "#9aa0a6";
    };
  }

  private static String cut(String id) {
    String s = String.valueOf(id);
    return s.length() <= 32 ? s : s.substring(0, 31) + "…";
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-6))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }

  static double epoch(String iso) {
    if (iso == null) {
      return Double.NaN;
    }
    try {
      Instant i = Instant.parse(iso);
      return i.getEpochSecond() + i.getNano() / 1e9;
    } catch (DateTimeParseException e) {
      return Double.NaN;
    }
  }
}
