package org.openutm.verification.operation.airtraffic;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.flightblender.AirTrafficSubmission;

/**
 * The amqp target of Stream Air Traffic: each slot's observations published as one JSON message
 * {@code {"session_id", "observations"}} to {@code amqp.exchange_name} with routing key
 * {@code air_traffic.<session>} (the Python toolkit's target was a placeholder).
 */
final class AmqpTarget {
  private AmqpTarget() {
  }

  static Future<JsonObject> stream(OperationContext ctx, JsonArray observations, JsonArray sessions, boolean multiple) {
    return with(ctx, sender -> AirTrafficSubmission.run(ctx, observations, sessions, multiple, sender));
  }

  /** Connects, declares the exchange, hands {@code use} a publishing sender, and disconnects when it is done. */
  static <T> Future<T> with(OperationContext ctx, java.util.function.Function<AirTrafficSubmission.Sender, Future<T>> use) {
    JsonObject amqp = ctx.config().section("amqp");
    String url = amqp.getString("url", "");
    if (url == null || url.isBlank()) {
      return Future.failedFuture(new OperationFailure("target amqp needs amqp.url (or AMQP_URL)"));
    }
    String exchange = amqp.getString("exchange_name", "operational_events");
    RabbitMQClient client = RabbitMQClient.create(ctx.vertx(), new RabbitMQOptions()
        .setUri(org.openutm.verification.operation.amqp.AmqpOperations.vhostSlash(url)).setConnectionTimeout(5_000));
    AirTrafficSubmission.Sender sender = (c, session, batch) -> client.basicPublish(exchange, "air_traffic." + session,
        Buffer.buffer(new JsonObject().put("session_id", session).put("observations", batch).encode()))
        .map(x -> true).otherwise(false);
    return client.start()
        .compose(v -> client.exchangeDeclare(exchange, amqp.getString("exchange_type", "topic"), true, false))
        .recover(t -> Future.failedFuture(new OperationFailure("cannot reach " + AppConfig.maskUrl(url) + ": " + t.getMessage())))
        .compose(v -> use.apply(sender))
        .eventually(() -> client.stop().otherwiseEmpty());
  }
}
