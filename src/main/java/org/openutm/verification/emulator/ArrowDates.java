package org.openutm.verification.emulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date query parameters as Flight Blender reads them in both eras ({@code arrow.get(value)} after a space is put back
 * to '+', services/surveillance_svc.py get_service_metrics): ISO 8601 dates and date-times, date-only allowed, no
 * zone meaning UTC. Null when arrow would raise its ParserError.
 */
final class ArrowDates {
  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
          + "(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private ArrowDates() {
  }

  static Instant parse(String raw) {
    if (raw == null) {
      return null;
    }
    Matcher m = ISO.matcher(raw.replace(' ', '+').trim());
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
      int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
      LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
      String zone = m.group(8);
      ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC
          : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
      return LocalDateTime.of(date, time).toInstant(offset);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
