package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * Flight Blender d874eb0 flight_declaration_operations/tests.py FlightDeclarationListStateFilterTests (all 7), ported
 * to HTTP in mode django. The source writes three rows straight into the database (states 1, 2, 8); here they are
 * made through the API: an Accepted declaration, a second one over the same area (deconflicted: Rejected, 8) and a
 * third elsewhere that the operator activates (2).
 */
class DeclarationListStateFilterDjangoTest extends EraContract {
  static final String URL = "/flight_declaration_ops/flight_declaration";
  String accepted;
  String activated;
  String rejected;

  @Override
  String mode() {
    return "django";
  }

  @Override
  @BeforeAll
  void up() throws InterruptedException {
    super.up();
    String set = "/flight_declaration_ops/set_flight_declaration";
    accepted = http.post(set, EmulatorFixture.declaration(10, 10, 10.01, 10.01, 600, 50), EmulatorFixture.auth()).json()
        .getString("id");
    JsonObject second = http.post(set, EmulatorFixture.declaration(10, 10, 10.01, 10.01, 600, 50), EmulatorFixture.auth()).json();
    assertEquals(8, second.getInteger("state"));
    rejected = second.getString("id");
    activated = http.post(set, EmulatorFixture.declaration(20, 20, 20.01, 20.01, 600, 50), EmulatorFixture.auth()).json()
        .getString("id");
    assertEquals(200, http.put("/flight_declaration_ops/flight_declaration_state/" + activated, new JsonObject().put("state", 2),
        EmulatorFixture.auth()).status());
  }

  Set<String> ids(String params) {
    Http.Response r = http.get(URL + params, EmulatorFixture.auth());
    assertEquals(200, r.status(), r.body());
    Set<String> out = new HashSet<>();
    r.json().getJsonArray("results").forEach(x -> out.add(((JsonObject) x).getString("id")));
    return out;
  }

  @Test
  void test_no_state_filter_returns_all() {
    assertTrue(ids("").containsAll(Set.of(accepted, activated, rejected)));
  }

  @Test
  void test_single_state_filter() {
    Set<String> got = ids("?state=1");
    assertTrue(got.contains(accepted));
    assertFalse(got.contains(activated) || got.contains(rejected));
  }

  @Test
  void test_multiple_states_filter() {
    Set<String> got = ids("?state=1,2");
    assertTrue(got.containsAll(Set.of(accepted, activated)));
    assertFalse(got.contains(rejected));
  }

  @Test
  void test_state_filter_no_matches_returns_empty() {
    assertEquals(Set.of(), ids("?state=5"));
  }

  @Test
  void test_invalid_state_value_returns_400() {
    assertEquals(400, http.get(URL + "?state=notanumber", EmulatorFixture.auth()).status());
  }

  @Test
  void test_trailing_comma_parses_valid_states() {
    Set<String> got = ids("?state=1,");
    assertTrue(got.contains(accepted));
    assertFalse(got.contains(activated) || got.contains(rejected));
  }

  @Test
  void test_double_comma_parses_valid_states() {
    Set<String> got = ids("?state=1,,2");
    assertTrue(got.containsAll(Set.of(accepted, activated)));
    assertFalse(got.contains(rejected));
  }
}
