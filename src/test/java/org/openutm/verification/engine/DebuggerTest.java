package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.LiveConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.SessionAction;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.Scenarios;

/** Breakpoints, pause and resume on the run engine alone (a direct dispatcher, nothing deployed). */
@ExtendWith(VertxExtension.class)
class DebuggerTest {
  private static final OperationCatalog CATALOG = OperationCatalog.standard();
  private static final AppConfig CONFIG = new AppConfig(new JsonObject(), Path.of("debugger-test.yaml"));
  private static final String YAML = """
      name: debugged
      steps:
        - id: bg
          step: Wait X seconds
          background: true
          arguments: {duration: 0.1}
        - id: n
          step: Generate Random Number
          arguments: {min: 1, max: 1}
        - id: m
          step: Generate Random Number
          arguments: {min: "${{ steps.n.result }}", max: "${{ steps.n.result }}"}
        - id: last
          step: Generate UUID
        - id: cleanup
          step: Generate UUID
          if: always()
      """;

  private static StepExecutor executor(Vertx vertx) {
    StepExecutor executor = new StepExecutor(vertx, CATALOG, 100, new DirectDispatcher(vertx, CATALOG, CONFIG));
    executor.config(CONFIG, LiveConfig.of(vertx, CONFIG));
    return executor;
  }

  private static ScenarioRun run(Vertx vertx, Session session, Set<String> breakpoints) {
    return new ScenarioRun("r", session, executor(vertx), CONFIG,
        Scenarios.checkRequest(new JsonObject().put("yaml", YAML), CATALOG, 100).orThrow(), null, breakpoints, null);
  }

  private static Map<String, JsonObject> byId(JsonObject summary) {
    Map<String, JsonObject> out = new HashMap<>();
    summary.getJsonArray("results").forEach(o -> out.put(((JsonObject) o).getString("id"), (JsonObject) o));
    return out;
  }

  @Test
  void pausesAtABreakpointShowsTheResolvedArgumentsAndRunsTheEditedOnes(Vertx vertx, VertxTestContext tc) {
    List<String> paused = new ArrayList<>();
    ScenarioRun[] run = new ScenarioRun[1];
    Session[] session = new Session[1];
    Consumer<JsonObject> events = e -> {
      if (!"paused".equals(e.getString("type"))) {
        return;
      }
      paused.add(e.getString("step_id"));
      if ("m".equals(e.getString("step_id"))) {
        tc.verify(() -> assertEquals(new JsonObject().put("min", 1).put("max", 1), e.getJsonObject("resolved_arguments")));
        // while paused the background step goes on: its join answers before the run is resumed
        run[0].task("bg").future().onComplete(tc.succeeding(bg -> {
          tc.verify(() -> assertEquals("success", bg.getString("status")));
          run[0].resume(new JsonObject().put("step_id", "m").put("mode", "step")
              .put("arguments", new JsonObject().put("min", 7).put("max", 7)));
        }));
      } else {
        run[0].resume(new JsonObject().put("mode", "continue"));
      }
    };
    vertx.runOnContext(v -> {
      session[0] = new Session("s-debug", events);
      run[0] = run(vertx, session[0], Set.of("m"));
      run[0].start().onComplete(tc.succeeding(summary -> tc.verify(() -> {
        Map<String, JsonObject> r = byId(summary);
        assertEquals("success", summary.getString("status"), summary.encodePrettily());
        assertEquals(List.of("m", "last"), paused, "the breakpoint, then the next step in step mode");
        assertEquals(7L, r.get("m").getLong("result"), "the edited arguments ran");
        assertEquals("success", r.get("cleanup").getString("status"));
        tc.completeNow();
      })));
    });
  }

  /** Issue 23: a breakpoint on a join step or on a group's node pauses there too (a join with the task it joins). */
  @Test
  void joinsAndGroupsPauseAtTheirBreakpoints(Vertx vertx, VertxTestContext tc) {
    String yaml = """
        name: joins and groups
        groups:
          pair:
            steps:
              - id: a
                step: Generate UUID
        steps:
          - id: bg
            step: Wait X seconds
            background: true
            arguments: {duration: 0.1}
          - id: joined
            step: SessionManager.join_task
            arguments: {task_id: "${{ steps.bg.result.task_id }}"}
          - id: grp
            step: pair
        """;
    List<JsonObject> paused = new ArrayList<>();
    ScenarioRun[] run = new ScenarioRun[1];
    vertx.runOnContext(v -> {
      Session session = new Session("s-joins", e -> {
        if ("paused".equals(e.getString("type"))) {
          paused.add(e);
          run[0].resume(new JsonObject().put("mode", "continue"));
        }
      });
      run[0] = new ScenarioRun("r", session, executor(vertx), CONFIG,
          Scenarios.checkRequest(new JsonObject().put("yaml", yaml), CATALOG, 100).orThrow(), null, Set.of("joined", "grp"), null);
      run[0].start().onComplete(tc.succeeding(summary -> tc.verify(() -> {
        Map<String, JsonObject> r = byId(summary);
        assertEquals("success", summary.getString("status"), summary.encodePrettily());
        assertEquals(List.of("joined", "grp"), paused.stream().map(e -> e.getString("step_id")).toList());
        assertEquals("success", r.get("joined").getString("status"));
        assertTrue(paused.get(0).getJsonObject("resolved_arguments").getString("task_id").length() > 10,
            "the join shows the task it joins: " + paused.get(0).encode());
        assertEquals(new JsonObject(), paused.get(1).getJsonObject("resolved_arguments"), "a group has no arguments");
        assertEquals("success", r.get("grp").getString("status"));
        assertEquals("success", r.get("a").getString("status"));
        tc.completeNow();
      })));
    });
  }

  @Test
  void aStopWhilePausedSkipsThePausedStepRunsAlwaysStepsAndLeavesNothingWaiting(Vertx vertx, VertxTestContext tc) {
    ScenarioRun[] run = new ScenarioRun[1];
    vertx.runOnContext(v -> {
      Session session = new Session("s-stop", e -> {
        if ("paused".equals(e.getString("type"))) {
          run[0].stop();
        }
      });
      run[0] = run(vertx, session, Set.of());
      tc.verify(() -> assertTrue(run[0].pause().getBoolean("pause_requested"), "pause before the first step"));
      run[0].start().onComplete(tc.succeeding(summary -> tc.verify(() -> {
        Map<String, JsonObject> r = byId(summary);
        assertEquals("cancelled", summary.getString("status"));
        assertEquals("skipped", r.get("bg").getString("status"), "paused before the first step, then stopped");
        assertEquals("success", r.get("cleanup").getString("status"));
        ServiceException notPaused = org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class,
            () -> run[0].resume(new JsonObject()));
        assertEquals(ErrorCode.CONFLICT, notPaused.code());
        tc.completeNow();
      })));
    });
  }

  @Test
  void badDebuggerRequestsAreRefusedNamingTheField(Vertx vertx, VertxTestContext tc) {
    vertx.runOnContext(v -> {
      Session session = new Session("s-bad", e -> { });
      RunService runs = new RunService(executor(vertx), CONFIG);
      runs.handle(session, SessionAction.RUN, new JsonObject().put("yaml", YAML)
          .put("breakpoints", new JsonArray().add("nope"))).onComplete(tc.failing(e -> tc.verify(() -> {
            ServiceException se = ServiceException.from(e);
            assertEquals(ErrorCode.BAD_INPUT, se.code());
            assertEquals("breakpoints", se.details().getString("field"));
            runs.handle(session, SessionAction.RUN, new JsonObject().put("yaml", YAML).put("breakpoints", "m"))
                .onComplete(tc.failing(e2 -> tc.verify(() -> {
                  assertEquals("breakpoints", ServiceException.from(e2).details().getString("field"));
                  runs.handle(session, SessionAction.RESUME, new JsonObject()).onComplete(tc.failing(e3 -> tc.verify(() -> {
                    assertEquals(ErrorCode.CONFLICT, ServiceException.from(e3).code());
                    assertTrue(e3.getMessage().contains("runs no scenario"), e3.getMessage());
                    tc.completeNow();
                  })));
                })));
          })));
    });
  }
}
