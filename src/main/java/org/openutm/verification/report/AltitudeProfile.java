package org.openutm.verification.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Altitude over time, one small inline-SVG chart per track (each telemetry track, each aircraft of the air traffic):
 * seconds since the track's first sample across, metres up. Points without an altitude are left out; a track without
 * times is drawn by sample number.
 */
final class AltitudeProfile {
  static final int MAX_CHARTS = 24;
  private static final int W = 320;
  private static final int H = 130;
  private static final int PAD_L = 46;
  private static final int PAD_B = 22;

  private AltitudeProfile() {
  }

  /** A chart per track of {@code tracks} ([lon, lat, alt, t] points), titled "{kind} {id}"; "" when none has altitudes. */
  static String charts(String kind, Map<String, List<double[]>> tracks, String colour) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (Map.Entry<String, List<double[]>> e : tracks.entrySet()) {
      if (n == MAX_CHARTS) {
        sb.append("<p class=\"note\">").append(tracks.size() - MAX_CHARTS).append(" more ").append(kind)
            .append(" tracks; report.json has them all.</p>");
        break;
      }
      String chart = chart(kind + " " + e.getKey(), e.getValue(), colour);
      if (!chart.isEmpty()) {
        sb.append(chart);
        n++;
      }
    }
    return sb.toString();
  }

  static String chart(String title, List<double[]> points, String colour) {
    List<double[]> withAlt = points.stream().filter(p -> p.length > 2 && !Double.isNaN(p[2])).toList();
    if (withAlt.size() < 2) {
      return "";
    }
    boolean timed = withAlt.stream().allMatch(p -> p.length > 3 && !Double.isNaN(p[3]));
    double t0 = timed ? withAlt.get(0)[3] : 0;
    double[] x = new double[withAlt.size()];
    double minA = Double.MAX_VALUE;
    double maxA = -Double.MAX_VALUE;
    double maxX = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = timed ? withAlt.get(i)[3] - t0 : i;
      maxX = Math.max(maxX, x[i]);
      minA = Math.min(minA, withAlt.get(i)[2]);
      maxA = Math.max(maxA, withAlt.get(i)[2]);
    }
    if (maxA - minA < 1) {
      // level flight: a line across the middle
      double mid = (maxA + minA) / 2;
      minA = mid - 0.5;
      maxA = mid + 0.5;
    }
    double sx = (W - PAD_L - 8) / Math.max(maxX, 1e-6);
    double sy = (H - PAD_B - 18) / (maxA - minA);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < x.length; i++) {
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", PAD_L + x[i] * sx, H - PAD_B - (withAlt.get(i)[2] - minA) * sy));
    }
    return String.format(Locale.ROOT, "<svg class=\"altitude\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\"><rect width=\"100%%\" height=\"100%%\" fill=\"#fafbfc\"/>"
        + "<text x=\"%d\" y=\"12\" font-size=\"11\" font-weight=\"600\">%s</text>"
        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/><line x1=\"%d\" y1=\"18\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
        + "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%.0f m</text>"
        + "<text x=\"%d\" y=\"22\" font-size=\"10\" text-anchor=\"end\">%.0f m</text>"
        + "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>"
        + "<polyline class=\"profile\" points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/></svg>",
        W, H, W, H, PAD_L, HtmlReport.esc(title), PAD_L, H - PAD_B, W - 8, H - PAD_B, PAD_L, PAD_L, H - PAD_B,
        PAD_L - 4, H - PAD_B, minA, PAD_L - 4, maxA, W - 8, H - 6,
        timed ? String.format(Locale.ROOT, "%.0f s", maxX) : x.length + " samples", line.toString().trim(), colour);
  }
}
