package org.openutm.verification.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** A running emulator on a free port, a token maker, and payload builders for tests. */
final class EmulatorFixture implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final EmulatorVerticle verticle;
  final Http http;
  final int port;
  /** Started with {@code clock_speed} above 1 (a test key, not the emulator's): the process clock runs that fast. */
  private final boolean fast;

  EmulatorFixture(JsonObject config) {
    this(config, null);
  }

  EmulatorFixture(JsonObject config, JsonObject amqp) {
    fast = config.getDouble("clock_speed", 1.0) > 1;
    if (fast) {
      SimClock.configure(config.getDouble("clock_speed"));
    }
    JsonObject emulator = config.copy().put("port", 0);
    emulator.remove("clock_speed");
    verticle = new EmulatorVerticle(emulator, amqp);
    TestService.await(vertx.deployVerticle(verticle));
    port = verticle.port();
    http = new Http("http://127.0.0.1:" + port);
  }

  static String token(String scope) {
    return token(new JsonObject().put("iss", "http://noauth.dev").put("aud", "testflight.flightblender.com")
        .put("scope", scope).put("sub", "uss_noauth"));
  }

  static String token(JsonObject claims) {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    return e.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + e.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  static final String RW = "flightblender.read flightblender.write";

  /** An Authorization header with a bypass-mode token of this scope. */
  static String[] bearer(String scope) {
    return new String[] {"Authorization", "Bearer " + token(scope)};
  }

  static String[] auth() {
    return new String[] {"Authorization", "Bearer " + token(RW)};
  }

  /** A declaration over the given box, starting in {@code startOffset} seconds for {@code minutes}. */
  static JsonObject declaration(double minx, double miny, double maxx, double maxy, long startOffset, long minutes) {
    Instant start = SimClock.now().plusSeconds(startOffset);
    JsonArray ring = new JsonArray().add(pt(maxx, miny)).add(pt(maxx, maxy)).add(pt(minx, maxy)).add(pt(minx, miny))
        .add(pt(maxx, miny));
    return new JsonObject().put("exchange_type", "flight_declaration").put("aircraft_id", "a5dd8899")
        .put("flight_id", "FL123").put("start_datetime", start.toString())
        .put("end_datetime", start.plusSeconds(minutes * 60).toString()).put("originating_party", "Test Party")
        .put("type_of_operation", 0).put("flight_declaration_geo_json", new JsonObject().put("type", "FeatureCollection")
            .put("features", new JsonArray().add(new JsonObject().put("type", "Feature")
                .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)))
                .put("properties", new JsonObject().put("min_altitude", new JsonObject().put("meters", 50).put("datum", "w84"))
                    .put("max_altitude", new JsonObject().put("meters", 120).put("datum", "w84"))))));
  }

  static JsonObject bern() {
    return declaration(7.4719589, 46.9799127, 7.4870457, 46.9865389, 2, 60);
  }

  static JsonArray pt(double x, double y) {
    return new JsonArray().add(x).add(y);
  }

  static JsonObject telemetry(String id, double lat, double lng) {
    return new JsonObject().put("observations", new JsonArray().add(new JsonObject()
        .put("current_states", new JsonArray().add(new JsonObject()
            .put("timestamp", new JsonObject().put("value", SimClock.now().toString()).put("format", "RFC3339"))
            .put("timestamp_accuracy", 0.0).put("operational_status", "Airborne").put("speed_accuracy", "SA3mps")
            .put("position", new JsonObject().put("lat", lat).put("lng", lng).put("alt", 570)
                .put("accuracy_h", "HAUnknown").put("accuracy_v", "VAUnknown"))
            .put("track", 90).put("speed", 10)))
        .put("flight_details", new JsonObject().put("id", id))));
  }

  static JsonObject traffic(String icao, double lat, double lon) {
    return new JsonObject().put("observations", new JsonArray().add(new JsonObject().put("lat_dd", lat).put("lon_dd", lon)
        .put("altitude_mm", 500_000).put("traffic_source", 9).put("source_type", 0).put("icao_address", icao)
        .put("timestamp", SimClock.millis() * 1000).put("metadata", new JsonObject().put("sensor_id", "s1"))));
  }

  @Override
  public void close() {
    TestService.await(vertx.close());
    if (fast) {
      SimClock.configure(1);
    }
  }
}
