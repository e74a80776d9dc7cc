package org.openutm.verification.clock;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Simulated time at a speed above 1. A daemon thread ticks about every millisecond: it advances simulated time by the
 * wall time since its last tick times the speed (at most {@link #MAX_SIM_STEP_NANOS} per tick, so a pause of the
 * process slows the clock instead of making it jump), fires the timers now due on their own contexts, in order, and probes each context that
 * holds a timer. While a probe has not run (its event loop or worker is busy), time does not advance: the clock waits
 * for the work instead of running ahead of it. A context whose probe has not run for {@link #GIVE_UP_NANOS} (stuck in
 * a long blocking task) stops holding time back until it answers; the timers of a closed Vert.x instance are dropped. Readers between ticks see time interpolated, never going
 * back.
 */
final class Pacer {
  static final double MAX_SPEED = 1000;
  /** The most simulated time one tick may add: bounds how late a timer fires (25 ms of simulated time). */
  static final long MAX_SIM_STEP_NANOS = 25_000_000;
  static final long GIVE_UP_NANOS = 250_000_000;
  private static final long FIRST_ID = 1L << 48;

  private record Timer(long id, long due, long period, Context context, Handler<Long> handler) {
  }

  /** A context holding timers: how many, and the wall time of its unanswered probe (0: answered). */
  private static final class Held {
    final java.util.concurrent.atomic.AtomicInteger timers = new java.util.concurrent.atomic.AtomicInteger();
    final AtomicLong probeSent = new AtomicLong();
  }

  private final double speed;
  private final long startWall = System.nanoTime();
  private final long startEpochNanos = System.currentTimeMillis() * 1_000_000L;
  private static final AtomicLong NEXT_ID = new AtomicLong(FIRST_ID);
  private final PriorityQueue<Timer> queue = new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due)
      : Long.compare(a.id, b.id));
  private final Map<Long, Timer> live = new ConcurrentHashMap<>();
  private final Map<Context, Held> probes = new ConcurrentHashMap<>();
  private final AtomicLong read = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  /** Simulated nanoseconds since the start, and the wall reading of the tick that set it. */
  private volatile long sim;
  private volatile long simWall = startWall;
  private volatile boolean held;

  Pacer(double speed) {
    this.speed = speed;
    thread = new Thread(this::loop, "sim-clock-x" + (int) speed);
    thread.setDaemon(true);
    thread.start();
  }

  static boolean isSimulated(long id) {
    return id >= FIRST_ID;
  }

  double speed() {
    return speed;
  }

  double achieved() {
    long wall = System.nanoTime() - startWall;
    return wall <= 0 ? speed : Math.min(speed, sim / (double) wall);
  }

  /** Simulated epoch nanoseconds: the last tick's, plus the wall time since (times the speed) unless held. */
  long epochNanos() {
    long s = sim;
    if (!held) {
      s += Math.min((long) ((System.nanoTime() - simWall) * speed), MAX_SIM_STEP_NANOS);
    }
    long seen = read.accumulateAndGet(s, Math::max);
    return startEpochNanos + seen;
  }

  long schedule(Context context, long delayMillis, long periodMillis, Handler<Long> handler) {
    long id = NEXT_ID.getAndIncrement();
    return adopt(new Migrant(id, context, Math.max(1, delayMillis) * 1_000_000L, periodMillis * 1_000_000L, handler));
  }

  /** A timer moving from one clock regime to another: its id, and its simulated nanoseconds still to wait. */
  record Migrant(long id, Context context, long remaining, long period, Handler<Long> handler) {
  }

  /** Schedules a migrant (or a new timer) under its own id. */
  long adopt(Migrant m) {
    long id = m.id();
    Timer t = new Timer(id, (epochNanos() - startEpochNanos) + Math.max(1, m.remaining()), m.period(), m.context(),
        m.handler());
    Context context = m.context();
    probes.computeIfAbsent(context, c -> new Held()).timers.incrementAndGet();
    live.put(id, t);
    synchronized (queue) {
      queue.add(t);
    }
    return id;
  }

  boolean cancel(long id) {
    Timer t = live.remove(id);
    if (t != null) {
      released(t.context);
    }
    return t != null;
  }

  private void released(Context context) {
    Held h = probes.get(context);
    if (h != null && h.timers.decrementAndGet() <= 0) {
      probes.remove(context, h);
    }
  }

  void stop() {
    running = false;
    LockSupport.unpark(thread);
  }

  /** Stops this clock and hands over its pending timers (of open Vert.x instances) with what they still have to wait. */
  java.util.List<Migrant> drain() {
    stop();
    long now = epochNanos() - startEpochNanos;
    java.util.List<Migrant> out = new java.util.ArrayList<>();
    for (Timer t : live.values()) {
      if (!closed(t.context)) {
        out.add(new Migrant(t.id, t.context, Math.max(1, t.due - now), t.period, t.handler));
      }
    }
    live.clear();
    probes.clear();
    return out;
  }

  private void loop() {
    long last = System.nanoTime();
    while (running) {
      LockSupport.parkNanos(1_000_000);
      long now = System.nanoTime();
      long step = Math.min((long) ((now - last) * speed), MAX_SIM_STEP_NANOS);
      last = now;
      held = waiting(now) || SimClock.lagging(now);
      long next = held ? Math.max(sim, read.get()) : Math.max(sim + step, read.get());
      sim = next;
      simWall = now;
      fire(next);
      probe(now);
    }
  }

  /** Whether some probed context has not yet run the probe sent to it (and has not been given up on). */
  private boolean waiting(long now) {
    boolean waiting = false;
    for (var e : probes.entrySet()) {
      long sent = e.getValue().probeSent.get();
      if (sent == 0) {
        continue;
      }
      if (closed(e.getKey())) {
        probes.remove(e.getKey());
      } else if (now - sent <= GIVE_UP_NANOS) {
        waiting = true;
      }
    }
    return waiting;
  }

  private void probe(long now) {
    for (var e : probes.entrySet()) {
      AtomicLong pending = e.getValue().probeSent;
      if (pending.compareAndSet(0, now)) {
        try {
          e.getKey().runOnContext(v -> pending.set(0));
        } catch (RuntimeException closed) {
          probes.remove(e.getKey());
        }
      }
    }
  }

  private static boolean closed(Context context) {
    return context.owner() instanceof io.vertx.core.internal.VertxInternal v && v.closeFuture().isClosed();
  }

  private void fire(long now) {
    while (true) {
      Timer t;
      synchronized (queue) {
        t = queue.peek();
        if (t == null || t.due > now) {
          return;
        }
        queue.poll();
      }
      if (live.get(t.id) != t) {
        continue;
      }
      if (closed(t.context)) {
        if (live.remove(t.id) != null) {
          released(t.context);
        }
        continue;
      }
      Timer fired = t;
      if (t.period > 0) {
        Timer again = new Timer(t.id, t.due + t.period, t.period, t.context, t.handler);
        live.put(t.id, again);
        synchronized (queue) {
          queue.add(again);
        }
      } else {
        live.remove(t.id);
        released(t.context);
      }
      try {
        fired.context.runOnContext(v -> {
          if (fired.period == 0 || live.containsKey(fired.id)) {
            fired.handler.handle(fired.id);
          }
        });
      } catch (RuntimeException closed) {
        if (live.remove(fired.id) != null) {
          released(fired.context);
        }
      }
    }
  }
}
