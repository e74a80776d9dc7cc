package org.openutm.verification.operation.airtraffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** The opensky provider against a local peer serving recorded state vectors, with OAuth2 and a 401 retried once. */
class OpenSkyTest {
  static final JsonArray STATES = new JsonArray()
      .add(new JsonArray().add("4b1814").add("SWR12  ").add("Switzerland").add(1700000000).add(1700000001)
          .add(7.45).add(46.95).add(1200.5).add(false).add(70.2).add(88.0).add(-1.5).addNull().add(1250.0))
      .add(new JsonArray().add("4b1815").add("NOPOS").add("Switzerland").addNull().add(1700000001)
          .addNull().addNull().addNull().add(false).add(0.0).add(0.0).add(0.0));

  @Test
  void pollsTheViewportWithTokensAndMapsStates() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<String> queries = new CopyOnWriteArrayList<>();
    AtomicInteger tokens = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    int port = TestService.await(vertx.createHttpServer().requestHandler(req -> {
      if (req.path().equals("/token")) {
        req.body().onSuccess(b -> req.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("access_token", "tok-" + tokens.incrementAndGet()).encode()));
        return;
      }
      queries.add(req.query());
      if ("Bearer tok-1".equals(req.getHeader("Authorization")) && refused.getAndIncrement() == 0) {
        req.response().setStatusCode(401).end();
        return;
      }
      req.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("time", 1700000001).put("states", STATES).encode());
    }).listen(0, "127.0.0.1")).actualPort();
    try (TestService svc = TestService.start(new JsonObject().put("opensky", new JsonObject()
        .put("url", "http://127.0.0.1:" + port).put("auth", new JsonObject().put("type", "oauth2")
            .put("client_id", "me").put("client_secret", "pw").put("token_url", "http://127.0.0.1:" + port + "/token"))))) {
      Http.Response r = svc.http.post("/api/step", new JsonObject().put("step", "Stream Air Traffic").put("arguments",
          new JsonObject().put("provider", "opensky").put("target", "flight_blender").put("duration", 2)
              .put("viewport", new JsonArray().add(46.9).add(47.0).add(7.4).add(7.5))));
      JsonObject result = r.json();
      assertEquals("success", result.getString("status"), result.encode());
      JsonArray obs = result.getJsonObject("result").getJsonArray("observations");
      assertEquals(2, obs.size(), "one aircraft with a position, two polls");
      JsonObject o = obs.getJsonObject(0);
      assertEquals("4b1814", o.getString("icao_address"));
      assertEquals(46.95, o.getDouble("lat_dd"));
      assertEquals(7.45, o.getDouble("lon_dd"));
      assertEquals(1200500, o.getLong("altitude_mm"));
      assertEquals(2, o.getInteger("traffic_source"));
      assertTrue(queries.get(0).contains("lamin=46.9") && queries.get(0).contains("lomin=7.4")
          && queries.get(0).contains("lamax=47.0") && queries.get(0).contains("lomax=7.5"), queries.get(0));
      assertEquals(2, tokens.get(), "the 401 made it fetch a new token and retry once");
      assertEquals(0, result.getJsonObject("result").getInteger("errors"));
    } finally {
      TestService.await(vertx.close());
    }
  }

  @Test
  void openskyToAmqp() throws Exception {
    Vertx vertx = Vertx.vertx();
    int port = TestService.await(vertx.createHttpServer().requestHandler(req -> req.response()
        .putHeader("Content-Type", "application/json").end(new JsonObject().put("states", STATES).encode()))
        .listen(0, "127.0.0.1")).actualPort();
    String exchange = "verification_test_" + java.util.UUID.randomUUID().toString().substring(0, 8);
    try (TestService svc = TestService.start(new JsonObject().put("opensky", new JsonObject().put("url", "http://127.0.0.1:" + port))
        .put("amqp", new JsonObject().put("url", "amqp://guest:guest@127.0.0.1:5672/").put("exchange_name", exchange)))) {
      svc.http.post("/api/step", new JsonObject().put("step", "Start AMQP Queue Monitor")
          .put("arguments", new JsonObject().put("routing_key", "air_traffic.#")));
      JsonObject r = svc.http.post("/api/step", new JsonObject().put("step", "Stream Air Traffic").put("arguments",
          new JsonObject().put("provider", "opensky").put("target", "amqp").put("duration", 2))).json();
      assertEquals("success", r.getString("status"), r.encode());
      JsonObject got = svc.http.post("/api/step", new JsonObject().put("step", "Wait for AMQP Messages")
          .put("arguments", new JsonObject().put("count", 2).put("timeout", 5))).json();
      assertEquals("success", got.getString("status"), got.encode());
      svc.http.post("/api/step", new JsonObject().put("step", "Stop AMQP Queue Monitor"));
    } finally {
      TestService.await(vertx.close());
    }
  }
}
