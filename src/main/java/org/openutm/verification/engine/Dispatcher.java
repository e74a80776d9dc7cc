package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.operation.StepRequest;

/**
 * Where the engine sends a step to be run, and its cancels. In the service that is the client's worker verticle on
 * this node ({@link #bus}); the engine's own tests run the operations directly through another implementation, with
 * no bus at all.
 */
public interface Dispatcher {

  /** The worker's reply {status, result, ...}; fails when no reply comes within {@code timeoutMillis}. */
  Future<JsonObject> send(StepRequest request, long timeoutMillis);

  /** Cancels an execution in flight (a no-op when it ended). */
  void cancel(String executionId, String reason);

  /** The session ended: whatever a worker holds for it is released. */
  void sessionClosed(String sessionId, String reason);

  /** The design card's path: {@code verification.client.<type>} on this node, cancels published. */
  static Dispatcher bus(Vertx vertx) {
    return new Dispatcher() {
      @Override
      public Future<JsonObject> send(StepRequest request, long timeoutMillis) {
        // steps run on the session owner's own workers: a step sent to another node's worker would die with that node
        // and fail a session whose node is alive (steps are not idempotent, so it could not be retried); AMQP queue
        // monitors also hold a broker connection per session. A cluster spreads load by session ownership.
        return vertx.eventBus().<JsonObject>request(Addresses.client(request.op().client().key), request,
            StepRequest.delivery(timeoutMillis)).map(m -> m.body());
      }

      @Override
      public void cancel(String executionId, String reason) {
        vertx.eventBus().publish(Addresses.CANCEL, new JsonObject().put("execution_id", executionId)
            .put("reason", reason));
      }

      @Override
      public void sessionClosed(String sessionId, String reason) {
        vertx.eventBus().publish(Addresses.CANCEL, new JsonObject().put("session_closed", sessionId)
            .put("reason", reason));
      }
    };
  }
}
