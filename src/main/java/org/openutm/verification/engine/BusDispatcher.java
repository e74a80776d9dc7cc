package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.operation.StepRequest;

/**
 * The design card's path: {@code verification.client.<type>} on this node, cancels published. A foreground step is a
 * bus request with its timeout; a background step is sent without waiting for a reply (the worker sends its result to
 * this dispatcher's own local address) and its deadline is kept here, in one map swept every
 * {@value #SWEEP_MILLIS} ms: 10,000 running background steps hold no reply registration and no timer each. Confined
 * to the context that uses it (the session verticle's), as the engine is.
 */
final class BusDispatcher implements Dispatcher {
  static final long SWEEP_MILLIS = 250;

  private record Pending(Promise<JsonObject> promise, long deadline, long timeoutMillis) {
  }

  private final Vertx vertx;
  private final String resultsAddress = Addresses.RESULTS_PREFIX + UUID.randomUUID();
  private final Map<String, Pending> pending = new HashMap<>();
  private MessageConsumer<JsonObject> results;
  private long sweep = -1;

  BusDispatcher(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<JsonObject> send(StepRequest request, long timeoutMillis) {
    // steps run on the session owner's own workers: a step sent to another node's worker would die with that node
    // and fail a session whose node is alive (steps are not idempotent, so it could not be retried); AMQP queue
    // monitors also hold a broker connection per session. A cluster spreads load by session ownership.
    return vertx.eventBus().<JsonObject>request(Addresses.client(request.op().client().key), request,
        StepRequest.delivery(timeoutMillis)).map(m -> m.body());
  }

  @Override
  public Future<JsonObject> submit(StepRequest request, long timeoutMillis) {
    if (results == null) {
      results = vertx.eventBus().localConsumer(resultsAddress, this::onResult);
    }
    Promise<JsonObject> promise = Promise.promise();
    pending.put(request.executionId(), new Pending(promise, SimClock.wallMillis() + timeoutMillis, timeoutMillis));
    if (sweep < 0) {
      sweep = SimClock.setWallPeriodic(vertx, SWEEP_MILLIS, t -> sweep());
    }
    vertx.eventBus().send(Addresses.client(request.op().client().key), request,
        StepRequest.submission(resultsAddress));
    return promise.future();
  }

  private void onResult(Message<JsonObject> m) {
    Pending p = pending.remove(m.headers().get(StepRequest.EXECUTION));
    if (p == null) {
      return; // its deadline passed first: the step was failed as timed out and cancelled
    }
    String failed = m.headers().get(StepRequest.FAILED);
    if (failed != null) {
      p.promise().fail(new ServiceException(ErrorCode.ofStatus(Integer.parseInt(failed)), m.body().getString("message")));
    } else {
      p.promise().complete(m.body());
    }
    stopSweepWhenIdle();
  }

  /** Fails every background step past its deadline, as a bus request's timeout would. */
  private void sweep() {
    long now = SimClock.wallMillis();
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      Pending p = it.next();
      if (now >= p.deadline()) {
        it.remove();
        p.promise().fail(new ServiceException(ErrorCode.TIMEOUT, "no answer in time: no result within "
            + p.timeoutMillis() + " ms"));
      }
    }
    stopSweepWhenIdle();
  }

  private void stopSweepWhenIdle() {
    if (pending.isEmpty() && sweep >= 0) {
      SimClock.cancelWallTimer(vertx, sweep);
      sweep = -1;
    }
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
}
