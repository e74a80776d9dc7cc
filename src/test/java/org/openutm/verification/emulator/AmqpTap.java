package org.openutm.verification.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.openutm.verification.operation.amqp.AmqpOperations;
import org.openutm.verification.support.TestService;

/**
 * A listener on a fresh topic exchange of this machine's RabbitMQ: the emulator's operational events as a consumer
 * receives them ({routing_key, content_type, body}). {@link #amqp()} is the emulator's amqp configuration for it.
 */
final class AmqpTap implements AutoCloseable {
  static final String URL = System.getenv().getOrDefault("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/");
  final String exchange = "emulator_events_" + UUID.randomUUID().toString().substring(0, 8);
  private final Vertx vertx = Vertx.vertx();
  private final RabbitMQClient listener = RabbitMQClient.create(vertx,
      new RabbitMQOptions().setUri(AmqpOperations.vhostSlash(URL)));
  private final List<JsonObject> got = Collections.synchronizedList(new ArrayList<>());

  AmqpTap() {
    TestService.await(listener.start());
    TestService.await(listener.exchangeDeclare(exchange, "topic", true, false));
    String queue = TestService.await(listener.queueDeclare("", false, true, true)).getQueue();
    TestService.await(listener.queueBind(queue, exchange, "#"));
    TestService.await(listener.basicConsumer(queue)).handler(m -> got.add(new JsonObject()
        .put("routing_key", m.envelope().getRoutingKey()).put("content_type", m.properties().getContentType())
        .put("body", new JsonObject(m.body()))));
  }

  JsonObject amqp() {
    return new JsonObject().put("url", URL).put("exchange_name", exchange);
  }

  /** The messages for one routing key (a declaration id), in arrival order. */
  List<JsonObject> messages(String routingKey) {
    synchronized (got) {
      return got.stream().filter(m -> routingKey.equals(m.getString("routing_key"))).toList();
    }
  }

  /** The texts ({@code body.body}) of one routing key's messages. */
  List<String> texts(String routingKey) {
    return messages(routingKey).stream().map(m -> m.getJsonObject("body").getString("body")).toList();
  }

  /** The texts of one routing key once at least {@code n} have arrived (or after 5 s, whatever came). */
  List<String> awaitTexts(String routingKey, int n) throws InterruptedException {
    for (int i = 0; i < 50 && messages(routingKey).size() < n; i++) {
      Thread.sleep(100);
    }
    return texts(routingKey);
  }

  /** Waits until the emulator's sink has connected (it connects in the background) and routed one message. */
  static void settle() throws InterruptedException {
    Thread.sleep(1_000);
  }

  @Override
  public void close() {
    TestService.await(listener.exchangeDelete(exchange).otherwiseEmpty());
    TestService.await(vertx.close());
  }
}
