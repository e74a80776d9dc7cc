package org.openutm.verification.operation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * Runs one operation for a worker: looks it up, coerces its arguments, runs it with an {@link OperationContext},
 * and builds the reply {status, result, error_message, logs, http_exchanges, duration}. Keeps the contexts in flight
 * so a cancel by execution id reaches them. Confined to one worker context.
 */
public final class OperationRunner {
  private final Vertx vertx;
  private final OperationCatalog catalog;
  private final AppConfig config;
  private final ClientType client;
  private final Map<String, OperationContext> inFlight = new HashMap<>();
  private final Map<Class<?>, Object> services;

  public OperationRunner(Vertx vertx, OperationCatalog catalog, AppConfig config, ClientType client) {
    this(vertx, catalog, config, client, Map.of());
  }

  public OperationRunner(Vertx vertx, OperationCatalog catalog, AppConfig config, ClientType client,
      Map<Class<?>, Object> services) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.config = config;
    this.client = client;
    this.services = services;
  }

  /** The JSON form (scripts, other callers of the public address): parsed and coerced, then as the typed form. */
  public Future<JsonObject> execute(JsonObject request) {
    try {
      return execute(StepRequest.fromJson(request, catalog, client, config));
    } catch (ServiceException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Fails only for a request that names no operation of this client (a service error); a failing step succeeds here.
   * The arguments are coerced already and the config is the effective one: nothing is copied or coerced again.
   */
  public Future<JsonObject> execute(StepRequest request) {
    OperationDef op = request.op();
    if (op.client() != client) {
      return Future.failedFuture(ServiceException.badInput("operation",
          "unknown operation for client " + client.key + ": " + op.name()));
    }
    Args args = request.args();
    String executionId = request.executionId();
    OperationContext ctx = new OperationContext(vertx, request.config() == null ? config : request.config(),
        request.session(), request.stepId(), executionId).withClientState(request.clientState(), services);
    inFlight.put(executionId, ctx);
    long start = SimClock.nanos();
    long wallStart = SimClock.wallNanos();
    java.time.Instant now = SimClock.now();
    long startedAt = now.getEpochSecond() * 1_000_000_000L + now.getNano(); // a long, not an Instant, while it runs
    Future<?> run;
    try {
      run = op.run().run(ctx, args);
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    return run.transform(ar -> {
      inFlight.remove(executionId);
      double duration = (SimClock.nanos() - start) / 1e9;
      JsonObject reply = new JsonObject().put("duration", duration)
          .put("wall_duration", (SimClock.wallNanos() - wallStart) / 1e9).put("client_state_updates", ctx.stateUpdates())
          .put("started_at", org.openutm.verification.core.IsoInstant.format(java.time.Instant.ofEpochSecond(0, startedAt)))
          .put("finished_at", org.openutm.verification.core.IsoInstant.format(SimClock.now())).put("logs", ctx.logs())
          .put("http_exchanges", ctx.httpExchanges());
      if (ctx.hasReportData()) {
        reply.put("report_data", ctx.reportData());
      }
      if (ar.succeeded()) {
        return Future.succeededFuture(reply.put("status", "success").put("result", JsonValues.of(ar.result())));
      }
      Throwable t = ar.cause();
      if (t instanceof OperationFailure f) {
        ctx.error(f.getMessage());
        return Future.succeededFuture(reply.put("status", "failure").put("error_message", f.getMessage())
            .put("result", JsonValues.of(f.result())));
      }
      if (t instanceof CancelledException c) {
        return Future.succeededFuture(reply.put("status", "failure").put("cancelled", true)
            .put("error_message", "Cancelled: " + c.getMessage()));
      }
      if (t instanceof ServiceException se && se.code() == ErrorCode.BAD_INPUT) {
        return Future.succeededFuture(reply.put("status", "failure").put("error_message", se.getMessage()));
      }
      String message = t.getClass().getSimpleName() + ": " + t.getMessage();
      ctx.error(message);
      return Future.succeededFuture(reply.put("status", "failure").put("error_message", message));
    });
  }

  /** A session ended: services that hold something per session (AMQP monitors) release it. */
  public void sessionClosed(String sessionId) {
    services.values().forEach(v -> {
      if (v instanceof SessionScoped scoped) {
        scoped.sessionClosed(sessionId);
      }
    });
  }

  /** Cancels the execution if this runner holds it; returns whether it did. */
  public boolean cancel(String executionId, String reason) {
    OperationContext ctx = inFlight.get(executionId);
    if (ctx == null) {
      return false;
    }
    ctx.cancel(reason == null ? "cancelled" : reason);
    return true;
  }

  public int inFlight() {
    return inFlight.size();
  }
}
