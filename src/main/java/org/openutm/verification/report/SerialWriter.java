package org.openutm.verification.report;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

  /** Fires deferred drains (and a journal's snapshot seconds); the work itself goes to the pool. */
  static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "openutm-report-timer");
    t.setDaemon(true);
    return t;
  });

  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean soon = new AtomicBoolean();
  private final Runnable idle;

  /** {@code idle}: run on the writer thread each time the tasks handed over so far are done (a batch's flush). */
  SerialWriter(Runnable idle) {
    this.idle = idle;
  }

  void execute(Runnable task) {
    tasks.add(task);
    kick();
  }

  /**
   * As {@link #execute}, but the writer need not wake for it before {@code delayMillis}: a run's many step lines are
   * written in batches (a wake-up per step cost a fast run a third of its speed) and still reach the operating system
   * within that delay.
   */
  void executeSoon(Runnable task, long delayMillis) {
    tasks.add(task);
    if (!scheduled.get() && soon.compareAndSet(false, true)) {
      TIMER.schedule(() -> {
        soon.set(false);
        kick();
      }, delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void kick() {
    if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
      POOL.execute(this::drain);
    }
  }

  private void drain() {
    for (int n = 0; n < 1_000; n++) {
      Runnable t = tasks.poll();
      if (t == null) {
        runIdle();
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
    runIdle();
    POOL.execute(this::drain);
  }

  private void runIdle() {
    try {
      idle.run();
    } catch (RuntimeException e) {
      LOG.warn("report writer flush failed", e);
    }
  }
}
