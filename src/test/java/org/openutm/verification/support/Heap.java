package org.openutm.verification.support;

/** Used heap once collections have settled: the memory baseline of the fuzz and load runs. */
public final class Heap {
  private Heap() {
  }

  /** The lowest used heap seen over five GC rounds 200 ms apart, in bytes. */
  public static long settled() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime rt = Runtime.getRuntime();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
