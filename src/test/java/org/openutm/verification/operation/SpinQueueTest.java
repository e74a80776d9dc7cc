package org.openutm.verification.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The worker pools' queue on its own threads: nothing lost, nothing run twice, parked threads woken, pools stop. */
class SpinQueueTest {
  private static final int PRODUCERS = 4;
  private static final int PER_PRODUCER = 25_000;

  /** 100,000 tasks from four threads at once through a pool of four: each runs exactly once, whatever the polling. */
  @Test
  void everyTaskRunsExactlyOnceUnderConcurrentProducers() throws Exception {
    for (long spinNanos : new long[] {0, 1_000, 50_000}) {
      SpinQueue queue = new SpinQueue(spinNanos, new LongAdder());
      ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS, queue);
      int[] runs = new int[PRODUCERS * PER_PRODUCER];
      CountDownLatch done = new CountDownLatch(runs.length);
      List<Thread> producers = new ArrayList<>();
      for (int p = 0; p < PRODUCERS; p++) {
        int first = p * PER_PRODUCER;
        producers.add(start(() -> {
          for (int i = first; i < first + PER_PRODUCER; i++) {
            int slot = i;
            pool.execute(() -> {
              synchronized (runs) {
                runs[slot]++;
              }
              done.countDown();
            });
          }
        }));
      }
      for (Thread t : producers) {
        t.join(30_000);
      }
      assertTrue(done.await(30, TimeUnit.SECONDS), "spin " + spinNanos + " ns: " + done.getCount() + " tasks never ran");
      synchronized (runs) {
        for (int i = 0; i < runs.length; i++) {
          assertEquals(1, runs[i], "task " + i + ", spin " + spinNanos + " ns");
        }
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
      assertEquals(0, queue.size());
    }
  }

  /** A thread that has stopped polling and parked is woken by the next task. */
  @Test
  void aParkedThreadIsWokenByTheNextTask() throws Exception {
    LongAdder polled = new LongAdder();
    SpinQueue queue = new SpinQueue(1_000, polled);
    AtomicReference<Runnable> got = new AtomicReference<>();
    Thread taker = taker(queue, got);
    waitUntilParked(taker);
    Runnable task = () -> { };
    assertTrue(queue.offer(task));
    taker.join(10_000);
    assertSame(task, got.get());
    assertEquals(1, queue.takenParked());
    assertEquals(0, polled.sum());
  }

  /** While a thread polls, a task offered is taken by it, and no parked thread is woken for it. */
  @Test
  void aPollingThreadTakesTheTaskWithoutAWakeUp() throws Exception {
    LongAdder polled = new LongAdder();
    SpinQueue queue = new SpinQueue(TimeUnit.SECONDS.toNanos(20), polled);
    AtomicReference<Runnable> got = new AtomicReference<>();
    Thread poller = taker(queue, got);
    Runnable task = () -> { };
    queue.offer(task);
    poller.join(10_000);
    assertSame(task, got.get());
    assertEquals(1, polled.sum());
    assertEquals(0, queue.takenParked());
  }

  /** A thread taking one task from {@code queue} into {@code got}. */
  private static Thread taker(SpinQueue queue, AtomicReference<Runnable> got) {
    return start(() -> {
      try {
        got.set(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /**
   * Two tasks offered while one thread polls and the other is parked: the poller takes one, and the other reaches the
   * parked thread, whether it came before the poller stopped polling (then the poller hands it on) or after (then its
   * producer wakes the parked thread). Twenty times, so that both orders occur.
   */
  @Test
  void tasksOfferedWhileOneThreadPollsReachAParkedThreadToo() throws Exception {
    for (int round = 0; round < 20; round++) {
      SpinQueue queue = new SpinQueue(TimeUnit.SECONDS.toNanos(5), new LongAdder());
      AtomicInteger taken = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      Runnable take = () -> {
        try {
          queue.take();
          taken.incrementAndGet();
          release.await(10, TimeUnit.SECONDS); // busy with its task: the other task must go to the other thread
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
      Thread first = start(take);
      Thread second = start(take);
      // one of them polls (for 5 s), the other, finding a poller already, parks
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
      while (first.getState() != Thread.State.WAITING && second.getState() != Thread.State.WAITING
          && System.nanoTime() < end) {
        Thread.sleep(1);
      }
      assertTrue(first.getState() == Thread.State.WAITING ^ second.getState() == Thread.State.WAITING,
          "one polls, one parks: " + first.getState() + " " + second.getState());
      queue.addAll(List.of(() -> { }, () -> { }));
      end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (taken.get() < 2 && System.nanoTime() < end) {
        Thread.sleep(1);
      }
      assertEquals(2, taken.get(), "round " + round + ": the parked thread got the second task within 3 s");
      release.countDown();
      first.join(10_000);
      second.join(10_000);
      assertEquals(0, queue.size());
      assertEquals(1, queue.takenParked());
    }
  }

  @Test
  void pollWithATimeoutGivesNullWhenNothingComes() throws Exception {
    SpinQueue queue = new SpinQueue(1_000, new LongAdder());
    assertNull(queue.poll(20, TimeUnit.MILLISECONDS));
    Runnable task = () -> { };
    queue.offer(task);
    assertSame(task, queue.poll(20, TimeUnit.MILLISECONDS));
    List<Runnable> drained = new ArrayList<>();
    queue.offer(task);
    queue.offer(task);
    assertEquals(2, queue.drainTo(drained));
    assertTrue(queue.isEmpty());
  }

  /** Stopping a pool interrupts its parked and polling threads alike: it terminates. */
  @Test
  void shutdownNowStopsThePool() throws Exception {
    SpinQueue queue = new SpinQueue(TimeUnit.MILLISECONDS.toNanos(5), new LongAdder());
    ThreadPoolExecutor pool = new ThreadPoolExecutor(3, 3, 0, TimeUnit.MILLISECONDS, queue);
    pool.prestartAllCoreThreads();
    CountDownLatch ran = new CountDownLatch(10);
    for (int i = 0; i < 10; i++) {
      pool.execute(ran::countDown);
    }
    assertTrue(ran.await(10, TimeUnit.SECONDS));
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static Thread start(Runnable r) {
    Thread t = new Thread(r);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void waitUntilParked(Thread... threads) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (Thread t : threads) {
      while (t.getState() != Thread.State.WAITING && System.nanoTime() < end) {
        Thread.sleep(1);
      }
      assertEquals(Thread.State.WAITING, t.getState(), t.getName());
    }
  }
}
