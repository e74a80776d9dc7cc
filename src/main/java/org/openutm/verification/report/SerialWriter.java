package org.openutm.verification.report;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one journal's file work in the order it was handed over, one task at a time, on a thread of a pool shared by
 * every journal (report writing never runs on an event loop, and two runs' reports are written side by side).
 */
final class SerialWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SerialWriter.class);
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "openutm-report-writer");
    t.setDaemon(true);
    return t;
  });

  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  void execute(Runnable task) {
    tasks.add(task);
    if (scheduled.compareAndSet(false, true)) {
      POOL.execute(this::drain);
    }
  }

  private void drain() {
    for (int n = 0; n < 1_000; n++) {
      Runnable t = tasks.poll();
      if (t == null) {
        scheduled.set(false);
        // a task added between the poll and the flag is ours to run
        if (tasks.isEmpty() || !scheduled.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      try {
        t.run();
      } catch (RuntimeException e) {
        LOG.warn("report writer task failed", e);
      }
    }
    // let other journals have the thread: go on later
    POOL.execute(this::drain);
  }
}
