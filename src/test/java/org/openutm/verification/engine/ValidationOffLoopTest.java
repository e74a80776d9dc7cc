package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.support.SharedService;
import org.openutm.verification.support.TestService;

/**
 * A large scenario is loaded and validated off the session event loop: every session of a node shares that loop, so
 * while session A's 40,000-step YAML is checked, session B's single step is answered first.
 */
class ValidationOffLoopTest extends SharedService {

  @Test
  void anotherSessionsStepIsAnsweredWhileALargeScenarioIsValidated() {
    StringBuilder yaml = new StringBuilder("name: large\nsteps:\n");
    yaml.append("  - id: s0\n    step: Generate UUID\n");
    for (int i = 1; i < 40_000; i++) {
      yaml.append("  - id: s").append(i).append("\n    step: Generate UUID\n    if: ${{ steps.s")
          .append(i - 1).append(".status == 'success' || always() }}\n");
    }
    String a = newSession();
    String b = newSession();
    DeliveryOptions opts = new DeliveryOptions().setSendTimeout(60_000);
    var bus = service.vertx.eventBus();
    TestService.await(bus.request(Addresses.session(b), new JsonObject().put("action", "step")
        .put("step", "Generate UUID"), opts)); // warm: B's first step pays no class loading below
    List<String> order = new CopyOnWriteArrayList<>();
    Future<?> load = bus.<JsonObject>request(Addresses.session(a), new JsonObject().put("action", "scenario")
        .put("yaml", yaml.toString()), opts).onSuccess(m -> order.add("A loaded " + m.body().getInteger("steps")));
    Future<?> step = bus.<JsonObject>request(Addresses.session(b), new JsonObject().put("action", "step")
        .put("step", "Generate UUID"), opts).onSuccess(m -> order.add("B " + m.body().getString("status")));
    TestService.await(Future.all(load, step));
    assertEquals(List.of("B success", "A loaded 40000"), order);
  }
}
