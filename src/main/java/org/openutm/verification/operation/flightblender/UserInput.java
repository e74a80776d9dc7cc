package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;

import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamType;

/**
 * Wait for User Input: publishes {type: "input", step_id, prompt} on the session's events and waits until an operator
 * confirms through POST /api/sessions/{id}/input (or a request on verification.input.<session>); times out cleanly.
 */
final class UserInput {
  private UserInput() {
  }

  static OperationDef operation() {
    return OperationDef.builder("Wait for User Input", ClientType.FLIGHT_BLENDER)
        .doc("Waits until an operator confirms (editor prompt, POST /api/sessions/{id}/input, or the bus).")
        .param(optional("prompt", ParamType.STRING, "Press Enter to continue...", "What the operator is asked."))
        .param(optional("timeout", ParamType.DURATION, 600.0, "How long to wait before failing."))
        .timeout(a -> (long) (a.seconds("timeout", 600) * 1000) + 10_000)
        .run((ctx, args) -> {
          Promise<JsonObject> answered = Promise.promise();
          String address = Addresses.input(ctx.sessionId());
          MessageConsumer<Object> consumer = ctx.vertx().eventBus().consumer(address, m -> {
            JsonObject body = m.body() instanceof JsonObject o ? o : new JsonObject();
            m.reply(new JsonObject().put("status", "received").put("step_id", ctx.stepId()));
            answered.tryComplete(new JsonObject().put("confirmed", true).put("input", body.getValue("value"))
                .put("prompt", args.string("prompt")));
          });
          Runnable unregister = ctx.onCancel(() -> answered.tryFail(new org.openutm.verification.operation.CancelledException(
              String.valueOf(ctx.cancelReason()))));
          consumer.completion().onSuccess(v -> {
            ctx.info("Waiting for user input: " + args.string("prompt"));
            ctx.vertx().eventBus().publish(Addresses.events(ctx.sessionId()), new JsonObject().put("type", "input")
                .put("session", ctx.sessionId()).put("step_id", ctx.stepId()).put("prompt", args.string("prompt")));
          });
          // a person answers: the wait is wall time at any clock speed
          long timer = SimClock.setWallTimer(ctx.vertx(), (long) (args.seconds("timeout", 600) * 1000), t -> answered
              .tryFail(new OperationFailure("no user input within " + args.seconds("timeout", 600) + " s")));
          return answered.future().onComplete(ar -> {
            SimClock.cancelWallTimer(ctx.vertx(), timer);
            unregister.run();
            consumer.unregister();
          });
        });
  }
}
