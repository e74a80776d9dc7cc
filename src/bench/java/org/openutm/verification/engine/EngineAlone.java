package org.openutm.verification.engine;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.LiveConfig;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.model.ScenarioDef;

/**
 * The run engine with no bus hop, for the benchmarks only: a scenario run by {@link ScenarioRun} on one event-loop
 * context, its operations run on that same context by the engine tests' {@link DirectDispatcher} (no worker verticle,
 * no event bus; events go nowhere). What is left is the engine's own cost per step: what the design card's hop to the
 * client's worker verticle adds is the difference from the service's run.
 */
public final class EngineAlone {
  private EngineAlone() {
  }

  /** Runs {@code def} once on a fresh context; its summary (status, wall_duration, ...). */
  public static JsonObject run(Vertx vertx, ScenarioDef def, OperationCatalog catalog, AppConfig config, String id)
      throws Exception {
    Promise<JsonObject> done = Promise.promise();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      try {
        StepExecutor executor = new StepExecutor(vertx, catalog, 100, new DirectDispatcher(vertx, catalog, config));
        executor.config(config, LiveConfig.of(vertx, config));
        new ScenarioRun(id, new Session("bench-" + id, e -> { }), executor, config, def, null).start()
            .onComplete(done);
      } catch (RuntimeException e) {
        done.fail(e); // the bench ends with it now, not after the 600 s wait below
      }
    });
    return done.future().toCompletionStage().toCompletableFuture().get(600, TimeUnit.SECONDS);
  }
}
