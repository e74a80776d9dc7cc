package org.openutm.verification.support;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;

/** Waiting for an observable state instead of sleeping for a time that a loaded machine may not keep. */
public final class Waits {
  private Waits() {
  }

  /** Polls {@code condition} every 20 ms; fails with {@code what} when it does not hold within {@code millis}. */
  public static void until(BooleanSupplier condition, long millis, String what) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        Assertions.fail("not within " + millis + " ms: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Assertions.fail("interrupted waiting for " + what);
      }
    }
  }

  /** How many executions the {@code common} worker holds now. */
  public static int commonInFlight(TestService service) {
    return TestService.await(service.vertx.eventBus().<io.vertx.core.json.JsonObject>request(
        org.openutm.verification.core.Addresses.client("common"),
        new io.vertx.core.json.JsonObject().put("action", "ping"),
        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(5_000))).body().getInteger("in_flight");
  }
}
