package org.openutm.verification.core;

import java.time.Instant;

/**
 * {@link Instant#toString()} without its formatter: the same text (ISO-8601 in UTC, seconds always, the fraction in
 * groups of three digits and left out when zero) for years 0 to 9999, written into one small buffer. A step's
 * record carries two timestamps; the JDK's formatter allocated about 2 KB for each.
 */
public final class IsoInstant {
  private IsoInstant() {
  }

  public static String format(Instant t) {
    long seconds = t.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400);
    int secOfDay = (int) Math.floorMod(seconds, 86_400);
    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return t.toString();
    }
    StringBuilder b = new StringBuilder(30);
    pad(b, year, 4).append('-');
    pad(b, date.getMonthValue(), 2).append('-');
    pad(b, date.getDayOfMonth(), 2).append('T');
    pad(b, secOfDay / 3600, 2).append(':');
    pad(b, secOfDay / 60 % 60, 2).append(':');
    pad(b, secOfDay % 60, 2);
    int nano = t.getNano();
    if (nano > 0) {
      b.append('.');
      if (nano % 1_000_000 == 0) {
        pad(b, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        pad(b, nano / 1_000, 6);
      } else {
        pad(b, nano, 9);
      }
    }
    return b.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    int digits = value == 0 ? 1 : (int) Math.log10(value) + 1;
    for (int i = digits; i < width; i++) {
      b.append('0');
    }
    return b.append(value);
  }
}
