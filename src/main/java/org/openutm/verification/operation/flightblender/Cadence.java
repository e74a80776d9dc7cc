package org.openutm.verification.operation.flightblender;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The cadence check of the SDSP streams, as the Python toolkit makes it (flight_blender_client.py,
 * initialize_verify_sdsp_heartbeat): the first two frames are dropped ("we are just starting"), then every interval
 * between consecutive arrivals must lie within {@code tolerance} of the expected one.
 * <p>One addition, the measurement's own resolution: on the simulated clock at speed N the arrival times are read on
 * a clock that advances in steps of up to 25 ms and turns each millisecond of real delivery delay into N, so the
 * allowed deviation grows by {@link #slackSeconds(double)} (0 at speed 1, 0.12 s at speed 20) and the result says so.
 *
 * @param intervals seconds between consecutive judged arrivals, rounded to the millisecond
 * @param problems one line per interval outside the allowed deviation
 * @param judged how many frames were judged (after the dropped ones)
 */
record Cadence(JsonArray intervals, List<String> problems, int judged) {
  /** Frames dropped at the start, as the toolkit does. */
  static final int DROPPED = 2;

  /** Extra allowed deviation, in seconds, for arrival times read on the simulated clock at {@code speed}. */
  static double slackSeconds(double speed) {
    return speed <= 1 ? 0 : 0.025 + 0.005 * (speed - 1);
  }

  /** Judges arrival times (nanoseconds, in order). */
  static Cadence of(List<Long> arrivals, double interval, double tolerance, double slack) {
    List<Long> judged = arrivals.size() > DROPPED ? arrivals.subList(DROPPED, arrivals.size()) : List.of();
    JsonArray intervals = new JsonArray();
    List<String> problems = new ArrayList<>();
    double allowed = interval * tolerance + slack;
    for (int i = 1; i < judged.size(); i++) {
      double gap = (judged.get(i) - judged.get(i - 1)) / 1e9;
      intervals.add(Math.round(gap * 1000) / 1000.0);
      if (Math.abs(gap - interval) > allowed) {
        problems.add("interval " + i + " was " + String.format("%.3f", gap) + " s (expected " + interval + " s +-"
            + Math.round(tolerance * 100) + "%" + (slack > 0 ? String.format(" +-%.3f s clock slack", slack) : "")
            + ")");
      }
    }
    return new Cadence(intervals, problems, judged.size());
  }
}
