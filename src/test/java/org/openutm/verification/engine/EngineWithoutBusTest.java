package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.LiveConfig;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.Scenarios;
import org.openutm.verification.scenario.model.ScenarioDef;

/**
 * The run engine with nothing deployed: a {@link Session}, a {@link StepExecutor} over {@link DirectDispatcher} (the
 * real operations, no bus, no verticle) and {@link ScenarioRun}. What a step does is decided here, so it can be tested
 * here.
 */
@ExtendWith(VertxExtension.class)
class EngineWithoutBusTest {
  private static final OperationCatalog CATALOG = OperationCatalog.standard();
  private static final AppConfig CONFIG = new AppConfig(new JsonObject(), Path.of("engine-test.yaml"));

  private static ScenarioDef scenario(String yaml) {
    return Scenarios.checkRequest(new JsonObject().put("yaml", yaml), CATALOG, 1000).orThrow();
  }

  private static StepExecutor executor(Vertx vertx, DirectDispatcher dispatcher) {
    StepExecutor executor = new StepExecutor(vertx, CATALOG, 100, dispatcher);
    executor.config(CONFIG, LiveConfig.of(vertx, CONFIG));
    return executor;
  }

  @Test
  void conditionsLoopsBackgroundAndNeedsRunOnTheEngineAlone(Vertx vertx, VertxTestContext tc) {
    ScenarioDef def = scenario("""
        name: no bus
        steps:
          - id: n
            step: Generate Random Number
            arguments: {min: 3, max: 3}
          - id: bg
            step: Wait X seconds
            background: true
            arguments: {duration: 0.05}
          - id: each
            step: Generate UUID
            loop: {count: "${{ steps.n.result }}"}
          - id: after
            step: Wait X seconds
            needs: [bg]
            arguments: {duration: 0.01}
          - id: skipped
            step: Generate UUID
            if: ${{ steps.n.result == 4 }}
          - id: pair
            step: two
        groups:
          two:
            steps:
              - id: inner
                step: Generate UUID
        """);
    DirectDispatcher dispatcher = new DirectDispatcher(vertx, CATALOG, CONFIG);
    List<JsonObject> events = new ArrayList<>();
    vertx.runOnContext(v -> {
      Session session = new Session("s-engine", events::add);
      new ScenarioRun("r1", session, executor(vertx, dispatcher), CONFIG, def, null).start()
          .onComplete(tc.succeeding(summary -> tc.verify(() -> {
            Map<String, String> status = new LinkedHashMap<>();
            summary.getJsonArray("results").forEach(o -> status.put(((JsonObject) o).getString("id"),
                ((JsonObject) o).getString("status")));
            assertEquals("success", summary.getString("status"), summary.encodePrettily());
            assertEquals(List.of("n", "bg", "each[0]", "each[1]", "each[2]", "each", "after", "skipped", "inner", "pair"),
                List.copyOf(status.keySet()));
            assertEquals("skipped", status.get("skipped"));
            assertEquals("success", status.get("bg"), "the background step's final record, in its first place");
            // every step that ran went through the dispatcher once, coerced: a skipped step and aggregates did not
            assertEquals(List.of("Generate Random Number", "Wait X seconds", "Generate UUID", "Generate UUID",
                "Generate UUID", "Wait X seconds", "Generate UUID"),
                dispatcher.requests.stream().map(r -> r.op().name()).toList());
            assertEquals(0.01, dispatcher.requests.get(5).args().number("duration"));
            assertTrue(events.stream().anyMatch(e -> "done".equals(e.getString("type"))));
            tc.completeNow();
          })));
    });
  }

  @Test
  void stoppingARunCancelsItsOwnExecutionsOnly(Vertx vertx, VertxTestContext tc) {
    ScenarioDef def = scenario("""
        name: stopped
        steps:
          - id: long
            step: Wait X seconds
            arguments: {duration: 30}
          - id: never
            step: Generate UUID
          - id: cleanup
            step: Generate UUID
            if: always()
        """);
    DirectDispatcher dispatcher = new DirectDispatcher(vertx, CATALOG, CONFIG);
    var stopped = tc.checkpoint();
    var ended = tc.checkpoint();
    vertx.runOnContext(v -> {
      Session session = new Session("s-stop", e -> {
        if ("started".equals(e.getString("type")) && "long".equals(e.getString("step_id"))) {
          stopped.flag();
        }
      });
      StepExecutor executor = executor(vertx, dispatcher);
      ScenarioRun run = new ScenarioRun("r2", session, executor, CONFIG, def, null);
      run.start().onComplete(tc.succeeding(summary -> tc.verify(() -> {
        Map<String, String> status = new LinkedHashMap<>();
        summary.getJsonArray("results").forEach(o -> status.put(((JsonObject) o).getString("id"),
            ((JsonObject) o).getString("status")));
        assertEquals("cancelled", summary.getString("status"));
        assertEquals("failure", status.get("long"), status.toString());
        assertEquals("skipped", status.get("never"));
        assertEquals("success", status.get("cleanup"), "always() runs after a stop");
        assertEquals(List.of(dispatcher.requests.get(0).executionId()), dispatcher.cancels,
            "the stop cancelled the run's one execution in flight");
        ended.flag();
      })));
      vertx.setTimer(50, t -> run.stop());
    });
  }
}
