package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Random;

/**
 * Issue 9 benchmark: one DAA tick with 100 ownships x 300 intruders (goal: under 100 ms), against a baseline tick of
 * 1 ownship x 300 intruders measured in the same run; the ratio per evaluated pair shows how the tick scales.
 * Aircraft fly straight lines inside a 10 x 10 km box so that many pairs alert (logs and ranking are exercised).
 * Run: {@code ./mvnw -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.emulator.DaaBench
 * -Dbench.args="100 300 60"} (ownships, intruders, ticks).
 */
public final class DaaBench {
  private DaaBench() {
  }

  public static void main(String[] args) {
    int ownships = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int intruders = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int ticks = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    measure(1, intruders, ticks, false);
    measure(ownships, intruders, ticks, false);
    double[] base = measure(1, intruders, ticks, true);
    double[] full = measure(ownships, intruders, ticks, true);
    double perPairBase = base[0] / (1.0 * intruders);
    double perPairFull = full[0] / ((double) ownships * intruders);
    System.out.printf("== DAA tick, baseline 1 x %d: p50 %.3f ms, p99 %.3f ms%n", intruders, base[0], base[1]);
    System.out.printf("== DAA tick, %d x %d: p50 %.2f ms, p99 %.2f ms (goal < 100 ms), %.0f log lines per tick%n",
        ownships, intruders, full[0], full[1], full[2]);
    System.out.printf("== cost per pair: %.2f us vs %.2f us baseline, ratio %.2f%n", perPairFull * 1000,
        perPairBase * 1000, perPairFull / perPairBase);
  }

  /** p50 and p99 tick time in ms, and log lines per tick. */
  static double[] measure(int ownships, int intruders, int ticks, boolean print) {
    Random r = new Random(42);
    DaaEngine engine = new DaaEngine(DaaEngine.Options.from(new JsonObject()), (k, b, l) -> { });
    double[][] own = aircraft(r, ownships, 15);
    double[][] intr = aircraft(r, intruders, 50);
    double[] times = new double[ticks];
    long t0 = 1_800_000_000_000L;
    int logsBefore = 0;
    for (int s = 0; s < ticks; s++) {
      long now = t0 + s * 1000L;
      for (int i = 0; i < ownships; i++) {
        double[] a = own[i];
        engine.ownship("own" + i, new JsonObject().put("position", new JsonObject().put("lat", lat(a, s))
            .put("lng", lon(a, s)).put("alt", 120.0)).put("speed", Math.hypot(a[2], a[3]))
            .put("track", Math.toDegrees(Math.atan2(a[2], a[3]))), now);
      }
      for (int i = 0; i < intruders; i++) {
        double[] a = intr[i];
        engine.intruder("I" + i, new JsonObject().put("lat_dd", lat(a, s)).put("lon_dd", lon(a, s))
            .put("altitude_mm", 130_000).put("timestamp", now * 1000), now);
      }
      long start = System.nanoTime();
      engine.tick(now + 10, id -> true);
      times[s] = (System.nanoTime() - start) / 1e6;
    }
    int logs = engine.logs(null, null, null, null, null, null).size() - logsBefore;
    Arrays.sort(times);
    return new double[] {times[ticks / 2], times[Math.min(ticks - 1, (int) Math.ceil(ticks * 0.99) - 1)],
        logs / (double) ticks};
  }

  static double[][] aircraft(Random r, int n, double speed) {
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      double heading = r.nextDouble() * 2 * Math.PI;
      a[i] = new double[] {r.nextDouble() * 10_000, r.nextDouble() * 10_000, speed * Math.sin(heading),
          speed * Math.cos(heading)};
    }
    return a;
  }

  static double lat(double[] a, int s) {
    return 53.5 + (a[1] + a[3] * s) / DaaGeometry.M_PER_DEG_LAT;
  }

  static double lon(double[] a, int s) {
    return -113.6 + (a[0] + a[2] * s) / (DaaGeometry.M_PER_DEG_LON_EQUATOR * Math.cos(Math.toRadians(53.5)));
  }
}
