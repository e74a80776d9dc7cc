package org.openutm.verification.operation;

import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openutm.verification.clock.SimClock;

/**
 * The task queue of a worker pool in which one idle thread at a time keeps polling for {@code spinNanos} before it
 * parks, so that a task handed over soon after the last one is taken without waking a sleeping thread. A sequential
 * run hands its worker one step at a time: with plain parking, every step paid for waking a thread on the other CPU
 * (docs/performance.md, part 14). Producers wake a parked thread only when no thread is polling.
 *
 * <p>Ordering against lost wake-ups: a producer adds, then reads {@code spinning} and {@code waiting}; a poller clears
 * {@code spinning}, then looks at the queue again; a parker counts itself in {@code waiting} under the lock, then
 * polls. Each side's write comes before its read, so at least one of the two sees the other.
 */
public final class SpinQueue extends AbstractQueue<Runnable> implements BlockingQueue<Runnable> {
  private final ConcurrentLinkedQueue<Runnable> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger spinning = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final long spinNanos;
  private final LongAdder takenPolling;
  private final LongAdder takenParked = new LongAdder();

  /** {@code takenPolling}: counts the tasks taken while polling (shared by the pools of a process, or this queue's). */
  public SpinQueue(long spinNanos, LongAdder takenPolling) {
    this.spinNanos = spinNanos;
    this.takenPolling = takenPolling;
  }

  /** Tasks a thread took while polling, no wake-up needed (the counter given, which may be shared). */
  public long takenPolling() {
    return takenPolling.sum();
  }

  /** Tasks a thread took after it had parked. */
  public long takenParked() {
    return takenParked.sum();
  }

  @Override
  public boolean offer(Runnable task) {
    items.add(task);
    if (spinning.get() == 0 && waiting.get() > 0) {
      signal();
    }
    return true;
  }

  @Override
  public Runnable take() throws InterruptedException {
    Runnable task = spin();
    if (task != null) {
      takenPolling.increment();
      return task;
    }
    lock.lockInterruptibly();
    try {
      waiting.incrementAndGet();
      try {
        while ((task = items.poll()) == null) {
          notEmpty.await();
        }
      } finally {
        waiting.decrementAndGet();
      }
      passOn();
      takenParked.increment();
      return task;
    } finally {
      lock.unlock();
    }
  }

  /** The queue's head at once, or, if no other thread is polling, whatever comes within {@code spinNanos}. */
  private Runnable spin() {
    Runnable task = items.poll();
    if (task != null || spinNanos <= 0 || !spinning.compareAndSet(0, 1)) {
      return task;
    }
    try {
      long end = SimClock.wallNanos() + spinNanos;
      do {
        Thread.onSpinWait();
        task = items.poll();
      } while (task == null && SimClock.wallNanos() - end < 0);
      return task;
    } finally {
      spinning.set(0);
      // tasks offered while this thread polled woke nobody: hand the rest to a parked thread
      passOn();
    }
  }

  private void passOn() {
    if (!items.isEmpty() && waiting.get() > 0) {
      signal();
    }
  }

  private void signal() {
    lock.lock();
    try {
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
    Runnable task = items.poll();
    if (task != null) {
      return task;
    }
    long nanos = unit.toNanos(timeout);
    lock.lockInterruptibly();
    try {
      waiting.incrementAndGet();
      try {
        while ((task = items.poll()) == null) {
          if (nanos <= 0) {
            return null;
          }
          nanos = notEmpty.awaitNanos(nanos);
        }
      } finally {
        waiting.decrementAndGet();
      }
      passOn();
      return task;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Runnable poll() {
    return items.poll();
  }

  @Override
  public Runnable peek() {
    return items.peek();
  }

  @Override
  public void put(Runnable task) {
    offer(task);
  }

  @Override
  public boolean offer(Runnable task, long timeout, TimeUnit unit) {
    return offer(task);
  }

  @Override
  public int remainingCapacity() {
    return Integer.MAX_VALUE;
  }

  @Override
  public int drainTo(Collection<? super Runnable> to) {
    return drainTo(to, Integer.MAX_VALUE);
  }

  @Override
  public int drainTo(Collection<? super Runnable> to, int max) {
    int n = 0;
    Runnable task;
    while (n < max && (task = items.poll()) != null) {
      to.add(task);
      n++;
    }
    return n;
  }

  @Override
  public Iterator<Runnable> iterator() {
    return items.iterator();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public boolean remove(Object o) {
    return items.remove(o);
  }
}
