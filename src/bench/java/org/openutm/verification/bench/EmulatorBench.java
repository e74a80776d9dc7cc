package org.openutm.verification.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.openutm.verification.emulator.EmulatorVerticle;
import org.openutm.verification.support.TestService;

/**
 * Issue 4 benchmark: air-traffic observations/s and telemetry PUTs/s the emulator accepts, each against a bare route
 * that reads the same body in the same process. Run:
 * {@code ./mvnw -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.bench.EmulatorBench}
 */
public final class EmulatorBench {
  static final int CONNECTIONS = 16;
  static final int BATCH = 100;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Vertx server = Vertx.vertx();
    EmulatorVerticle emu = new EmulatorVerticle(new JsonObject().put("port", 0)
        .put("max_telemetry_per_declaration", 10_000_000));
    TestService.await(server.deployVerticle(emu));
    int barePort = TestService.freePort();
    TestService.await(server.createHttpServer().requestHandler(req -> req.body().onSuccess(b ->
        req.response().setStatusCode(201).end("{\"message\":\"OK\",\"status\":201}"))).listen(barePort, "127.0.0.1"));
    Vertx clientVertx = Vertx.vertx();
    HttpClient client = clientVertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
    String token = "Bearer " + token();

    JsonArray obs = new JsonArray();
    for (int i = 0; i < BATCH; i++) {
      obs.add(new JsonObject().put("lat_dd", 46.9 + i * 1e-4).put("lon_dd", 7.4).put("altitude_mm", 500_000)
          .put("traffic_source", 9).put("source_type", 0).put("icao_address", "AC" + i)
          .put("timestamp", System.currentTimeMillis() * 1000)
          .put("metadata", new JsonObject().put("sensor_id", "s").put("current_state",
              new JsonObject().put("speed", 50).put("track", 90).put("vertical_speed", 0))));
    }
    String traffic = new JsonObject().put("observations", obs).encode();
    String trafficPath = "/flight_stream/set_air_traffic/ee9405e564ea4373823e37d950858e6a";
    System.out.printf("== air traffic: batches of %d observations, %d connections, %d s%n", BATCH, CONNECTIONS, seconds);
    run(client, barePort, HttpMethod.POST, trafficPath, traffic, token, 2);
    run(client, emu.port(), HttpMethod.POST, trafficPath, traffic, token, 2);
    double bare = run(client, barePort, HttpMethod.POST, trafficPath, traffic, token, seconds) * BATCH;
    double real = run(client, emu.port(), HttpMethod.POST, trafficPath, traffic, token, seconds) * BATCH;
    System.out.printf("bare route: %,.0f obs/s; emulator: %,.0f obs/s accepted (goal >= 50,000); ratio %.2f%n",
        bare, real, real / bare);

    String id = TestService.await(client.request(HttpMethod.POST, emu.port(), "127.0.0.1",
        "/flight_declaration_ops/set_flight_declaration").compose(r -> r.putHeader("Authorization", token)
            .putHeader("Content-Type", "application/json").send(declaration().encode()))
        .compose(r -> r.body())).toJsonObject().getString("id");
    Thread.sleep(2100);
    String telemetry = new JsonObject().put("observations", new JsonArray().add(new JsonObject()
        .put("current_states", new JsonArray().add(new JsonObject()
            .put("timestamp", new JsonObject().put("value", Instant.now().toString()).put("format", "RFC3339"))
            .put("position", new JsonObject().put("lat", 46.982).put("lng", 7.475).put("alt", 570))))
        .put("flight_details", new JsonObject().put("id", id)))).encode();
    System.out.printf("== telemetry: one state per PUT, %d connections, %d s%n", CONNECTIONS, seconds);
    double bareT = run(client, barePort, HttpMethod.PUT, "/flight_stream/set_telemetry", telemetry, token, seconds);
    double realT = run(client, emu.port(), HttpMethod.PUT, "/flight_stream/set_telemetry", telemetry, token, seconds);
    System.out.printf("bare route: %,.0f PUT/s; emulator: %,.0f telemetry PUT/s accepted; ratio %.2f%n",
        bareT, realT, realT / bareT);
    System.exit(0);
  }

  static JsonObject declaration() {
    Instant start = Instant.now().plusSeconds(2);
    JsonArray ring = new JsonArray().add(new JsonArray().add(7.48).add(46.97)).add(new JsonArray().add(7.48).add(46.99))
        .add(new JsonArray().add(7.47).add(46.99)).add(new JsonArray().add(7.47).add(46.97))
        .add(new JsonArray().add(7.48).add(46.97));
    return new JsonObject().put("originating_party", "bench").put("aircraft_id", "a").put("type_of_operation", 0)
        .put("start_datetime", start.toString()).put("end_datetime", start.plusSeconds(3600).toString())
        .put("flight_declaration_geo_json", new JsonObject().put("type", "FeatureCollection").put("features",
            new JsonArray().add(new JsonObject().put("type", "Feature").put("geometry", new JsonObject()
                .put("type", "Polygon").put("coordinates", new JsonArray().add(ring))).put("properties",
                    new JsonObject().put("min_altitude", new JsonObject().put("meters", 50))
                        .put("max_altitude", new JsonObject().put("meters", 120))))));
  }

  static String token() {
    java.util.Base64.Encoder e = java.util.Base64.getUrlEncoder().withoutPadding();
    return e.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "." + e.encodeToString(new JsonObject()
        .put("iss", "http://noauth.dev").put("aud", "a").put("scope", "flightblender.read flightblender.write")
        .encode().getBytes()) + ".x";
  }

  /** Requests per second answered 2xx. */
  static double run(HttpClient client, int port, HttpMethod method, String path, String body, String token, int seconds)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong ok = new AtomicLong();
    AtomicLong bad = new AtomicLong();
    List<Future<Void>> loops = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < CONNECTIONS; i++) {
      Promise<Void> p = Promise.promise();
      loop(client, port, method, path, body, token, stop, ok, bad, p);
      loops.add(p.future());
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    TestService.await(Future.all(loops));
    if (bad.get() > 0) {
      System.out.println("  non-2xx answers: " + bad.get());
    }
    return ok.get() / ((System.nanoTime() - t0) / 1e9);
  }

  static void loop(HttpClient client, int port, HttpMethod method, String path, String body, String token,
      AtomicBoolean stop, AtomicLong ok, AtomicLong bad, Promise<Void> done) {
    if (stop.get()) {
      done.complete();
      return;
    }
    client.request(method, port, "127.0.0.1", path)
        .compose(r -> r.putHeader("Authorization", token).putHeader("Content-Type", "application/json").send(body))
        .compose(r -> r.body().map(b -> r.statusCode()))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result() < 300) {
            ok.incrementAndGet();
          } else {
            bad.incrementAndGet();
          }
          loop(client, port, method, path, body, token, stop, ok, bad, done);
        });
  }
}
