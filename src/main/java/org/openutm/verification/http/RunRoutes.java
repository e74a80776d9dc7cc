package org.openutm.verification.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.LocalJsonCodec;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.Scenarios;

/**
 * Scenario runs over HTTP (the Python server's paths, plus per-run paths) and live Server-Sent Events. Any number
 * of SSE consumers per run: each replays the run's events so far, then follows the session's event address.
 */
final class RunRoutes {
  private final Vertx vertx;
  private final OperationCatalog catalog;
  private final int maxSteps;
  private final DeliveryOptions shortCall = LocalJsonCodec.options(10_000);
  private final DeliveryOptions longCall;

  RunRoutes(Vertx vertx, OperationCatalog catalog, int maxSteps, long maxRequestMillis) {
    this.vertx = vertx;
    this.directory = new org.openutm.verification.cluster.SessionDirectory(vertx);
    this.catalog = catalog;
    this.maxSteps = maxSteps;
    this.longCall = LocalJsonCodec.options(maxRequestMillis);
  }

  void mount(Router r) {
    r.post("/api/scenarios/validate").handler(ctx -> SessionRoutes.handle(ctx,
        c -> Future.succeededFuture(Scenarios.checkRequest(scenarioBody(c), catalog, maxSteps).toJson())));
    r.post("/run-scenario").handler(ctx -> runAndRespond(ctx, true));
    r.post("/run-scenario-async").handler(ctx -> runAndRespond(ctx, false));
    r.post("/api/runs").handler(ctx -> runAndRespond(ctx, false));
    r.post("/stop-scenario").handler(ctx -> SessionRoutes.handle(ctx,
        c -> session(Requests.sessionId(c), new JsonObject().put("action", "stop"), shortCall)));
    r.get("/run-scenario-events").handler(ctx -> events(ctx, Requests.sessionId(ctx), null));
    r.get("/api/runs/:run_id").handler(ctx -> SessionRoutes.handleResults(ctx, c -> findRun(c.pathParam("run_id"))
        .compose(sid -> session(sid, new JsonObject().put("action", "run-status").put("run_id", c.pathParam("run_id"))
            .put("results", !"false".equals(c.request().getParam("results"))), shortCall)), null));
    r.get("/api/runs/:run_id/events").handler(ctx -> findRun(ctx.pathParam("run_id"))
        .onSuccess(sid -> events(ctx, sid, ctx.pathParam("run_id")))
        .onFailure(t -> HttpErrors.send(ctx, t)));
  }

  /** JSON {scenario}|{yaml}|definition, or a raw YAML body. */
  static JsonObject scenarioBody(RoutingContext c) {
    String type = c.request().getHeader("Content-Type");
    if (RequestGuard.isYaml(RequestGuard.mediaType(type))) {
      return new JsonObject().put("yaml", c.body() == null ? "" : c.body().asString());
    }
    return Requests.jsonBody(c, false);
  }

  private void runAndRespond(RoutingContext ctx, boolean wait) {
    java.util.function.Function<RoutingContext, io.vertx.core.Future<JsonObject>> run = c -> {
      JsonObject body = scenarioBody(c).put("action", "run").put("wait", wait);
      String speed = c.queryParams().get("speed");
      if (speed != null) {
        try {
          body.put("speed", Double.parseDouble(speed.trim()));
        } catch (NumberFormatException e) {
          throw org.openutm.verification.core.ServiceException.badInput("speed", "speed must be a number: " + speed);
        }
      }
      String breakpoints = c.queryParams().get("breakpoints");
      if (breakpoints != null) {
        // ?breakpoints=a,b: the run pauses before each (resume with POST /api/sessions/{id}/resume)
        body.put("breakpoints", new JsonArray(java.util.Arrays.stream(breakpoints.split(",")).map(String::trim)
            .filter(b -> !b.isEmpty()).toList()));
      }
      return session(Requests.sessionId(c), body, wait ? longCall : shortCall);
    };
    if (wait) {
      SessionRoutes.handleResults(ctx, run, result -> result.getJsonArray("results", new JsonArray()).encode());
    } else {
      SessionRoutes.handle(ctx, run);
    }
  }

  private Future<JsonObject> session(String sessionId, JsonObject request, DeliveryOptions options) {
    Future<JsonObject> sent = vertx.eventBus().<JsonObject>request(Addresses.session(sessionId), request,
        Addresses.toSession(sessionId, options)).map(m -> m.body());
    return directory.guard(sessionId, sent).recover(t -> SessionRoutes.sessionFailed(directory, sessionId, t));
  }

  private Future<String> findRun(String runId) {
    return vertx.eventBus().<JsonObject>request(Addresses.SESSIONS, new JsonObject().put("action", "find-run")
        .put("run_id", runId), Addresses.local(shortCall)).map(m -> m.body().getString("session_id"));
  }

  /** Open SSE streams of this verticle instance, capped by http.max_sse_streams (429 beyond). */
  private int streams;
  private final org.openutm.verification.cluster.SessionDirectory directory;
  int maxStreams = 200;

  /** SSE: `data: <StepResult>` per change, then `event: done` with {status, error}. */
  private void events(RoutingContext ctx, String sessionId, String runId) {
    if (streams >= maxStreams) {
      HttpErrors.send(ctx, new org.openutm.verification.core.ServiceException(
          org.openutm.verification.core.ErrorCode.TOO_MANY, "this instance already serves " + streams
          + " event streams (http.max_sse_streams); close one or use the event bus bridge",
          new JsonObject().put("field", "events")));
      return;
    }
    streams++;
    boolean[] counted = {true};
    Runnable release = () -> {
      if (counted[0]) {
        counted[0] = false;
        streams--;
      }
    };
    ctx.response().endHandler(v -> release.run());
    List<JsonObject> buffered = new ArrayList<>();
    long[] lastSeq = {-1};
    String[] run = {runId};
    HttpServerResponse resp = ctx.response();
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.events(sessionId));
    consumer.handler(m -> {
      if (lastSeq[0] < 0) {
        buffered.add(m.body());
      } else {
        emit(resp, consumer, m.body(), run[0], lastSeq);
      }
    });
    resp.closeHandler(v -> {
      consumer.unregister();
      release.run(); // a client that goes away before the run ends frees its slot too
    });
    consumer.completion()
        .compose(v -> session(sessionId, new JsonObject().put("action", "run-status").put("run_id", runId)
            .put("events", true), shortCall))
        .onSuccess(status -> {
          run[0] = status.getString("run_id");
          resp.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache")
              .putHeader("X-Run-Id", run[0]);
          lastSeq[0] = 0;
          for (Object e : status.getJsonArray("events", new JsonArray())) {
            emit(resp, consumer, (JsonObject) e, run[0], lastSeq);
          }
          buffered.forEach(e -> emit(resp, consumer, e, run[0], lastSeq));
          buffered.clear();
        })
        .onFailure(t -> {
          consumer.unregister();
          HttpErrors.send(ctx, t);
        });
  }

  private static void emit(HttpServerResponse resp, MessageConsumer<JsonObject> consumer, JsonObject event,
      String runId, long[] lastSeq) {
    long seq = event.getLong("seq", 0L);
    if (resp.ended() || seq <= lastSeq[0] || !runId.equals(event.getString("run_id"))) {
      return;
    }
    lastSeq[0] = seq;
    String type = event.getString("type");
    if ("step".equals(type)) {
      resp.write("data: " + event.getJsonObject("result").encode() + "\n\n");
    } else if ("started".equals(type)) {
      // the toolkit's server records a StepResult with status running before each step (its web editor reads it);
      // a background step's running record is already the engine's own step event
      if (!event.getBoolean("background", false)) {
        resp.write("data: " + new JsonObject().put("id", event.getString("step_id")).put("name", event.getString("name"))
            .putNull("phase").put("status", "running").put("duration", 0.0).putNull("result").putNull("error_message")
            .put("logs", new io.vertx.core.json.JsonArray()).put("continue_on_error", false).encode() + "\n\n");
      }
      resp.write("event: started\ndata: " + new JsonObject().put("id", event.getString("step_id"))
          .put("name", event.getString("name")).put("expected_seconds", event.getValue("expected_seconds")).encode()
          + "\n\n");
    } else if ("paused".equals(type) || "resumed".equals(type) || "map".equals(type)) {
      JsonObject data = event.copy();
      data.remove("type");
      data.remove("session");
      data.remove("seq");
      data.remove("run_id");
      resp.write("event: " + type + "\ndata: " + data.encode() + "\n\n");
    } else if ("done".equals(type)) {
      resp.write("event: done\ndata: " + new JsonObject().put("status", event.getString("status"))
          .put("error", event.getString("error")).encode() + "\n\n");
      resp.end();
      consumer.unregister();
    }
  }
}
