package org.openutm.verification.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.LocalJsonCodec;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.ClientWorkerVerticle;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.StepRequest;

/**
 * A background step on the bus (issue 22: no reply registration and no timer per running task): the real worker
 * verticle sends the result to the dispatcher's own address; a worker that never answers fails the step at its
 * deadline, as a bus request's timeout did; a worker that cannot run it fails it with the worker's error.
 */
@ExtendWith(VertxExtension.class)
class BusDispatcherTest {
  private static final OperationCatalog CATALOG = OperationCatalog.standard();
  private static final AppConfig CONFIG = new AppConfig(new JsonObject(), Path.of("dispatcher-test.yaml"));

  private static StepRequest request(String step, JsonObject arguments) {
    ClientType client = CATALOG.find(step).client();
    return StepRequest.fromJson(new JsonObject().put("operation", step).put("arguments", arguments)
        .put("session", "s").put("step_id", "x").put("execution_id", UUID.randomUUID().toString()), CATALOG, client, CONFIG);
  }

  @Test
  void theWorkersResultComesBackAsAMessageOfItsOwn(Vertx vertx, VertxTestContext tc) {
    StepRequest.register(vertx);
    LocalJsonCodec.register(vertx);
    vertx.deployVerticle(new ClientWorkerVerticle(ClientType.COMMON, CATALOG, CONFIG),
        new io.vertx.core.DeploymentOptions().setThreadingModel(io.vertx.core.ThreadingModel.WORKER))
        .compose(id -> {
          io.vertx.core.Promise<JsonObject> out = io.vertx.core.Promise.promise();
          vertx.getOrCreateContext().runOnContext(v -> new BusDispatcher(vertx)
              .submit(request("Wait X seconds", new JsonObject().put("duration", 0.05)), 5_000).onComplete(out));
          return out.future();
        })
        .onComplete(tc.succeeding(reply -> tc.verify(() -> {
          assertEquals("success", reply.getString("status"), reply.encode());
          assertTrue(reply.getJsonArray("logs").encode().contains("Waited for"), reply.encode());
          tc.completeNow();
        })));
  }

  @Test
  void aStepWithoutAnAnswerFailsAtItsDeadline(Vertx vertx, VertxTestContext tc) {
    StepRequest.register(vertx);
    // a worker that takes the request and never answers
    vertx.eventBus().consumer(Addresses.client(ClientType.COMMON.key), m -> { });
    long start = System.nanoTime();
    vertx.getOrCreateContext().runOnContext(v -> new BusDispatcher(vertx)
        .submit(request("Generate UUID", new JsonObject()), 300)
        .onComplete(tc.failing(e -> tc.verify(() -> {
          long millis = (System.nanoTime() - start) / 1_000_000;
          assertEquals(ErrorCode.TIMEOUT, ServiceException.from(e).code(), e.getMessage());
          assertTrue(millis >= 300 && millis < 300 + 3 * BusDispatcher.SWEEP_MILLIS, "failed after " + millis + " ms");
          tc.completeNow();
        }))));
  }

  @Test
  void aWorkerThatCannotRunItFailsItWithItsError(Vertx vertx, VertxTestContext tc) {
    StepRequest.register(vertx);
    LocalJsonCodec.register(vertx);
    vertx.eventBus().<Object>consumer(Addresses.client(ClientType.COMMON.key), m -> vertx.eventBus().send(
        m.headers().get(StepRequest.RESULT_TO), ServiceException.badInput("operation", "not this one").toJson(),
        StepRequest.result(((StepRequest) m.body()).executionId(), 400)));
    vertx.getOrCreateContext().runOnContext(v -> new BusDispatcher(vertx)
        .submit(request("Generate UUID", new JsonObject()), 5_000)
        .onComplete(tc.failing(e -> tc.verify(() -> {
          assertEquals(ErrorCode.BAD_INPUT, ServiceException.from(e).code());
          assertEquals("not this one", e.getMessage());
          tc.completeNow();
        }))));
  }
}
