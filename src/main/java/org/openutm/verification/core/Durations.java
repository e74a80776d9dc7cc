package org.openutm.verification.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the Python toolkit accepts them: 5, 2.5, "5", "5s", "1m", "1h", "1d", "250ms". Result in seconds. */
public final class Durations {
  /** The longest duration an argument may ask for (7 days): longer ones are refused, not waited. */
  public static final double MAX_SECONDS = 7 * 86_400;

  private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?\\s*");

  private Durations() {
  }

  /** @return seconds, or null when {@code value} is not a duration */
  public static Double seconds(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) && d >= 0 ? d : null;
    }
    if (value instanceof String s) {
      Matcher m = TEXT.matcher(s);
      if (!m.matches()) {
        return null;
      }
      double n = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      double f = switch (unit) {
        case "ms" -> 0.001;
        case "m" -> 60;
        case "h" -> 3600;
        case "d" -> 86400;
        default -> 1;
      };
      double r = n * f;
      return Double.isFinite(r) ? r : null;
    }
    return null;
  }
}
