package org.openutm.verification.operation;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.LocalJsonCodec;
import org.openutm.verification.core.ServiceException;

/**
 * One per client type, deployed as a worker on every node. Consumes {@code verification.client.<type>} (operation
 * requests, or {@code action: ping} for readiness) and {@code verification.client.cancel}. Only wires the bus to an
 * {@link OperationRunner}; never waits on a bus reply.
 */
public class ClientWorkerVerticle extends VerticleBase {
  private final ClientType client;
  private final OperationCatalog catalog;
  private final AppConfig config;
  private OperationRunner runner;

  public ClientWorkerVerticle(ClientType client, OperationCatalog catalog, AppConfig config) {
    this.client = client;
    this.catalog = catalog;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    runner = new OperationRunner(vertx, catalog, config, client, services());
    StepRequest.register(vertx);
    var requests = vertx.eventBus().consumer(Addresses.client(client.key), this::onRequest);
    var cancels = vertx.eventBus().<JsonObject>consumer(Addresses.CANCEL, msg -> {
      JsonObject body = msg.body();
      if (body != null && body.getValue("session_closed") instanceof String session) {
        runner.sessionClosed(session);
      } else if (body != null) {
        runner.cancel(body.getString("execution_id"), body.getString("reason"));
      }
    });
    return Future.join(requests.completion(), cancels.completion());
  }

  /** The helpers this client's operations share (one per worker instance). */
  private java.util.Map<Class<?>, Object> services() {
    if (client == ClientType.FLIGHT_BLENDER || client == ClientType.AIR_TRAFFIC) {
      return java.util.Map.of(org.openutm.verification.operation.flightblender.FbClient.class,
          new org.openutm.verification.operation.flightblender.FbClient(vertx, config));
    }
    if (client == ClientType.AMQP) {
      return java.util.Map.of(org.openutm.verification.operation.amqp.AmqpMonitors.class,
          new org.openutm.verification.operation.amqp.AmqpMonitors());
    }
    return java.util.Map.of();
  }

  /** The engine's typed request (same process), or the public JSON form. */
  private void onRequest(Message<Object> msg) {
    if (msg.body() instanceof StepRequest typed) {
      String resultTo = msg.headers().get(StepRequest.RESULT_TO);
      if (resultTo == null) {
        reply(msg, runner.execute(typed));
        return;
      }
      // a background step: its result goes to the sender as a message of its own (no reply is waited for); only the
      // execution id is kept while it runs, not the request
      String executionId = typed.executionId();
      runner.execute(typed).onComplete(ar -> {
        ServiceException e = ar.failed() ? ServiceException.from(ar.cause()) : null;
        vertx.eventBus().send(resultTo, e == null ? ar.result() : e.toJson(),
            StepRequest.result(executionId, e == null ? 0 : e.code().status));
      });
      return;
    }
    JsonObject body = msg.body() instanceof JsonObject j ? j : null;
    if (body == null) {
      ServiceException.badInput("body", "a JSON object is required").failReply(msg);
      return;
    }
    if ("ping".equals(body.getString("action"))) {
      msg.reply(new JsonObject().put("status", "ok").put("client", client.key).put("in_flight", runner.inFlight()));
      return;
    }
    reply(msg, runner.execute(body));
  }

  private static void reply(Message<Object> msg, Future<JsonObject> outcome) {
    outcome.onComplete(ar -> {
      if (ar.succeeded()) {
        msg.reply(ar.result(), LocalJsonCodec.replyOptions());
      } else {
        ServiceException.fail(msg, ar.cause());
      }
    });
  }
}
