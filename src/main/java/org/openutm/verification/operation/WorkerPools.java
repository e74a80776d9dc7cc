package org.openutm.verification.operation;

import io.vertx.core.spi.ExecutorServiceFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openutm.verification.config.AppConfig;

/**
 * Vert.x's worker pools, with a {@link SpinQueue}: the idle worker thread that last ran a task polls for the next one
 * for {@code workers.spin_micros} (default {@value #DEFAULT_SPIN_MICROS} us) before it parks. Every client worker
 * verticle runs on these threads; a sequential run hands them one step at a time. Registered for every Vert.x
 * instance of the process through {@code META-INF/services/io.vertx.core.spi.VertxServiceProvider} (Vert.x has no
 * per-instance setting for it), so the value is the process's: {@link #spinMicros(long)} before the Vert.x instance
 * is built; 0 gives Vert.x's own pool ({@code Executors.newFixedThreadPool}).
 */
public final class WorkerPools implements ExecutorServiceFactory {
  public static final long DEFAULT_SPIN_MICROS = 50;
  private static final AtomicLong SPIN_MICROS = new AtomicLong(DEFAULT_SPIN_MICROS);
  private static final LongAdder TAKEN_POLLING = new LongAdder();

  /** The polling time of the pools of Vert.x instances built after this call (the serve and run commands set it). */
  public static void spinMicros(long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException("workers.spin_micros must be 0 or more: " + micros);
    }
    SPIN_MICROS.set(micros);
  }

  /** {@link #spinMicros(long)} from {@code workers.spin_micros} of {@code config} (absent: the default). */
  public static void configure(AppConfig config) {
    spinMicros(config.section("workers").getLong("spin_micros", DEFAULT_SPIN_MICROS));
  }

  public static long spinMicros() {
    return SPIN_MICROS.get();
  }

  /** Tasks taken by a polling thread, in every pool of the process made so far (to see that the pools are in use). */
  public static long takenPolling() {
    return TAKEN_POLLING.sum();
  }

  @Override
  public ExecutorService createExecutor(ThreadFactory threadFactory, Integer concurrency, Integer maxConcurrency) {
    long micros = SPIN_MICROS.get();
    if (micros == 0) {
      return Executors.newFixedThreadPool(maxConcurrency, threadFactory);
    }
    return new ThreadPoolExecutor(maxConcurrency, maxConcurrency, 0L, TimeUnit.MILLISECONDS,
        new SpinQueue(micros * 1000, TAKEN_POLLING), threadFactory);
  }
}
