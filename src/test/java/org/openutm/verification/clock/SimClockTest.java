package org.openutm.verification.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The process clock at speed 1 (the wall clock) and at speed 20 (paced, held back by a busy event loop). */
class SimClockTest {
  final Vertx vertx = Vertx.vertx();

  @AfterEach
  void down() throws Exception {
    SimClock.configure(1);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void speedOneIsTheWallClock() throws Exception {
    SimClock.configure(1);
    long wall = System.currentTimeMillis();
    assertTrue(Math.abs(SimClock.millis() - wall) < 50);
    long t0 = System.nanoTime();
    SimClock.sleep(vertx, 200).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertTrue(System.nanoTime() - t0 >= 190_000_000L);
    assertEquals(1.0, SimClock.speed());
  }

  @Test
  void atSpeedTwentyASimulatedSecondTakesFiftyWallMilliseconds() throws Exception {
    SimClock.configure(20);
    long wall0 = System.nanoTime();
    long sim0 = SimClock.nanos();
    SimClock.sleep(vertx, 2_000).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    double wall = (System.nanoTime() - wall0) / 1e6;
    double sim = (SimClock.nanos() - sim0) / 1e6;
    assertTrue(sim >= 2_000, "slept " + sim + " simulated ms");
    assertTrue(wall < 1_000, "2 simulated s took " + wall + " wall ms");
    assertTrue(SimClock.achievedSpeed() > 5, "achieved " + SimClock.achievedSpeed());
  }

  @Test
  void periodicGapsStayWithinTenPercentAtSpeedTwenty() throws Exception {
    SimClock.configure(20);
    List<Long> at = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> done = new CompletableFuture<>();
    SimClock.setPeriodic(vertx, 1_000, id -> {
      at.add(SimClock.nanos());
      if (at.size() == 20) {
        SimClock.cancelTimer(vertx, id);
        done.complete(null);
      }
    });
    done.get(10, TimeUnit.SECONDS);
    for (int i = 1; i < at.size(); i++) {
      double gap = (at.get(i) - at.get(i - 1)) / 1e6;
      assertTrue(gap > 900 && gap < 1_100, "gap " + i + ": " + gap + " simulated ms");
    }
  }

  @Test
  void aBusyEventLoopHoldsSimulatedTimeBack() throws Exception {
    SimClock.configure(20);
    CompletableFuture<long[]> measured = new CompletableFuture<>();
    // a timer makes its context one the clock waits for; then that context is kept busy for 150 wall ms
    SimClock.setTimer(vertx, 60_000, id -> { });
    io.vertx.core.Context ctx = vertx.getOrCreateContext();
    SimClock.setTimer(vertx, 60_000, id -> { });
    ctx.runOnContext(v -> {
      long sim0 = SimClock.nanos();
      long end = System.nanoTime() + 150_000_000L;
      while (System.nanoTime() < end) {
        Thread.onSpinWait();
      }
      measured.complete(new long[] {sim0, SimClock.nanos()});
    });
    long[] m = measured.get(5, TimeUnit.SECONDS);
    double advanced = (m[1] - m[0]) / 1e6;
    assertTrue(advanced < 1_000, "150 wall ms at speed 20 would be 3000 simulated ms; the clock advanced " + advanced);
  }

  /**
   * A request to the emulator that lags (a cold start: the first token's RSA key, a first connection) holds simulated
   * time once it has waited 20 ms: at speed 20, 300 ms of wall time in such a request pass as well under a second,
   * not 6 s (which made a fresh service's first "start in 2 s" declaration arrive in the past). Without a request in
   * flight time runs on.
   */
  @Test
  void aLaggingRequestHoldsSimulatedTime() throws Exception {
    SimClock.configure(20);
    long token = SimClock.beginWork();
    long sim0 = SimClock.millis();
    Thread.sleep(300);
    long heldFor = SimClock.millis() - sim0;
    SimClock.endWork(token);
    assertTrue(heldFor < 1_000, "simulated ms passed while the request lagged: " + heldFor);
    long sim1 = SimClock.millis();
    Thread.sleep(300);
    assertTrue(SimClock.millis() - sim1 > 3_000, "time runs on once it is answered: " + (SimClock.millis() - sim1));
    SimClock.configure(1);
    assertEquals(0, SimClock.beginWork(), "at speed 1 nothing is tracked");
  }

  @Test
  void badSpeedsAreRefused() {
    for (double bad : new double[] {0, 0.5, -3, Double.NaN, 5000}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> SimClock.configure(bad));
      assertTrue(e.getMessage().contains("clock.speed"), e.getMessage());
    }
  }
}
