package org.openutm.verification.operation.amqp;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.QueueOptions;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQConsumer;
import io.vertx.rabbitmq.RabbitMQMessage;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.clock.SimClock;

/**
 * One session's queue monitor: a queue (exclusive and auto-named unless named) bound to the topic exchange with a
 * routing key, collecting messages (at most {@link #MAX_MESSAGES}) with routing key, exchange, content type,
 * correlation id, timestamp and body (JSON bodies parsed). Waiters are completed as messages arrive.
 */
final class QueueMonitor {
  static final int MAX_MESSAGES = 10_000;

  private record Waiter(int count, String filter, Promise<JsonArray> promise) {
  }

  private final RabbitMQClient client;
  private final List<JsonObject> messages = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private RabbitMQConsumer consumer;
  private String queue;
  private String error;
  private int dropped;
  private boolean stopping;
  private final Promise<Void> stoppedPromise = Promise.promise();

  private QueueMonitor(RabbitMQClient client) {
    this.client = client;
  }

  static Future<QueueMonitor> start(Vertx vertx, String url, String exchange, String exchangeType, String queueName,
      String routingKey) {
    RabbitMQClient client = RabbitMQClient.create(vertx, new RabbitMQOptions().setUri(url).setConnectionTimeout(5_000)
        .setAutomaticRecoveryEnabled(true).setReconnectAttempts(0));
    QueueMonitor m = new QueueMonitor(client);
    boolean named = queueName != null && !queueName.isBlank();
    return client.start()
        .compose(v -> client.exchangeDeclare(exchange, exchangeType, true, false))
        .compose(v -> client.queueDeclare(named ? queueName : "", false, !named, !named))
        .compose(ok -> {
          m.queue = ok.getQueue();
          return client.queueBind(m.queue, exchange, routingKey);
        })
        .compose(v -> client.basicConsumer(m.queue, new QueueOptions().setAutoAck(true).setMaxInternalQueueSize(MAX_MESSAGES)))
        .map(c -> {
          m.consumer = c;
          c.handler(m::onMessage);
          c.exceptionHandler(t -> m.error = String.valueOf(t.getMessage()));
          return m;
        })
        .recover(t -> client.stop().transform(ar -> Future.failedFuture(t)));
  }

  private void onMessage(RabbitMQMessage msg) {
    if (messages.size() >= MAX_MESSAGES) {
      dropped++;
      return;
    }
    Object body;
    String text = msg.body() == null ? null : msg.body().toString();
    try {
      body = text == null ? null : Json.decodeValue(text);
    } catch (RuntimeException e) {
      body = text;
    }
    var p = msg.properties();
    messages.add(new JsonObject().put("routing_key", msg.envelope().getRoutingKey())
        .put("exchange", msg.envelope().getExchange()).put("content_type", p == null ? null : p.getContentType())
        .put("correlation_id", p == null ? null : p.getCorrelationId())
        .put("timestamp", p == null || p.getTimestamp() == null ? SimClock.now().toString()
            : p.getTimestamp().toInstant().toString())
        .put("body", body));
    new ArrayList<>(waiters).forEach(w -> {
      JsonArray matching = get(w.filter(), null);
      if (matching.size() >= w.count()) {
        waiters.remove(w);
        w.promise().tryComplete(matching);
      }
    });
  }

  String queue() {
    return queue;
  }

  String error() {
    return error != null ? error : client.isConnected() ? null : "the AMQP connection is lost";
  }

  /** Messages whose routing key matches the filter (exact, or '#' / null for all), at most limit of the latest. */
  JsonArray get(String filter, Integer limit) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject m : messages) {
      if (filter == null || filter.isBlank() || "#".equals(filter) || filter.equals(m.getString("routing_key"))) {
        out.add(m);
      }
    }
    if (limit != null && limit >= 0 && out.size() > limit) {
      out = out.subList(out.size() - limit, out.size());
    }
    return new JsonArray(new ArrayList<>(out));
  }

  Future<JsonArray> await(int count, String filter) {
    JsonArray now = get(filter, null);
    if (now.size() >= count) {
      return Future.succeededFuture(now);
    }
    Promise<JsonArray> p = Promise.promise();
    waiters.add(new Waiter(count, filter, p));
    return p.future();
  }

  void forget(Promise<JsonArray> p) {
    waiters.removeIf(w -> w.promise() == p);
  }

  int clear() {
    int n = messages.size();
    messages.clear();
    return n;
  }

  int count() {
    return messages.size();
  }

  int dropped() {
    return dropped;
  }

  /** Completes when the monitor stops (by Stop AMQP Queue Monitor, its duration, or a reset). */
  Future<Void> stopped() {
    return stoppedPromise.future();
  }

  boolean running() {
    return !stopping;
  }

  Future<Void> stop() {
    if (stopping) {
      return stoppedPromise.future();
    }
    stopping = true;
    waiters.forEach(w -> w.promise().tryFail(new IllegalStateException("the monitor was stopped")));
    waiters.clear();
    Future<Void> cancel = consumer == null ? Future.succeededFuture() : consumer.cancel().otherwiseEmpty();
    return cancel.compose(v -> client.stop()).otherwiseEmpty().onComplete(v -> stoppedPromise.tryComplete());
  }
}
