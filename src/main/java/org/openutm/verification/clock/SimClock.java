package org.openutm.verification.clock;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Instant;

/**
 * The process's one clock: every "now", timer, sleep and duration of the runner, the operations and the embedded
 * emulator reads it (an architecture test keeps the wall clock out of every other class).
 * <p>At speed 1 (the default) it is the wall clock and Vert.x's own timers: nothing changes. At speed N it runs N times
 * faster than the wall, paced by {@link Pacer}: simulated time advances only while the event loops that hold its
 * timers keep up, so a lagging loop makes time wait instead of running ahead of the work; timers fire in simulated
 * order on the context that set them. {@link #achievedSpeed()} says how fast it actually ran.
 */
public final class SimClock {
  private static volatile Pacer pacer;

  private SimClock() {
  }

  /**
   * Sets the process's speed (1 = the wall clock). Changing it re-anchors simulated time on the wall clock, so it is
   * for the start of a process (config {@code clock.speed}, {@code run --speed}) or between tests with nothing running.
   */
  public static synchronized void configure(double speed) {
    if (!(speed >= 1) || speed > Pacer.MAX_SPEED) {
      throw new IllegalArgumentException("clock.speed must be a number from 1 to " + (int) Pacer.MAX_SPEED + ": " + speed);
    }
    Pacer old = pacer;
    if (old == null && speed == 1 || old != null && old.speed() == speed) {
      return;
    }
    Pacer next = speed == 1 ? null : new Pacer(speed);
    pacer = next;
    if (old != null) {
      // pending timers keep what they still had to wait, and their ids (callers cancel by them)
      for (Pacer.Migrant m : old.drain()) {
        if (next != null) {
          next.adopt(m);
        } else {
          onWallClock(m);
        }
      }
    }
  }

  /** Simulated timers that moved onto Vert.x's own (speed 1): their id -> Vert.x's timer id. */
  private static final java.util.Map<Long, Long> MIGRATED = new java.util.concurrent.ConcurrentHashMap<>();

  private static void onWallClock(Pacer.Migrant m) {
    long delay = Math.max(1, m.remaining() / 1_000_000L);
    Vertx owner = m.context().owner();
    Handler<Long> onContext = x -> m.context().runOnContext(v -> {
      if (m.period() == 0) {
        MIGRATED.remove(m.id());
      }
      m.handler().handle(m.id());
    });
    MIGRATED.put(m.id(), m.period() == 0 ? owner.setTimer(delay, onContext)
        : owner.setPeriodic(delay, Math.max(1, m.period() / 1_000_000L), onContext));
  }

  /** Requests in flight to a system on this clock, by token: their wall start. */
  private static final java.util.concurrent.ConcurrentHashMap<Long, Long> WORK = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.concurrent.atomic.AtomicLong WORK_IDS = new java.util.concurrent.atomic.AtomicLong();
  /** A request answered within this wall time never holds the clock; one that takes longer holds it until answered. */
  static final long LAG_NANOS = 20_000_000L;
  /** ... for at most this long (a request that never ends must not stop the clock). */
  static final long WORK_GIVE_UP_NANOS = 10_000_000_000L;

  /**
   * Marks the start of a request to a system that follows this clock (the embedded emulator). Above speed 1, while one
   * has been waiting longer than 20 ms of wall time, simulated time waits for it: a first request that pays for a
   * cold start (a key to generate, a connection to open, code to compile) must not see seconds of simulated time pass
   * that a real server would answer within. Returns the token for {@link #endWork}; 0 at speed 1.
   */
  public static long beginWork() {
    if (pacer == null) {
      return 0;
    }
    long id = WORK_IDS.incrementAndGet();
    WORK.put(id, System.nanoTime());
    return id;
  }

  public static void endWork(long token) {
    if (token != 0) {
      WORK.remove(token);
    }
  }

  /** Whether a request begun with {@link #beginWork} has waited longer than the lag allowed (and not given up on). */
  static boolean lagging(long wallNow) {
    for (long started : WORK.values()) {
      long age = wallNow - started;
      if (age > LAG_NANOS && age < WORK_GIVE_UP_NANOS) {
        return true;
      }
    }
    return false;
  }

  /** The configured speed. */
  public static double speed() {
    Pacer p = pacer;
    return p == null ? 1 : p.speed();
  }

  /** Simulated seconds per wall second since the speed was set (the configured speed when nothing held it back). */
  public static double achievedSpeed() {
    Pacer p = pacer;
    return p == null ? 1 : p.achieved();
  }

  /** Simulated epoch milliseconds. */
  public static long millis() {
    Pacer p = pacer;
    return p == null ? System.currentTimeMillis() : p.epochNanos() / 1_000_000;
  }

  /** Simulated now. */
  public static Instant now() {
    Pacer p = pacer;
    if (p == null) {
      return Instant.now();
    }
    long n = p.epochNanos();
    return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  /** A monotonic simulated reading for durations, in nanoseconds (as System.nanoTime at speed 1). */
  public static long nanos() {
    Pacer p = pacer;
    return p == null ? System.nanoTime() : p.epochNanos();
  }

  /** The wall clock's monotonic reading, for {@code wall_duration} and the worker pools' polling time only. */
  public static long wallNanos() {
    return System.nanoTime();
  }

  /**
   * Wall epoch milliseconds, for what is about people and files, not about a run: a session's idle time, report
   * folder names.
   */
  public static long wallMillis() {
    return System.currentTimeMillis();
  }

  /** A periodic timer on the wall clock, for housekeeping that is not part of a run (samples, sweeps, polls). */
  public static long setWallPeriodic(Vertx vertx, long period, Handler<Long> handler) {
    return vertx.setPeriodic(Math.max(1, period), handler);
  }

  /** A one-shot wall-clock timer, for waits on a person (a user-input step's timeout). */
  public static long setWallTimer(Vertx vertx, long millis, Handler<Long> handler) {
    return vertx.setTimer(Math.max(1, millis), handler);
  }

  public static boolean cancelWallTimer(Vertx vertx, long id) {
    return vertx.cancelTimer(id);
  }

  /** A one-shot timer after {@code millis} simulated milliseconds, on the caller's context (as vertx.setTimer). */
  public static long setTimer(Vertx vertx, long millis, Handler<Long> handler) {
    Pacer p = pacer;
    return p == null ? vertx.setTimer(Math.max(1, millis), handler) : p.schedule(context(vertx), millis, 0, handler);
  }

  /** A periodic timer: first after {@code delay}, then every {@code period} simulated milliseconds. */
  public static long setPeriodic(Vertx vertx, long delay, long period, Handler<Long> handler) {
    Pacer p = pacer;
    return p == null ? vertx.setPeriodic(Math.max(1, delay), Math.max(1, period), handler)
        : p.schedule(context(vertx), delay, Math.max(1, period), handler);
  }

  public static long setPeriodic(Vertx vertx, long period, Handler<Long> handler) {
    return setPeriodic(vertx, period, period, handler);
  }

  /** Cancels a timer of {@link #setTimer} or {@link #setPeriodic}. */
  public static boolean cancelTimer(Vertx vertx, long id) {
    Pacer p = pacer;
    if (p != null && p.cancel(id)) {
      return true;
    }
    Long moved = MIGRATED.remove(id);
    if (moved != null) {
      return vertx.cancelTimer(moved);
    }
    return Pacer.isSimulated(id) ? false : vertx.cancelTimer(id);
  }

  /** Completes after {@code millis} simulated milliseconds. */
  public static Future<Void> sleep(Vertx vertx, long millis) {
    Promise<Void> p = Promise.promise();
    if (millis <= 0) {
      p.complete();
    } else {
      setTimer(vertx, millis, t -> p.tryComplete());
    }
    return p.future();
  }

  /** Blocks a non-event-loop thread (tests, the CLI) for {@code millis} simulated milliseconds. */
  public static void block(long millis) throws InterruptedException {
    long end = nanos() + millis * 1_000_000L;
    while (true) {
      long left = end - nanos();
      if (left <= 0) {
        return;
      }
      Thread.sleep(Math.max(1, Math.min(50, left / 1_000_000L / (long) Math.max(1, speed()))));
    }
  }

  /**
   * Why a run cannot go at this speed when it talks to {@code system} (e.g. "flight_blender.url X is an external
   * Flight Blender"), which runs in real time.
   */
  public static String realTimeRefusal(String system, String remedy) {
    return "clock speed " + format(speed()) + " (clock.speed, "
        + "--speed) needs every system a run talks to to follow the simulated clock, but " + system
        + ", which runs in real time; " + remedy;
  }

  /** A speed as people write it: 20, 2.5. */
  public static String format(double speed) {
    return speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed);
  }

  private static Context context(Vertx vertx) {
    Context current = Vertx.currentContext();
    return current != null && current.owner() == vertx ? current : vertx.getOrCreateContext();
  }
}
