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

  /**
   * CPU time so far of the live threads, summed by kind: Vert.x event loops, Vert.x workers, and everything else
   * (GC, JIT, report writers, the bench itself). A thread that ended in between is not counted.
   */
  static java.util.Map<String, Long> threadCpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      long cpu = mx.getThreadCpuTime(t.getThreadId());
      String name = t.getThreadName();
      String kind = name.startsWith("vert.x-eventloop-thread") ? "event loops"
          : name.startsWith("vert.x-worker-thread") ? "workers" : "other threads";
      out.merge(kind, Math.max(0, cpu), Long::sum);
    }
    return out;
  }

  /** Bytes allocated so far by the live threads of this process (HotSpot's per-thread counters). */
  static long allocatedBytes() {
    var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long a : mx.getThreadAllocatedBytes(mx.getAllThreadIds())) {
      sum += Math.max(0, a);
    }
    return sum;
  }

  /** {@code after - before} per kind, in microseconds per {@code n}: "event loops 12.3, workers 4.5, ...". */
  static String perItem(java.util.Map<String, Long> before, java.util.Map<String, Long> after, long n) {
    StringBuilder b = new StringBuilder();
    after.forEach((kind, cpu) -> b.append(b.length() == 0 ? "" : ", ").append(kind).append(' ')
        .append(String.format("%.1f", (cpu - before.getOrDefault(kind, 0L)) / 1e3 / n)));
    return b.toString();
  }

  static String ms(double nanos) {
    return String.format("%.3f ms", nanos / 1e6);
  }
}
