package org.openutm.verification.operation.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** The AMQP operations against the RabbitMQ on this machine (127.0.0.1:5672, guest/guest; .ci/run starts it). */
class AmqpOperationsTest {
  static final String URL = System.getenv().getOrDefault("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/");

  static JsonObject step(Http http, String s, String name, JsonObject args) {
    Http.Response r = http.post("/api/step", new JsonObject().put("step", name).put("arguments", args), "X-Session-Id", s);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  void monitorFilterWaitClearStop() throws Exception {
    String exchange = "verification_test_" + UUID.randomUUID().toString().substring(0, 8);
    try (TestService svc = TestService.start(new JsonObject().put("amqp", new JsonObject().put("url", URL)
        .put("exchange_name", exchange)))) {
      Http http = svc.http;
      String s = http.post("/api/sessions", null).json().getString("session_id");
      JsonObject check = step(http, s, "Check AMQP Connection", new JsonObject());
      assertEquals("success", check.getString("status"), check.encode());
      assertEquals(true, check.getJsonObject("result").getBoolean("connected"));
      assertFalse(check.encode().contains("guest:guest"), "no credentials in the result");

      JsonObject started = step(http, s, "Start AMQP Queue Monitor", new JsonObject().put("routing_key", "#"));
      assertEquals("started", started.getJsonObject("result").getString("status"), started.encode());
      var waiting = CompletableFuture.supplyAsync(() -> step(http, s, "Wait for AMQP Messages",
          new JsonObject().put("count", 2).put("timeout", 10).put("routing_key_filter", "decl-1")));

      RabbitMQClient publisher = RabbitMQClient.create(svc.vertx, new RabbitMQOptions().setUri(AmqpOperations.vhostSlash(URL)));
      TestService.await(publisher.start());
      TestService.await(publisher.basicPublish(exchange, "decl-1", Buffer.buffer("{\"body\":\"accepted\",\"level\":\"info\"}")));
      TestService.await(publisher.basicPublish(exchange, "decl-2", Buffer.buffer("plain text")));
      TestService.await(publisher.basicPublish(exchange, "decl-1", Buffer.buffer("{\"body\":\"activated\"}")));

      JsonObject waited = waiting.get(15, TimeUnit.SECONDS);
      assertEquals("success", waited.getString("status"), waited.encode());
      JsonArray got = waited.getJsonArray("result");
      assertEquals(2, got.size());
      assertEquals("accepted", got.getJsonObject(0).getJsonObject("body").getString("body"), "JSON bodies parsed");
      assertEquals(exchange, got.getJsonObject(0).getString("exchange"));

      Thread.sleep(200);
      JsonArray all = step(http, s, "Get AMQP Messages", new JsonObject()).getJsonArray("result");
      assertEquals(3, all.size());
      assertEquals("plain text", all.getJsonObject(1).getString("body"));
      assertEquals(1, step(http, s, "Get AMQP Messages", new JsonObject().put("routing_key_filter", "decl-2"))
          .getJsonArray("result").size());
      assertEquals(3, step(http, s, "Clear AMQP Messages", new JsonObject()).getJsonObject("result").getInteger("cleared"));

      JsonObject timeout = step(http, s, "Wait for AMQP Messages", new JsonObject().put("timeout", "300ms"));
      assertEquals("failure", timeout.getString("status"));
      assertTrue(timeout.getString("error_message").contains("0 of 1"), timeout.encode());

      JsonObject stopped = step(http, s, "Stop AMQP Queue Monitor", new JsonObject());
      assertEquals("stopped", stopped.getJsonObject("result").getString("status"), stopped.encode());
      // after a stop the collected messages stay readable (the upstream scenarios read them after stopping)
      JsonObject after = step(http, s, "Get AMQP Messages", new JsonObject());
      assertEquals("success", after.getString("status"), after.encode());
      assertEquals(0, after.getJsonArray("result").size(), "cleared before the stop");
      TestService.await(publisher.basicPublish(exchange, "decl-1", Buffer.buffer("{\"body\":\"late\"}")));
      Thread.sleep(200);
      assertEquals(0, step(http, s, "Get AMQP Messages", new JsonObject()).getJsonArray("result").size(),
          "a stopped monitor collects nothing more");
      JsonObject again = step(http, s, "Start AMQP Queue Monitor", new JsonObject().put("routing_key", "#"));
      assertEquals("started", again.getJsonObject("result").getString("status"), "a stopped monitor can be replaced");
      step(http, s, "Stop AMQP Queue Monitor", new JsonObject());
      TestService.await(publisher.stop());
    }
  }

  @Test
  void monitorWithADurationReturnsWhatItCollected() {
    String exchange = "verification_test_" + UUID.randomUUID().toString().substring(0, 8);
    try (TestService svc = TestService.start(new JsonObject().put("amqp", new JsonObject().put("url", URL)
        .put("exchange_name", exchange)))) {
      JsonObject r = step(svc.http, "default", "Start AMQP Queue Monitor", new JsonObject().put("duration", "500ms"));
      assertEquals("success", r.getString("status"), r.encode());
      assertEquals("stopped", r.getJsonObject("result").getString("status"));
      assertEquals(0, r.getJsonObject("result").getJsonArray("messages").size());
    }
  }

  @Test
  void brokerDownOrUnconfiguredFailsClearly() {
    int closed = TestService.freePort();
    try (TestService svc = TestService.start(new JsonObject().put("amqp", new JsonObject()
        .put("url", "amqp://guest:secretpw@127.0.0.1:" + closed + "/")))) {
      JsonObject check = step(svc.http, "default", "Check AMQP Connection", new JsonObject());
      assertEquals("failure", check.getString("status"));
      assertTrue(check.getString("error_message").contains("cannot connect to amqp://guest:********@127.0.0.1"),
          check.encode());
      assertFalse(check.encode().contains("secretpw"));
      JsonObject start = step(svc.http, "default", "Start AMQP Queue Monitor", new JsonObject());
      assertEquals("failure", start.getString("status"));
      assertFalse(start.encode().contains("secretpw"), start.encode());
    }
    try (TestService svc = TestService.start()) {
      JsonObject check = step(svc.http, "default", "Check AMQP Connection", new JsonObject());
      assertTrue(check.getString("error_message").contains("amqp.url is not configured"), check.encode());
    }
  }

  @Test
  void streamAirTrafficToAmqpIsReallyPublished() {
    String exchange = "verification_test_" + UUID.randomUUID().toString().substring(0, 8);
    try (TestService svc = TestService.start(new JsonObject().put("amqp", new JsonObject().put("url", URL)
        .put("exchange_name", exchange)))) {
      Http http = svc.http;
      step(http, "default", "Start AMQP Queue Monitor", new JsonObject().put("routing_key", "air_traffic.#"));
      JsonObject streamed = step(http, "default", "Stream Air Traffic", new JsonObject().put("provider", "geojson")
          .put("target", "amqp").put("duration", 3).put("number_of_aircraft", 2)
          .put("session_ids", new io.vertx.core.json.JsonArray().add("s1")));
      assertEquals("success", streamed.getString("status"), streamed.encode());
      assertEquals(6, streamed.getJsonObject("result").getInteger("total_observations"));
      JsonObject waited = step(http, "default", "Wait for AMQP Messages", new JsonObject().put("count", 3).put("timeout", 5));
      assertEquals("success", waited.getString("status"), waited.encode());
      JsonObject first = waited.getJsonArray("result").getJsonObject(0);
      assertEquals("air_traffic.s1", first.getString("routing_key"));
      assertEquals(2, first.getJsonObject("body").getJsonArray("observations").size(), "one slot, both aircraft");
      step(http, "default", "Stop AMQP Queue Monitor", new JsonObject());
    }
  }
}
