package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openutm.verification.support.Http;

/**
 * The real server's geofence tests, ported to HTTP; each method named after its source test. {@code fastapi}:
 * tests/test_geo_fence_operations.py at 5d9b953, TestGeoFenceCRUD and TestGeoFenceAuthEnforcement (12). {@code
 * django}: tests/test_geo_fence_operations.py at d874eb0, TestGeoFenceCRUD (all 9). Skipped: the geo-awareness test
 * harness, geozone, SCD and flight-planning test-interface classes (endpoints the emulator does not serve: no
 * verification scenario uses them), and the rtree / service coverage classes (internals).
 */
class GeofenceContractTest {
  static final String GF = "/geo_fence_ops";

  static String[] auth(String scope) {
    return new String[] {"Authorization", "Bearer " + EmulatorFixture.token(scope), "Content-Type", "application/json"};
  }

  static final String READ = "flightblender.read";
  static final String WRITE = "flightblender.write";

  static JsonObject payload() {
    JsonArray ring = new JsonArray().add(EmulatorFixture.pt(13.4, 52.5)).add(EmulatorFixture.pt(13.41, 52.5))
        .add(EmulatorFixture.pt(13.41, 52.51)).add(EmulatorFixture.pt(13.4, 52.51)).add(EmulatorFixture.pt(13.4, 52.5));
    return new JsonObject().put("type", "FeatureCollection").put("features", new JsonArray().add(new JsonObject()
        .put("type", "Feature").put("geometry", new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring)))
        .put("properties", new JsonObject().put("name", "Test GeoFence").put("upper_limit", 50).put("lower_limit", 20))));
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class FastApi {
    EmulatorFixture emu;
    Http http;

    @BeforeAll
    void up() {
      emu = new EmulatorFixture(new JsonObject().put("mode", "fastapi"));
      http = emu.http;
    }

    @AfterAll
    void down() {
      emu.close();
    }

    @BeforeEach
    void fresh() {
      http.post("/emulator/reset", null);
    }

    @Test
    void test_list_geo_fences_empty() {
      Http.Response r = http.get(GF + "/geo_fence", auth(READ));
      assertEquals(200, r.status());
      assertTrue(r.json().containsKey("results"));
      assertEquals(0, r.json().getInteger("count"));
    }

    @Test
    void test_set_geo_fence_success() {
      Http.Response r = http.put(GF + "/set_geo_fence", payload(), auth(WRITE));
      assertEquals(200, r.status(), r.body());
      assertTrue(r.json().containsKey("id"));
      assertEquals("Geofence Declaration submitted", r.json().getString("message"));
    }

    @Test
    void test_set_geo_fence_unsupported_media_type() {
      assertEquals(415, http.put(GF + "/set_geo_fence", "{}", "Authorization", "Bearer " + EmulatorFixture.token(WRITE),
          "Content-Type", "text/plain").status());
    }

    @Test
    void test_set_geo_fence_with_start_end_time() {
      JsonObject p = payload();
      p.getJsonArray("features").getJsonObject(0).getJsonObject("properties").put("upper_limit", 500).put("lower_limit", 100)
          .put("start_time", "2023-03-07T16:48:41").put("end_time", "2027-03-07T16:48:41").put("name", "Geofence 1");
      Http.Response r = http.put(GF + "/set_geo_fence", p, auth(WRITE));
      assertEquals(200, r.status(), r.body());
      assertTrue(r.json().containsKey("id"));
    }

    @Test
    void test_set_geo_fence_invalid_schema() {
      assertEquals(400, http.put(GF + "/set_geo_fence", new JsonObject().put("type", "FeatureCollection")
          .put("features", new JsonArray()), auth(WRITE)).status());
    }

    @Test
    void test_get_geo_fence_not_found() {
      assertEquals(404, http.get(GF + "/geo_fence/" + UUID.randomUUID(), auth(READ)).status());
    }

    @Test
    void test_delete_geo_fence_not_found() {
      assertEquals(404, http.delete(GF + "/geo_fence/" + UUID.randomUUID() + "/delete", auth(WRITE)).status());
    }

    @Test
    void test_create_then_get_then_delete() {
      Http.Response created = http.put(GF + "/set_geo_fence", payload(), auth(WRITE));
      assertEquals(200, created.status());
      String id = created.json().getString("id");
      Http.Response got = http.get(GF + "/geo_fence/" + id, auth(READ));
      assertEquals(200, got.status());
      assertEquals("Test GeoFence", got.json().getString("name"));
      assertEquals(200, http.get(GF + "/geo_fence", auth(READ)).status());
      assertEquals(204, http.delete(GF + "/geo_fence/" + id + "/delete", auth(WRITE)).status());
      assertEquals(404, http.get(GF + "/geo_fence/" + id, auth(READ)).status());
    }

    @Test
    void test_missing_token_returns_401() {
      assertEquals(401, http.get(GF + "/geo_fence").status());
    }

    @Test
    void test_wrong_scope_returns_403() {
      assertEquals(403, http.get(GF + "/geo_fence", auth("wrong.scope")).status());
    }

    @Test
    void test_read_scope_allows_list() {
      assertEquals(200, http.get(GF + "/geo_fence", auth(READ)).status());
    }

    @Test
    void test_read_scope_rejected_for_write() {
      assertEquals(403, http.put(GF + "/set_geo_fence", payload(), auth(READ)).status());
    }

    /** Not in the source: what master's schema and service answer, and how it lists and renders a fence. */
    @Test
    void schemaMessagesWindowAndRendering() {
      JsonObject p = payload();
      JsonObject f = p.getJsonArray("features").getJsonObject(0);
      f.getJsonObject("properties").remove("name");
      f.getJsonObject("properties").put("min_altitude", 3);
      f.getJsonObject("geometry").put("coordinates", new JsonArray().add(new JsonArray().add(new JsonArray().add("x"))));
      Http.Response r = http.put(GF + "/set_geo_fence", p, auth(WRITE));
      assertEquals(400, r.status());
      JsonObject coordinates = new JsonObject().put("0", new JsonObject().put("0", new JsonObject().put("0",
          new JsonArray().add("Not a valid number."))));
      JsonObject feature = new JsonObject()
          .put("properties", new JsonObject().put("name", new JsonArray().add("Missing data for required field."))
              .put("min_altitude", new JsonArray().add("Unknown field.")))
          .put("geometry", new JsonObject().put("coordinates", coordinates));
      assertEquals(new JsonObject().put("features", new JsonObject().put("0", feature)), r.json());
      assertEquals("features list must not be empty", http.put(GF + "/set_geo_fence", new JsonObject()
          .put("type", "FeatureCollection").put("features", new JsonArray()), auth(WRITE)).json().getString("message"));
      String id = http.put(GF + "/set_geo_fence", payload(), auth(WRITE)).json().getString("id");
      JsonObject got = http.get(GF + "/geo_fence/" + id, auth(READ)).json();
      assertTrue(got.getValue("raw_geo_fence") instanceof String, "master returns the stored JSON text: " + got.encode());
      assertEquals("50.00", got.getString("upper_limit"));
      assertEquals("13.4000000,52.5000000,13.4100000,52.5100000", got.getString("bounds"));
      assertEquals(1, http.get(GF + "/geo_fence", auth(READ)).json().getInteger("count"));
      assertEquals(0, http.get(GF + "/geo_fence?start_date=2020-01-01&end_date=2020-01-02", auth(READ)).json().getInteger("count"));
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Django {
    EmulatorFixture emu;
    Http http;

    @BeforeAll
    void up() {
      emu = new EmulatorFixture(new JsonObject().put("mode", "django"));
      http = emu.http;
    }

    @AfterAll
    void down() {
      emu.close();
    }

    /** The source accepts 200 or 400: marshmallow does not know the feature's properties and geometry (400). */
    @Test
    void test_set_geo_fence_validation() {
      Http.Response r = http.put(GF + "/set_geo_fence", payload(), auth(WRITE));
      assertTrue(List.of(200, 400).contains(r.status()));
      assertEquals(new JsonObject().put("features", new JsonObject().put("0", new JsonObject()
          .put("geometry", new JsonArray().add("Unknown field.")).put("properties", new JsonArray().add("Unknown field.")))),
          r.json(), "every real Django-era geofence upload is refused so");
    }

    @Test
    void test_set_geo_fence_unsupported_media_type() {
      assertEquals(415, http.put(GF + "/set_geo_fence", "{}", "Authorization", "Bearer " + EmulatorFixture.token(WRITE),
          "Content-Type", "text/plain").status());
    }

    @Test
    void test_set_geo_fence_invalid_json() {
      assertTrue(List.of(400, 500).contains(http.put(GF + "/set_geo_fence", "not json", auth(WRITE)).status()));
    }

    @Test
    void test_list_geo_fences() {
      assertEquals(200, http.get(GF + "/geo_fence", auth(READ)).status());
    }

    @Test
    void test_list_geo_fences_with_date_filter() {
      assertEquals(200, http.get(GF + "/geo_fence?start_date=2024-01-01&end_date=2024-12-31", auth(READ)).status());
    }

    @Test
    void test_list_geo_fences_with_view_filter() {
      assertEquals(200, http.get(GF + "/geo_fence?view=52.0,13.0,52.1,13.1", auth(READ)).status());
    }

    @Test
    void test_list_geo_fences_unauthenticated() {
      assertEquals(401, http.get(GF + "/geo_fence").status());
    }

    @Test
    void test_get_geo_fence_not_found() {
      assertEquals(404, http.get(GF + "/geo_fence/" + UUID.randomUUID(), auth(READ)).status());
    }

    @Test
    void test_delete_geo_fence_not_found() {
      assertEquals(404, http.delete(GF + "/geo_fence/" + UUID.randomUUID() + "/delete", auth(WRITE)).status());
    }
  }
}
