package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openutm.verification.emulator.EmulatorFixture.auth;
import static org.openutm.verification.emulator.EmulatorFixture.bern;
import static org.openutm.verification.emulator.EmulatorFixture.declaration;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/** Contract tests of the declaration, state, telemetry, air-traffic and geofence endpoints (Django era). */
class EmulatorDeclarationsTest {
  static EmulatorFixture emu;
  static Http http;
  static final String FD = "/flight_declaration_ops";

  @BeforeAll
  static void start() {
    emu = new EmulatorFixture(new JsonObject().put("mode", "django"));
    http = emu.http;
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  @BeforeEach
  void reset() {
    assertEquals(200, http.post("/emulator/reset", null).status());
  }

  static String create(JsonObject d) {
    Http.Response r = http.post(FD + "/set_flight_declaration", d, auth());
    assertEquals(200, r.status(), r.body());
    return r.json().getString("id");
  }

  @Test
  void pingAndAuth() {
    assertEquals(new JsonObject().put("message", "pong"), http.get("/ping").json());
    Http.Response none = http.get(FD + "/flight_declaration");
    assertEquals(401, none.status());
    assertEquals("Authentication credentials were not provided", none.json().getString("detail"));
    Http.Response readOnly = http.post(FD + "/set_flight_declaration", bern(), "Authorization",
        "Bearer " + EmulatorFixture.token("flightblender.read"));
    assertEquals(403, readOnly.status());
    assertEquals("You don't have access to this resource", readOnly.json().getString("message"));
    Http.Response badIss = http.get(FD + "/flight_declaration", "Authorization", "Bearer " + EmulatorFixture.token(
        new JsonObject().put("iss", "nobody").put("aud", "x").put("scope", EmulatorFixture.RW)));
    assertEquals(401, badIss.status());
    Http.Response noAud = http.get(FD + "/flight_declaration", "Authorization", "Bearer " + EmulatorFixture.token(
        new JsonObject().put("iss", "dummy").put("aud", "").put("scope", EmulatorFixture.RW)));
    assertEquals(401, noAud.status());
    assertEquals(401, http.get(FD + "/flight_declaration", "Authorization", "Bearer not-a-jwt").status());
    assertEquals(200, http.get(FD + "/flight_declaration", "Authorization", "Token " + EmulatorFixture.token(EmulatorFixture.RW))
        .status(), "Django splits the header and takes the second word, whatever the first");
    Http.Response plain = http.post(FD + "/set_flight_declaration", bern().encode(), "Content-Type", "text/plain",
        "Authorization", auth()[1]);
    assertEquals(415, plain.status(), "DRF's parsers");
    assertEquals("Unsupported media type \"text/plain\" in request.", plain.json().getString("detail"));
  }

  @Test
  void createGetListDelete() {
    Http.Response r = http.post(FD + "/set_flight_declaration", bern(), auth());
    assertEquals(200, r.status(), r.body());
    JsonObject j = r.json();
    assertEquals("Submitted Flight Declaration", j.getString("message"));
    assertEquals(true, j.getBoolean("is_approved"));
    assertEquals(1, j.getInteger("state"));
    String id = j.getString("id");
    JsonObject got = http.get(FD + "/flight_declaration/" + id, auth()).json();
    for (String f : new String[] {"id", "operational_intent", "originating_party", "type_of_operation", "state",
        "is_approved", "start_datetime", "end_datetime", "flight_declaration_geojson", "flight_declaration_raw_geojson",
        "bounds", "approved_by", "submitted_by"}) {
      assertTrue(got.containsKey(f), f);
    }
    JsonObject list = http.get(FD + "/flight_declaration?page_size=10", auth()).json();
    assertEquals(1, list.getInteger("total"));
    assertEquals(id, list.getJsonArray("results").getJsonObject(0).getString("id"));
    assertTrue(list.containsKey("links"));
    assertEquals(0, http.get(FD + "/flight_declaration?state=2,3", auth()).json().getInteger("total"));
    String tomorrow = Instant.now().plusSeconds(86_400 * 2).toString().substring(0, 10);
    assertEquals(0, http.get(FD + "/flight_declaration?start_date=" + tomorrow, auth()).json().getInteger("total"));
    assertEquals(400, http.get(FD + "/flight_declaration?page=x", auth()).status());
    assertEquals(204, http.delete(FD + "/flight_declaration/" + id + "/delete", auth()).status());
    assertEquals(404, http.delete(FD + "/flight_declaration/" + id + "/delete", auth()).status());
    assertEquals(404, http.get(FD + "/flight_declaration/" + id, auth()).status());
  }

  @Test
  void paging() {
    for (int i = 0; i < 12; i++) {
      create(declaration(10 + i, 10, 10.001 + i, 10.001, 2, 10));
    }
    JsonObject p2 = http.get(FD + "/flight_declaration?page=2&page_size=5", auth()).json();
    assertEquals(12, p2.getInteger("total"));
    assertEquals(2, p2.getInteger("pages"), "Django's pagination divides by its class page_size (10), not the asked 5");
    assertEquals(5, p2.getJsonArray("results").size());
    assertNotNull(p2.getJsonObject("links").getString("next"));
    assertNotNull(p2.getJsonObject("links").getString("previous"));
  }

  @Test
  void validationErrors() {
    Http.Response missing = http.post(FD + "/set_flight_declaration", new JsonObject().put("aircraft_id", "x"), auth());
    assertEquals(400, missing.status());
    assertEquals("Validation error", missing.json().getString("message"));
    assertTrue(missing.json().getJsonObject("errors").containsKey("originating_party"), missing.body());
    JsonObject noAlt = bern();
    noAlt.getJsonObject("flight_declaration_geo_json").getJsonArray("features").getJsonObject(0)
        .getJsonObject("properties").remove("max_altitude");
    assertEquals(400, http.post(FD + "/set_flight_declaration", noAlt, auth()).status());
    Http.Response past = http.post(FD + "/set_flight_declaration", declaration(7, 46, 7.1, 46.1, -3600, 10), auth());
    assertEquals(400, past.status());
    assertEquals(Declarations.PAST_OR_FAR, past.json().getString("message"));
    Http.Response far = http.post(FD + "/set_flight_declaration", declaration(7, 46, 7.1, 46.1, 3 * 86_400, 10), auth());
    assertEquals(Declarations.PAST_OR_FAR, far.json().getString("message"));
    assertEquals(400, http.post(FD + "/set_flight_declaration", "{not json", auth()).status());
  }

  @Test
  void deconflictionWithActiveDeclarationsAndGeofences() {
    create(bern());
    JsonObject second = http.post(FD + "/set_flight_declaration", bern(), auth()).json();
    assertEquals(false, second.getBoolean("is_approved"));
    assertEquals(8, second.getInteger("state"));
    assertEquals(true, http.post(FD + "/set_flight_declaration", declaration(8, 47, 8.01, 47.01, 2, 10), auth())
        .json().getBoolean("is_approved"), "no overlap in space");
    JsonObject fence = new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(
        new JsonObject().put("type", "Feature").put("properties", new JsonObject().put("upper_limit", 500)
            .put("lower_limit", 100).put("name", "fence"))
            .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(new JsonArray()
                .add(EmulatorFixture.pt(9, 45)).add(EmulatorFixture.pt(9.1, 45)).add(EmulatorFixture.pt(9.1, 45.1))
                .add(EmulatorFixture.pt(9, 45.1)).add(EmulatorFixture.pt(9, 45)))))));
    assertEquals(400, http.put("/geo_fence_ops/set_geo_fence", fence, auth()).status(), "Django stores no geofence");
    // master: operational intents are deconflicted against geofences
    try (EmulatorFixture fast = new EmulatorFixture(new JsonObject().put("mode", "fastapi"))) {
      assertEquals(200, fast.http.put("/geo_fence_ops/set_geo_fence", fence, auth()).status());
      assertEquals(8, fast.http.post(FD + "/set_operational_intent", intent(9.01, 45.01, 9.02, 45.02, 10), auth())
          .json().getInteger("state"));
      assertEquals(1, fast.http.post(FD + "/set_operational_intent", intent(9.03, 45.03, 9.04, 45.04, 120), auth())
          .json().getInteger("state"), "an untimed fence lasts an hour: a flight past it is not covered by its window");
    }
  }

  /** An operational intent over a box, starting in 2 s for {@code minutes}. */
  static JsonObject intent(double minx, double miny, double maxx, double maxy, long minutes) {
    JsonObject d = declaration(minx, miny, maxx, maxy, 2, minutes);
    d.remove("flight_declaration_geo_json");
    JsonArray vertices = new JsonArray();
    for (double[] p : new double[][] {{miny, minx}, {miny, maxx}, {maxy, maxx}, {maxy, minx}}) {
      vertices.add(new JsonObject().put("lat", p[0]).put("lng", p[1]));
    }
    return d.put("type_of_operation", 1).put("operational_intent_volume4ds", new JsonArray().add(new JsonObject()
        .put("volume", new JsonObject().put("outline_polygon", new JsonObject().put("vertices", vertices))
            .put("altitude_lower", new JsonObject().put("value", 50).put("reference", "w84").put("units", "m"))
            .put("altitude_upper", new JsonObject().put("value", 120).put("reference", "w84").put("units", "m")))));
  }

  /** Django stores a GeoJSON declaration's bounds buffered by 0.0005 degrees, and deconflicts with those. */
  @Test
  void djangoBoundsAreBufferedSoNeighboursWithin100mConflict() {
    JsonObject first = http.post(FD + "/set_flight_declaration", declaration(40, 40, 40.01, 40.01, 2, 10), auth()).json();
    assertEquals(1, first.getInteger("state"));
    assertEquals("39.9995000,39.9995000,40.0105000,40.0105000", http.get(FD + "/flight_declaration/" + first.getString("id"),
        auth()).json().getString("bounds"));
    assertEquals(8, http.post(FD + "/set_flight_declaration", declaration(40.0108, 40, 40.02, 40.01, 2, 10), auth()).json()
        .getInteger("state"), "0.0008 degrees apart: the buffered boxes meet");
    assertEquals(1, http.post(FD + "/set_flight_declaration", declaration(40.0112, 40, 40.02, 40.01, 2, 10), auth()).json()
        .getInteger("state"), "0.0012 degrees apart: they do not");
  }

  /** Both eras: a bulk batch is stored first, then checked item against item: overlapping items all get state 8. */
  @Test
  void bulkItemsThatOverlapEachOtherAreAllRejected() {
    JsonArray items = new JsonArray().add(declaration(30, 30, 30.01, 30.01, 2, 10)).add(declaration(30.005, 30.005,
        30.02, 30.02, 2, 10)).add(declaration(31, 31, 31.01, 31.01, 2, 10));
    JsonArray results = http.post(FD + "/set_flight_declarations_bulk", items, auth()).json().getJsonArray("results");
    assertEquals(8, results.getJsonObject(0).getInteger("state"), results.encode());
    assertEquals(8, results.getJsonObject(1).getInteger("state"));
    assertEquals(1, results.getJsonObject(2).getInteger("state"));
  }

  @Test
  void stateMachineOfTheDjangoEra() {
    String id = create(bern());
    String path = FD + "/flight_declaration_state/" + id;
    Http.Response ok = http.put(path, new JsonObject().put("state", 2).put("submitted_by", "hh@auth.com"), auth());
    assertEquals(200, ok.status(), ok.body());
    assertEquals(new JsonObject().put("state", 2).put("submitted_by", "hh@auth.com"), ok.json());
    assertEquals(400, http.put(path, new JsonObject().put("state", 7), auth()).status(), "Activated -> Cancelled");
    assertEquals(400, http.put(path, new JsonObject().put("state", 3), auth()).status(), "operators cannot set 3");
    assertEquals(200, http.put(path, new JsonObject().put("state", 2), auth()).status(), "the same state again (2 -> 2)");
    assertEquals(200, http.put(path, new JsonObject().put("state", 4), auth()).status());
    assertEquals(200, http.put(path, new JsonObject().put("state", 4), auth()).status(), "4 -> 4");
    Http.Response back = http.put(path, new JsonObject().put("state", 2), auth());
    assertEquals(400, back.status(), "Contingent -> Activated");
    assertEquals("State transition to Activated from current state of Contingent is not allowed per the ASTM standards",
        back.json().getJsonArray("state").getString(0));
    assertEquals(200, http.put(path, new JsonObject().put("state", 5), auth()).status());
    assertEquals(400, http.put(path, new JsonObject().put("state", 2), auth()).status(), "nothing leaves Ended");
    assertEquals(400, http.put(path, new JsonObject(), auth()).status());
    assertEquals(404, http.put(FD + "/flight_declaration_state/nope", new JsonObject().put("state", 2), auth()).status());
  }

  @Test
  void bulkWithPartialSuccess() {
    JsonArray items = new JsonArray().add(bern()).add(new JsonObject().put("aircraft_id", "x")).add("nope");
    Http.Response r = http.post(FD + "/set_flight_declarations_bulk", items, auth());
    assertEquals(207, r.status(), r.body());
    assertEquals(1, r.json().getInteger("submitted"));
    assertEquals(2, r.json().getInteger("failed"));
    assertEquals(true, r.json().getJsonArray("results").getJsonObject(0).getBoolean("success"));
    assertEquals(200, http.post(FD + "/set_flight_declarations_bulk", new JsonArray()
        .add(declaration(20, 20, 20.01, 20.01, 2, 10)), auth()).status());
    Http.Response notArray = http.post(FD + "/set_flight_declarations_bulk", bern(), auth());
    assertEquals(400, notArray.status());
    assertEquals("Request body must be a JSON array of flight declaration objects.", notArray.json().getString("message"));
  }

  @Test
  void operationalIntent() {
    JsonObject d = bern();
    d.remove("flight_declaration_geo_json");
    d.put("type_of_operation", 1).put("operational_intent_volume4ds", new JsonArray().add(new JsonObject()
        .put("volume", new JsonObject().put("outline_polygon", new JsonObject().put("vertices", new JsonArray()
            .add(new JsonObject().put("lat", 46.98).put("lng", 7.47)).add(new JsonObject().put("lat", 46.98).put("lng", 7.48))
            .add(new JsonObject().put("lat", 46.99).put("lng", 7.48))))
            .put("altitude_lower", new JsonObject().put("value", 50).put("reference", "w84").put("units", "m"))
            .put("altitude_upper", new JsonObject().put("value", 120).put("reference", "w84").put("units", "m")))));
    Http.Response r = http.post(FD + "/set_operational_intent", d, auth());
    assertEquals(200, r.status(), r.body());
    assertEquals(true, r.json().getBoolean("is_approved"));
    d.getJsonArray("operational_intent_volume4ds").getJsonObject(0).getJsonObject("volume").remove("altitude_upper");
    assertEquals(400, http.post(FD + "/set_operational_intent", d, auth()).status());
  }

  @Test
  void telemetryOnlyForActiveOperations() throws Exception {
    JsonObject future = declaration(7.47, 46.97, 7.48, 46.98, 3600, 10);
    String later = create(future);
    Http.Response notYet = http.put("/flight_stream/set_telemetry", EmulatorFixture.telemetry(later, 46.975, 7.475), auth());
    assertEquals(400, notYet.status());
    assertTrue(notYet.json().getString("message").contains("does not match any current operation"), notYet.body());
    String id = create(declaration(7.4719589, 46.9799127, 7.4870457, 46.9865389, 0, 10));
    Thread.sleep(50);
    Http.Response ok = http.put("/flight_stream/set_telemetry", EmulatorFixture.telemetry(id, 46.982, 7.475), auth());
    assertEquals(201, ok.status(), ok.body());
    assertEquals("Telemetry data successfully submitted", ok.json().getString("message"));
    http.put(FD + "/flight_declaration_state/" + id, new JsonObject().put("state", 2), auth());
    assertEquals(201, http.put("/flight_stream/set_telemetry", EmulatorFixture.telemetry(id, 46.982, 7.475), auth()).status());
    assertEquals(2, http.get(FD + "/flight_declaration/" + id, auth()).json().getInteger("state"), "inside: conforming");
    assertEquals(201, http.put("/flight_stream/set_telemetry", EmulatorFixture.telemetry(id, 46.982, 7.4987), auth()).status());
    assertEquals(2, http.get(FD + "/flight_declaration/" + id, auth()).json().getInteger("state"),
        "outside: the Django monitor records it but changes no state (no USS network)");
    assertEquals(201, http.put("/flight_stream/set_telemetry", new JsonObject().put("observations", new JsonArray()), auth())
        .status(), "no flight, nothing to refuse (both eras)");
    assertEquals(400, http.put("/flight_stream/set_telemetry", new JsonObject(), auth()).status());
    assertEquals(400, http.put("/flight_stream/set_telemetry", EmulatorFixture.telemetry("nope", 1, 1), auth()).status());
    JsonObject noAccuracy = EmulatorFixture.telemetry(id, 46.982, 7.475);
    noAccuracy.getJsonArray("observations").getJsonObject(0).getJsonArray("current_states").getJsonObject(0)
        .remove("speed_accuracy");
    Http.Response missing = http.put("/flight_stream/set_telemetry", noAccuracy, auth());
    assertEquals(500, missing.status(), "Django catches only dacite's WrongTypeError: " + missing.body());
    JsonObject badEnum = EmulatorFixture.telemetry(id, 46.982, 7.475);
    badEnum.getJsonArray("observations").getJsonObject(0).getJsonArray("current_states").getJsonObject(0)
        .getJsonObject("position").put("accuracy_h", "HAGood");
    assertEquals(500, http.put("/flight_stream/set_telemetry", badEnum, auth()).status(), "the Enum cast is uncaught");
    JsonObject wrongType = EmulatorFixture.telemetry(id, 46.982, 7.475);
    wrongType.getJsonArray("observations").getJsonObject(0).getJsonArray("current_states").getJsonObject(0)
        .getJsonObject("position").put("lat", "north");
    Http.Response wt = http.put("/flight_stream/set_telemetry", wrongType, auth());
    assertEquals(400, wt.status());
    assertTrue(wt.json().getString("message").startsWith("The parsing of telemetry object raised the following errors"), wt.body());
    assertEquals(200, http.put(FD + "/flight_declaration_state/" + id, new JsonObject().put("state", 5), auth()).status());
    assertEquals(400, http.put("/flight_stream/set_telemetry", EmulatorFixture.telemetry(id, 46.982, 7.475), auth()).status(),
        "ended");
  }

  /** The extension conformance_state_changes turns the flight Nonconforming; then an operator may only end it. */
  @Test
  void nonconformingByTheExtensionThenOnlyEnded() throws Exception {
    try (EmulatorFixture ext = new EmulatorFixture(new JsonObject().put("mode", "django")
        .put("conformance_state_changes", true).put("heartbeat_rate_seconds", 1))) {
      String id = ext.http.post(FD + "/set_flight_declaration", declaration(7.4719589, 46.9799127, 7.4870457, 46.9865389,
          0, 10), auth()).json().getString("id");
      String state = FD + "/flight_declaration_state/" + id;
      assertEquals(200, ext.http.put(state, new JsonObject().put("state", 2), auth()).status());
      JsonObject outside = EmulatorFixture.telemetry(id, 46.982, 7.4987);
      outside.getJsonArray("observations").getJsonObject(0).getJsonObject("flight_details")
          .put("uas_id", new JsonObject().put("serial_number", "a5dd8899"));
      outside.getJsonArray("observations").getJsonObject(0).getJsonArray("current_states").getJsonObject(0)
          .getJsonObject("position").put("alt", 60);
      assertEquals(201, ext.http.put("/flight_stream/set_telemetry", outside, auth()).status());
      int now = 2;
      for (int i = 0; i < 40 && now != 3; i++) {
        Thread.sleep(100);
        now = ext.http.get(FD + "/flight_declaration/" + id, auth()).json().getInteger("state");
      }
      assertEquals(3, now, "outside the declared area: C7a, Nonconforming within one heartbeat");
      assertEquals(400, ext.http.put(state, new JsonObject().put("state", 2), auth()).status(), "Nonconforming -> Activated");
      assertEquals(400, ext.http.put(state, new JsonObject().put("state", 4), auth()).status(), "Nonconforming -> Contingent");
      assertEquals(200, ext.http.put(state, new JsonObject().put("state", 5), auth()).status(), "an operator may only end it");
    }
  }

  @Test
  void airTraffic() {
    assertEquals(404, http.post("/flight_stream/set_air_traffic/ee9405e564ea4373823e37d950858e6a",
        EmulatorFixture.traffic("ABC123", 46.98, 7.47), auth()).status(), "Django's <uuid:...> route wants the hyphens");
    String path = "/flight_stream/set_air_traffic/ee9405e5-64ea-4373-823e-37d950858e6a";
    Http.Response ok = http.post(path, EmulatorFixture.traffic("ABC123", 46.98, 7.47), auth());
    assertEquals(201, ok.status(), ok.body());
    assertEquals(new JsonObject().put("message", "OK").put("status", 201), ok.json());
    assertEquals(415, http.post(path, EmulatorFixture.traffic("A", 1, 1).encode(),
        "Content-Type", "text/plain", "Authorization", auth()[1]).status());
    JsonObject bad = EmulatorFixture.traffic("A", 1, 1);
    bad.getJsonArray("observations").getJsonObject(0).put("icao_address", 5).put("speed", 1);
    Http.Response refused = http.post(path, bad, auth());
    assertEquals(400, refused.status());
    assertEquals(new JsonArray().add("Not a valid string."), refused.json().getJsonObject("errors").getJsonArray("icao_address"));
    assertEquals(new JsonArray().add("Unknown field."), refused.json().getJsonObject("errors").getJsonArray("speed"));
    JsonObject anyRange = EmulatorFixture.traffic("FAR", 123, 456);
    anyRange.getJsonArray("observations").getJsonObject(0).put("traffic_source", 99);
    assertEquals(201, http.post(path, anyRange, auth()).status(), "no range checks in either era");
    assertEquals(2, http.get("/emulator/state").json().getInteger("aircraft"));
  }

  @Test
  void geofences() {
    JsonObject fence = new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(
        new JsonObject().put("type", "Feature").put("properties", new JsonObject().put("upper_limit", 500)
            .put("lower_limit", 100).put("start_time", "2023-03-07T16:48:41").put("end_time", "2027-03-07T16:48:41")
            .put("name", "Geofence 1"))
            .put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(new JsonArray()
                .add(EmulatorFixture.pt(30.14, -1.98)).add(EmulatorFixture.pt(30.15, -1.98)).add(EmulatorFixture.pt(30.15, -1.95))
                .add(EmulatorFixture.pt(30.14, -1.95)).add(EmulatorFixture.pt(30.14, -1.98)))))));
    Http.Response r = http.put("/geo_fence_ops/set_geo_fence", fence, auth());
    assertEquals(400, r.status(), r.body());
    assertEquals(new JsonArray().add("Unknown field."), r.json().getJsonObject("features").getJsonObject("0")
        .getJsonArray("geometry"), "Django's schema does not know a feature's geometry: " + r.body());
    assertEquals(415, http.put("/geo_fence_ops/set_geo_fence", fence.encode(), "Content-Type",
        "application/json; charset=utf-8", "Authorization", auth()[1]).status(), "exactly application/json");
    assertEquals(415, http.put("/geo_fence_ops/set_geo_fence", fence.encode(), "Content-Type", "text/plain",
        "Authorization", auth()[1]).status());
    assertEquals(500, http.put("/geo_fence_ops/set_geo_fence", new JsonObject().put("type", "FeatureCollection")
        .put("features", new JsonArray().add(new JsonObject().put("type", "Feature"))), auth()).status(),
        "past the schema, the view reads feature[\"geometry\"]: KeyError");
    try (EmulatorFixture fast = new EmulatorFixture(new JsonObject().put("mode", "fastapi"))) {
      Http.Response ok = fast.http.put("/geo_fence_ops/set_geo_fence", fence, auth());
      assertEquals(200, ok.status(), ok.body());
      JsonObject got = fast.http.get("/geo_fence_ops/geo_fence/" + ok.json().getString("id"), auth()).json();
      assertEquals("Geofence 1", got.getString("name"));
      assertEquals("500.00", got.getString("upper_limit"));
      assertEquals("2027-03-07T16:48:41Z", got.getString("end_datetime"));
    }
  }

  @Test
  void fastApiMode() {
    try (EmulatorFixture fast = new EmulatorFixture(new JsonObject().put("mode", "fastapi"))) {
      Http.Response created = fast.http.post(FD + "/set_flight_declaration", bern().put("flight_state", 2), auth());
      assertEquals(2, created.json().getInteger("state"), "FastAPI takes flight_state");
      String id = created.json().getString("id");
      assertEquals(200, fast.http.put(FD + "/flight_declaration_state/" + id, new JsonObject().put("state", 7), auth())
          .status(), "FastAPI writes any state");
      assertEquals(422, fast.http.put(FD + "/flight_declaration_state/" + id, new JsonObject(), auth()).status());
      JsonObject list = fast.http.get(FD + "/flight_declaration", auth()).json();
      assertTrue(list.containsKey("count") && list.containsKey("results"), list.encode());
      assertTrue(list.containsKey("next") && list.getValue("next") == null, "master's next is always null: " + list);
      // master's single create does not deconflict: the same volume twice is accepted twice
      assertEquals(1, fast.http.post(FD + "/set_flight_declaration", bern(), auth()).json().getInteger("state"));
      assertEquals(1, fast.http.post(FD + "/set_flight_declaration", bern(), auth()).json().getInteger("state"));
      assertEquals(3, fast.http.get(FD + "/flight_declaration", auth()).json().getInteger("count"));
      assertEquals(3, fast.http.get(FD + "/flight_declaration?state=1,,2,7", auth()).json().getInteger("count"),
          "empty tokens are ignored");
      assertEquals("State values must be integers.", fast.http.get(FD + "/flight_declaration?state=x", auth()).json()
          .getString("error"));
      // auth (auth/jwt_validator.py), ids and bodies as master answers them
      assertEquals(new JsonObject().put("detail", "Not authenticated"), fast.http.get(FD + "/flight_declaration").json());
      Http.Response readOnly = fast.http.post(FD + "/set_flight_declaration", bern(), "Authorization", "Bearer "
          + EmulatorFixture.token("flightblender.read"));
      assertEquals(403, readOnly.status());
      assertEquals(new JsonObject().put("detail", "Insufficient scope"), readOnly.json());
      assertEquals("Bearer token could not be decoded", fast.http.get(FD + "/flight_declaration", "Authorization",
          "Bearer not-a-jwt").json().getString("detail"));
      assertEquals(422, fast.http.get(FD + "/flight_declaration/nope", auth()).status(), "pk: uuid.UUID");
      assertEquals(200, fast.http.get(FD + "/flight_declaration/" + id.replace("-", "").toUpperCase(), auth()).status(),
          "any form pydantic takes");
      assertEquals(422, fast.http.post(FD + "/set_flight_declaration", bern().encode(), "Content-Type", "text/plain",
          "Authorization", auth()[1]).status(), "Body(...) is read only from JSON");
      // air traffic: pydantic's model, 422 with FastAPI's detail list; the session must be a UUID in some form
      assertEquals(201, fast.http.post("/flight_stream/set_air_traffic/ee9405e564ea4373823e37d950858e6a",
          EmulatorFixture.traffic("A1", 46.9, 7.4), auth()).status());
      JsonObject strings = EmulatorFixture.traffic("A2", 46.9, 7.4);
      strings.getJsonArray("observations").getJsonObject(0).put("lat_dd", "46.9").put("traffic_source", "9");
      assertEquals(201, fast.http.post("/flight_stream/set_air_traffic/" + java.util.UUID.randomUUID(), strings, auth())
          .status(), "pydantic's lax mode takes numeric strings");
      JsonObject noIcao = EmulatorFixture.traffic("A3", 46.9, 7.4);
      noIcao.getJsonArray("observations").getJsonObject(0).remove("icao_address");
      Http.Response r422 = fast.http.post("/flight_stream/set_air_traffic/" + java.util.UUID.randomUUID(), noIcao, auth());
      assertEquals(422, r422.status());
      assertEquals(new JsonArray().add("body").add("observations").add(0).add("icao_address"),
          r422.json().getJsonArray("detail").getJsonObject(0).getJsonArray("loc"));
      assertEquals(422, fast.http.post("/flight_stream/set_air_traffic/not-a-uuid", EmulatorFixture.traffic("A4", 1, 1),
          auth()).status());
      assertEquals(422, fast.http.post("/flight_stream/set_air_traffic/" + java.util.UUID.randomUUID(),
          EmulatorFixture.traffic("A5", 1, 1).encode(), "Content-Type", "text/plain", "Authorization", auth()[1]).status(),
          "FastAPI reads only JSON bodies as JSON");
      assertEquals(415, fast.http.put("/geo_fence_ops/set_geo_fence", "{}", "Content-Type",
          "application/json; charset=utf-8", "Authorization", auth()[1]).status());
    }
  }
}
