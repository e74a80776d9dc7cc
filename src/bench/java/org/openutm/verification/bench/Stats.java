package org.openutm.verification.bench;

import java.util.Arrays;

/** Percentiles over recorded samples (nanoseconds or any unit). */
final class Stats {
  private long[] samples = new long[1 << 16];
  private int n;

  synchronized void add(long v) {
    if (n == samples.length) {
      samples = Arrays.copyOf(samples, n * 2);
    }
    samples[n++] = v;
  }

  synchronized int count() {
    return n;
  }

  synchronized double percentile(double p) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] s = Arrays.copyOf(samples, n);
    Arrays.sort(s);
    int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100.0 * n) - 1));
    return s[i];
  }

  /** CPU time of the whole process so far (every thread: service, load generator, GC, JIT). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static String ms(double nanos) {
    return String.format("%.3f ms", nanos / 1e6);
  }
}
