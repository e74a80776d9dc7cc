package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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

  /**
   * As {@link #send}, for a background step: nothing waits on the bus for it; the result comes back as a message of
   * its own. The default is {@link #send}.
   */
  default Future<JsonObject> submit(StepRequest request, long timeoutMillis) {
    return send(request, timeoutMillis);
  }

  /** The design card's path: {@code verification.client.<type>} on this node, cancels published ({@link BusDispatcher}). */
  static Dispatcher bus(Vertx vertx) {
    return new BusDispatcher(vertx);
  }
}
