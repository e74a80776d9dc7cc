package org.openutm.verification.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** Session TTL expiry and many concurrent background tasks, against the real service. */
class SessionLifecycleTest {

  @Test
  void idleSessionExpiresAndItsTasksAreCancelled() throws Exception {
    try (TestService svc = TestService.start(new JsonObject().put("session",
        new JsonObject().put("ttl_seconds", 1).put("sweep_seconds", 0.2)))) {
      Http http = svc.http;
      String s = http.post("/api/sessions", null).json().getString("session_id");
      Http.Response started = http.post("/api/step", new JsonObject().put("step", "Wait X seconds")
          .put("run_in_background", true).put("arguments", new JsonObject().put("duration", 60)), "X-Session-Id", s);
      assertEquals("running", started.json().getString("status"));
      assertEquals(1, inFlight(svc), "the worker holds the wait");
      long deadline = System.currentTimeMillis() + 10_000;
      while (listed(http, s) && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(404, http.get("/api/sessions/" + s).status(), "expired");
      deadline = System.currentTimeMillis() + 5_000;
      while (inFlight(svc) != 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(0, inFlight(svc), "expiry cancelled the 60 s wait on the worker");
      assertEquals(200, http.get("/api/sessions/default").status(), "the default session never expires");
    }
  }

  /** Listing does not touch a session (reading its own path would keep it alive). */
  static boolean listed(Http http, String id) {
    return http.get("/api/sessions").json().getJsonArray("sessions").stream()
        .anyMatch(o -> id.equals(((JsonObject) o).getString("session_id")));
  }

  static int inFlight(TestService svc) {
    return TestService.await(svc.vertx.eventBus().<JsonObject>request(Addresses.client("common"),
        new JsonObject().put("action", "ping"))).body().getInteger("in_flight");
  }

  @Test
  void thousandConcurrentBackgroundTasksAllJoinedNoneLost() throws Exception {
    try (TestService svc = TestService.start()) {
      String base = "http://127.0.0.1:" + svc.port;
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String s = svc.http.post("/api/sessions", null).json().getString("session_id");
      List<CompletableFuture<HttpResponse<String>>> starts = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        JsonObject body = new JsonObject().put("step", "Wait X seconds").put("id", "w" + i)
            .put("run_in_background", true).put("arguments", new JsonObject().put("duration", 0.5));
        starts.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/step"))
            .header("X-Session-Id", s).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      List<String> taskIds = new ArrayList<>();
      for (var f : starts) {
        HttpResponse<String> r = f.get();
        assertEquals(200, r.statusCode(), r.body());
        taskIds.add(new JsonObject(r.body()).getString("task_id"));
      }
      assertEquals(1000, new HashSet<>(taskIds).size(), "1000 distinct task ids");
      List<CompletableFuture<HttpResponse<String>>> joins = new ArrayList<>();
      for (String id : taskIds) {
        joins.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + id + "/join"))
            .header("X-Session-Id", s).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      Set<String> stepIds = new HashSet<>();
      for (var f : joins) {
        HttpResponse<String> r = f.get();
        assertEquals(200, r.statusCode(), r.body());
        JsonObject result = new JsonObject(r.body());
        assertEquals("success", result.getString("status"));
        stepIds.add(result.getString("id"));
      }
      assertEquals(1000, stepIds.size(), "every task joined exactly once with its own step");
      var results = svc.http.get("/api/sessions/" + s + "/results").json().getJsonArray("results");
      assertEquals(1000, results.size());
      assertTrue(results.stream().allMatch(o -> "success".equals(((JsonObject) o).getString("status"))));
    }
  }
}
