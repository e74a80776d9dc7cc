package org.openutm.verification.emulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.time.Instant;
import org.openutm.verification.clock.SimClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flight Blender's operational events on RabbitMQ: {@code {"body", "level", "timestamp"}} to the topic exchange
 * {@code amqp.exchange_name} (default {@code operational_events}) with the declaration id as routing key. Connects in
 * the background and retries every 5 s while the broker is away; events raised meanwhile are counted as dropped.
 */
final class AmqpEventSink implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpEventSink.class);

  private static final com.rabbitmq.client.BasicProperties JSON = new com.rabbitmq.client.AMQP.BasicProperties.Builder()
      .contentType("application/json").build();

  private final Vertx vertx;
  private final String url;
  private final String exchange;
  private final String exchangeType;
  private RabbitMQClient client;
  private boolean ready;
  private boolean stopped;
  private long published;
  private long dropped;

  AmqpEventSink(Vertx vertx, JsonObject amqp) {
    this.vertx = vertx;
    this.url = org.openutm.verification.core.Urls.amqpVhostSlash(amqp.getString("url").trim());
    this.exchange = amqp.getString("exchange_name", "operational_events");
    this.exchangeType = amqp.getString("exchange_type", "topic");
  }

  static boolean configured(JsonObject amqp) {
    return amqp != null && amqp.getValue("url") instanceof String u && !u.isBlank();
  }

  Future<Void> start() {
    connect();
    return Future.succeededFuture();
  }

  private void connect() {
    if (stopped) {
      return;
    }
    client = RabbitMQClient.create(vertx, new RabbitMQOptions().setUri(url).setConnectionTimeout(5_000)
        .setAutomaticRecoveryEnabled(true));
    client.start().compose(v -> client.exchangeDeclare(exchange, exchangeType, true, false))
        .onSuccess(v -> {
          ready = true;
          LOG.info("emulator publishes operational events to {} exchange {}", org.openutm.verification.core.Urls.maskCredentials(url), exchange);
        })
        .onFailure(t -> {
          ready = false;
          LOG.warn("emulator cannot publish operational events to {}: {} (retrying in 5 s)", org.openutm.verification.core.Urls.maskCredentials(url),
              t.getMessage());
          client.stop().onComplete(x -> SimClock.setTimer(vertx, 5_000, id -> connect()));
        });
  }

  @Override
  public void publish(String routingKey, String body, String level) {
    if (!ready || !client.isConnected()) {
      dropped++;
      return;
    }
    JsonObject message = new JsonObject().put("body", body).put("level", level).put("timestamp", SimClock.now().toString());
    client.basicPublish(exchange, routingKey, JSON, Buffer.buffer(message.encode()))
        .onSuccess(v -> published++)
        .onFailure(t -> dropped++);
  }

  JsonObject counts() {
    return new JsonObject().put("amqp_events_published", published).put("amqp_events_dropped", dropped);
  }

  Future<Void> stop() {
    stopped = true;
    return client == null ? Future.succeededFuture() : client.stop().otherwiseEmpty();
  }
}
