package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * Flight Blender d874eb0 flight_declaration_operations/tests.py SetFlightDeclarationsBulkTests (10 of 12, prefix
 * {@code declarations_}) and SetOperationalIntentsBulkTests (9 of 11, prefix {@code intents_}), ported to HTTP in
 * mode django. The source mocks {@code _run_deconfliction}; here the real batch deconfliction runs, so the items the
 * mock approved are {@link DjangoPayloads} moved apart (0.01 degree each) and the items the alternating mock rejected
 * are items that overlap each other (both eras reject every overlapping item of a batch). Notifications are the AMQP
 * messages ({@link AmqpTap}); row counts are {@code /emulator/state}. Skipped: the {@code _ussp_enabled_} tests
 * (USSP_NETWORK_ENABLED patched, DSS mocked: the emulator has no USS network) and
 * {@code test_check_intersections_called_once_with_all_saved} (the number of calls to an internal function).
 */
class DeclarationBulkViewsDjangoTest extends DjangoViewsContract {
  Http.Response post(boolean intents, Object body) {
    return http.post(FD + (intents ? "/set_operational_intents_bulk" : "/set_flight_declarations_bulk"), body,
        EmulatorFixture.auth());
  }

  /** {@code n} items, apart from each other, with aircraft ids ac-0..ac-n. */
  static JsonArray apart(boolean intents, int n) {
    return new JsonArray(IntStream.range(0, n).mapToObj(i -> (Object) DjangoPayloads.payload(intents, i * 0.01)
        .put("aircraft_id", "ac-" + i)).toList());
  }

  static JsonObject noAircraft(boolean intents) {
    JsonObject p = DjangoPayloads.payload(intents, 0);
    p.remove("aircraft_id");
    return p;
  }

  void allValidApproved(boolean intents) {
    Http.Response r = post(intents, apart(intents, 3));
    assertEquals(200, r.status(), r.body());
    JsonObject body = r.json();
    assertEquals(3, body.getInteger("submitted"));
    assertEquals(0, body.getInteger("failed"));
    assertEquals(3, body.getJsonArray("results").size());
    for (int i = 0; i < 3; i++) {
      JsonObject result = body.getJsonArray("results").getJsonObject(i);
      assertEquals(i, result.getInteger("index"));
      assertTrue(result.getBoolean("success"));
      assertTrue(result.getBoolean("is_approved"), result.encode());
      assertEquals(1, result.getInteger("state"));
      assertTrue(result.containsKey("id"));
    }
    assertEquals(3, rows());
  }

  void nonListBody(boolean intents) {
    Http.Response r = post(intents, new JsonObject().put("not", "a list"));
    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().containsKey("message"));
    assertEquals(0, rows());
  }

  void emptyList(boolean intents) {
    Http.Response r = post(intents, new JsonArray());
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonObject().put("submitted", 0).put("failed", 0).put("results", new JsonArray()), r.json());
  }

  /** [valid, missing aircraft_id, valid elsewhere]. */
  Http.Response mixed(boolean intents) {
    return post(intents, new JsonArray().add(DjangoPayloads.payload(intents, 0)).add(noAircraft(intents))
        .add(DjangoPayloads.payload(intents, 0.01).put("aircraft_id", "ac-2")));
  }

  void mixedValidInvalid(boolean intents) {
    Http.Response r = mixed(intents);
    assertEquals(207, r.status(), r.body());
    JsonObject body = r.json();
    assertEquals(2, body.getInteger("submitted"));
    assertEquals(1, body.getInteger("failed"));
    JsonArray results = body.getJsonArray("results");
    assertEquals(3, results.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(i, results.getJsonObject(i).getInteger("index"));
      assertEquals(i != 1, results.getJsonObject(i).getBoolean("success"));
    }
    assertEquals(2, rows());
  }

  void allInvalid(boolean intents) {
    Http.Response r = post(intents, new JsonArray().add(noAircraft(intents)).add(noAircraft(intents)));
    assertEquals(207, r.status(), r.body());
    assertEquals(0, r.json().getInteger("submitted"));
    assertEquals(2, r.json().getInteger("failed"));
    r.json().getJsonArray("results").forEach(x -> assertFalse(((JsonObject) x).getBoolean("success")));
    assertEquals(0, rows());
  }

  /** Even items apart from everything, odd items over the same square: the odd ones conflict with each other. */
  void partialConflict(boolean intents) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < 4; i++) {
      items.add(DjangoPayloads.payload(intents, i % 2 == 0 ? 0.01 * (i + 1) : 0.1).put("aircraft_id", "ac-" + i));
    }
    Http.Response r = post(intents, items);
    assertEquals(200, r.status(), r.body());
    assertEquals(4, r.json().getInteger("submitted"));
    assertEquals(0, r.json().getInteger("failed"));
    for (Object x : r.json().getJsonArray("results")) {
      JsonObject result = (JsonObject) x;
      boolean even = result.getInteger("index") % 2 == 0;
      assertEquals(even, result.getBoolean("is_approved"), result.encode());
      assertEquals(even ? 1 : 8, result.getInteger("state"));
      JsonObject fd = http.get(FD + "/flight_declaration/" + result.getString("id"), EmulatorFixture.auth()).json();
      assertEquals(even, fd.getBoolean("is_approved"));
      assertEquals(even ? 1 : 8, fd.getInteger("state"));
    }
  }

  void wrongContentType(boolean intents) {
    Http.Response r = http.post(FD + (intents ? "/set_operational_intents_bulk" : "/set_flight_declarations_bulk"),
        apart(intents, 1).encode(), EmulatorFixture.auth()[0], EmulatorFixture.auth()[1], "Content-Type", "text/plain");
    assertEquals(415, r.status(), r.body());
    assertEquals(0, rows());
  }

  void responseShape(boolean intents) {
    JsonObject body = post(intents, apart(intents, 1)).json();
    assertEquals(Set.of("submitted", "failed", "results"), body.fieldNames());
    assertTrue(body.getJsonArray("results").getJsonObject(0).fieldNames()
        .containsAll(Set.of("index", "success", "id", "is_approved", "state")));
  }

  void resultsOrdered(boolean intents) {
    List<Integer> indices = mixed(intents).json().getJsonArray("results").stream()
        .map(x -> ((JsonObject) x).getInteger("index")).toList();
    assertEquals(List.of(0, 1, 2), indices);
  }

  @Test
  void declarations_test_all_valid_returns_200_with_all_approved() {
    allValidApproved(false);
  }

  @Test
  void declarations_test_non_list_body_returns_400() {
    nonListBody(false);
  }

  @Test
  void declarations_test_empty_list_returns_200_with_zero_counts() {
    emptyList(false);
  }

  @Test
  void declarations_test_mixed_valid_invalid_returns_207() {
    mixedValidInvalid(false);
  }

  @Test
  void declarations_test_all_invalid_returns_207_with_all_failed() {
    allInvalid(false);
  }

  @Test
  void declarations_test_partial_intersection_conflict_in_batch() {
    partialConflict(false);
  }

  @Test
  void declarations_test_notification_task_called_per_saved_declaration() throws InterruptedException {
    JsonArray results = post(false, apart(false, 3)).json().getJsonArray("results");
    for (Object x : results) {
      String id = ((JsonObject) x).getString("id");
      assertEquals(List.of("Flight Declaration created.."), tap.awaitTexts(id, 1));
    }
  }

  @Test
  void declarations_test_wrong_content_type_returns_415() {
    wrongContentType(false);
  }

  @Test
  void declarations_test_response_shape_matches_bulk_dataclass() {
    responseShape(false);
  }

  @Test
  void declarations_test_results_ordered_by_index() {
    resultsOrdered(false);
  }

  @Test
  void intents_test_all_valid_returns_200_with_all_approved() {
    allValidApproved(true);
  }

  @Test
  void intents_test_non_list_body_returns_400() {
    nonListBody(true);
  }

  @Test
  void intents_test_empty_list_returns_200_with_zero_counts() {
    emptyList(true);
  }

  @Test
  void intents_test_mixed_valid_invalid_returns_207() {
    mixedValidInvalid(true);
  }

  @Test
  void intents_test_all_invalid_returns_207_with_all_failed() {
    allInvalid(true);
  }

  @Test
  void intents_test_partial_intersection_conflict_in_batch() {
    partialConflict(true);
  }

  @Test
  void intents_test_wrong_content_type_returns_415() {
    wrongContentType(true);
  }

  @Test
  void intents_test_response_shape_matches_bulk_dataclass() {
    responseShape(true);
  }

  @Test
  void intents_test_results_ordered_by_index() {
    resultsOrdered(true);
  }
}
