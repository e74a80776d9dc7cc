package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openutm.verification.emulator.EmulatorFixture.auth;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openutm.verification.support.Http;

/**
 * The real server's conformance API tests, ported to HTTP; each method is named after its source test.
 * {@code fastapi}: tests/test_conformance_api.py at 5d9b953 (all 12). {@code django}:
 * tests/test_conformance_monitoring_operations.py at d874eb0 (all 3: its records views read request.parameters and
 * answer 500).
 */
class ConformanceContractTest {
  static final String CM = "/conformance_monitoring_ops";
  static final String YEAR = "?start_date=2025-01-01T00:00:00Z&end_date=2025-12-31T23:59:59Z";

  static String[] read() {
    return EmulatorFixture.bearer("flightblender.read");
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

    @Test
    void test_conformance_status() {
      Http.Response r = http.get(CM + "/conformance_status", read());
      assertEquals(200, r.status());
      assertEquals("OK", r.json().getString("status"));
    }

    @Test
    void test_conformance_status_unauthenticated() {
      assertEquals(401, http.get(CM + "/conformance_status").status());
    }

    @Test
    void test_get_conformance_records_missing_params() {
      Http.Response r = http.get(CM + "/get_conformance_records", read());
      assertEquals(400, r.status());
      assertTrue(r.json().containsKey("error"));
    }

    @Test
    void test_get_conformance_records_missing_end_date() {
      assertEquals(400, http.get(CM + "/get_conformance_records?start_date=2025-01-01T00:00:00Z", read()).status());
    }

    @Test
    void test_get_conformance_records_invalid_date_format() {
      assertEquals(400, http.get(CM + "/get_conformance_records?start_date=not-a-date&end_date=also-not", read()).status());
    }

    @Test
    void test_get_conformance_records_start_after_end() {
      assertEquals(400, http.get(CM + "/get_conformance_records?start_date=2025-12-31T00:00:00Z&end_date=2025-01-01T00:00:00Z",
          read()).status());
    }

    @Test
    void test_get_conformance_records_valid_returns_empty_list() {
      Http.Response r = http.get(CM + "/get_conformance_records" + YEAR, read());
      assertEquals(200, r.status());
      assertEquals(0, r.json().getJsonArray("conformance_records").size());
    }

    @Test
    void test_conformance_record_summary_missing_params() {
      Http.Response r = http.get(CM + "/conformance_record_summary", read());
      assertEquals(400, r.status());
      assertTrue(r.json().containsKey("error"));
    }

    @Test
    void test_conformance_record_summary_invalid_date_format() {
      assertEquals(400, http.get(CM + "/conformance_record_summary?start_date=bad&end_date=worse", read()).status());
    }

    @Test
    void test_conformance_record_summary_start_after_end() {
      assertEquals(400, http.get(CM + "/conformance_record_summary?start_date=2025-12-31T00:00:00Z&end_date=2025-01-01T00:00:00Z",
          read()).status());
    }

    @Test
    void test_conformance_record_summary_valid_empty_db() {
      Http.Response r = http.get(CM + "/conformance_record_summary" + YEAR, read());
      assertEquals(200, r.status());
      JsonObject summary = r.json().getJsonObject("summary");
      assertEquals(0, summary.getInteger("total_records"));
      assertEquals(0, summary.getInteger("conforming_records"));
      assertEquals(0, summary.getInteger("non_conforming_records"));
      assertEquals(0.0, summary.getDouble("conformance_rate_percentage"));
    }

    @Test
    void test_get_conformance_record_summary_alias_route() {
      Http.Response r = http.get(CM + "/get_conformance_record_summary" + YEAR, read());
      assertEquals(200, r.status());
      assertTrue(r.json().containsKey("summary"));
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

    @Test
    void test_conformance_status() {
      Http.Response r = http.get(CM + "/conformance_status", read());
      assertEquals(200, r.status());
      assertEquals("OK", r.json().getString("status"));
    }

    @Test
    void test_get_conformance_records_missing_params() {
      assertEquals(500, http.get(CM + "/get_conformance_records", read()).status());
      assertEquals(500, http.get(CM + "/get_conformance_records" + YEAR, auth()).status(), "whatever the query");
    }

    @Test
    void test_conformance_record_summary_missing_params() {
      assertEquals(500, http.get(CM + "/conformance_record_summary", read()).status());
      assertEquals(404, http.get(CM + "/get_conformance_record_summary" + YEAR, read()).status(), "no alias in Django");
    }
  }
}
