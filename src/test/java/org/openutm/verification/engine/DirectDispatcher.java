package org.openutm.verification.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.OperationRunner;
import org.openutm.verification.operation.StepRequest;

/**
 * The engine's test dispatcher: runs each step with the real {@link OperationRunner} of its client on the caller's
 * context, no bus and no worker verticle, and keeps what it was asked (requests, cancels) for the test to check.
 */
final class DirectDispatcher implements Dispatcher {
  private final Vertx vertx;
  private final Map<ClientType, OperationRunner> runners = new EnumMap<>(ClientType.class);
  final List<StepRequest> requests = new ArrayList<>();
  final List<String> cancels = new ArrayList<>();

  DirectDispatcher(Vertx vertx, OperationCatalog catalog, AppConfig config) {
    this.vertx = vertx;
    for (ClientType c : ClientType.values()) {
      runners.put(c, new OperationRunner(vertx, catalog, config, c));
    }
  }

  @Override
  public Future<JsonObject> send(StepRequest request, long timeoutMillis) {
    requests.add(request);
    Promise<JsonObject> reply = Promise.promise();
    long timer = vertx.setTimer(timeoutMillis, t -> reply.tryFail(new ServiceException(ErrorCode.TIMEOUT, "no reply")));
    runners.get(request.op().client()).execute(request).onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        reply.tryComplete(ar.result());
      } else {
        reply.tryFail(ar.cause());
      }
    });
    return reply.future();
  }

  @Override
  public void cancel(String executionId, String reason) {
    cancels.add(executionId);
    runners.values().forEach(r -> r.cancel(executionId, reason));
  }

  @Override
  public void sessionClosed(String sessionId, String reason) {
    runners.values().forEach(r -> r.sessionClosed(sessionId));
  }
}
