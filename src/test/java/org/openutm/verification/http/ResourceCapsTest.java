package org.openutm.verification.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** Sessions, background tasks and event streams are capped by config with 429 answers naming what is full. */
class ResourceCapsTest {
  @Test
  void capsAnswer429() throws Exception {
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject().put("max_sse_streams", 1))
        .put("session", new JsonObject().put("max_sessions", 3).put("max_tasks_per_session", 1)))) {
      Http http = svc.http;
      // sessions: the default one plus two more
      assertEquals(201, http.post("/api/sessions", null).status());
      assertEquals(201, http.post("/api/sessions", null).status());
      Http.Response full = http.post("/api/sessions", null);
      assertEquals(429, full.status(), full.body());
      assertEquals("too_many", full.json().getString("error"));
      // background tasks per session
      JsonObject wait = new JsonObject().put("step", "Wait X seconds").put("arguments", new JsonObject().put("duration", 3))
          .put("run_in_background", true);
      assertEquals(200, http.post("/api/step", wait).status());
      assertEquals(429, http.post("/api/step", wait).status());
      http.post("/session/reset", null);
      // event streams
      assertEquals(200, http.post("/run-scenario-async", "name: slow\nsteps:\n  - step: Wait X seconds\n    arguments: "
          + "{duration: 3}\n", "Content-Type", "application/yaml").status());
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> first = client.sendAsync(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + svc.port + "/run-scenario-events")).build(), HttpResponse.BodyHandlers.ofLines());
      assertEquals(200, first.get().statusCode());
      Http.Response second = http.get("/run-scenario-events");
      assertEquals(429, second.status(), second.body());
      assertEquals("events", second.json().getJsonObject("details").getString("field"));
      // a client that goes away frees its slot (before, only a run's end did)
      first.get().body().close();
      boolean reopened = false;
      for (int i = 0; i < 20 && !reopened; i++) {
        Thread.sleep(100);
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> again = client.sendAsync(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + svc.port + "/run-scenario-events")).build(), HttpResponse.BodyHandlers.ofLines());
        reopened = again.get().statusCode() == 200;
        again.get().body().close();
      }
      assertEquals(true, reopened, "the slot of a closed stream is free again");
      http.post("/stop-scenario", null);
    }
  }
}
