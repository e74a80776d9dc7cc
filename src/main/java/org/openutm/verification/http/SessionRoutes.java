package org.openutm.verification.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.LocalJsonCodec;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.SessionAction;
import org.openutm.verification.session.SessionService;

/**
 * Session-scoped HTTP paths. Each handler validates, builds the bus request {action, ...} and forwards it to the
 * session's address; nothing here knows how a step runs.
 */
final class SessionRoutes {
  private final Vertx vertx;
  private final DeliveryOptions shortCall = LocalJsonCodec.options(10_000);
  private final DeliveryOptions longCall;

  SessionRoutes(Vertx vertx, long maxRequestMillis) {
    this.vertx = vertx;
    this.longCall = LocalJsonCodec.options(maxRequestMillis);
    this.directory = new org.openutm.verification.cluster.SessionDirectory(vertx);
  }

  void mount(Router r) {
    r.post("/api/sessions").handler(ctx -> handle(ctx, c -> {
      JsonObject body = Requests.jsonBody(c, true);
      return manage(body.put("action", "create")).map(j -> status(c, 201, j));
    }));
    r.get("/api/sessions").handler(ctx -> handle(ctx, c -> manage(new JsonObject().put("action", "list"))));
    r.get("/api/sessions/:id").handler(ctx -> handle(ctx, c -> toSession(pathSession(c), SessionAction.INFO, new JsonObject())));
    r.get("/api/sessions/:id/results").handler(ctx -> handleResults(ctx,
        c -> toSession(pathSession(c), SessionAction.RESULTS, new JsonObject()), null));
    r.post("/api/sessions/:id/reset").handler(ctx -> handle(ctx,
        c -> toSession(pathSession(c), SessionAction.RESET, Requests.jsonBody(c, true))));
    // the debugger: a step's arguments resolved without running it; pause and resume the session's run
    r.post("/api/sessions/:id/resolve").handler(ctx -> handle(ctx,
        c -> toSession(pathSession(c), SessionAction.RESOLVE, Requests.jsonBody(c, false))));
    r.post("/api/sessions/:id/pause").handler(ctx -> handle(ctx,
        c -> toSession(pathSession(c), SessionAction.PAUSE, new JsonObject())));
    r.post("/api/sessions/:id/resume").handler(ctx -> handle(ctx,
        c -> toSession(pathSession(c), SessionAction.RESUME, Requests.jsonBody(c, true))));
    // the scenario being stepped: /api/step may then call its groups; its success()/failure() state starts afresh
    r.post("/api/sessions/:id/scenario").handler(ctx -> handle(ctx,
        c -> toSession(pathSession(c), SessionAction.SCENARIO, RunRoutes.scenarioBody(c))));
    r.post("/api/sessions/:id/input").handler(ctx -> handle(ctx, c -> {
      String id = pathSession(c);
      return vertx.eventBus().<JsonObject>request(Addresses.input(id), Requests.jsonBody(c, true), shortCall)
          .map(m -> m.body()).recover(t -> {
            ServiceException e = ServiceException.from(t);
            return Future.failedFuture(e.code() == ErrorCode.NOT_FOUND ? new ServiceException(ErrorCode.CONFLICT,
                "no step of session '" + id + "' is waiting for input", new JsonObject().put("field", "session")) : e);
          });
    }));
    r.delete("/api/sessions/:id").handler(ctx -> handle(ctx, c -> {
      String id = pathSession(c);
      return Addresses.DEFAULT_SESSION.equals(id) ? manage(new JsonObject().put("action", "delete").put("session_id", id))
          : toSession(id, SessionAction.DELETE, new JsonObject());
    }));

    r.post("/api/step").handler(ctx -> handle(ctx,
        c -> toSession(Requests.sessionId(c), SessionAction.STEP, Requests.jsonBody(c, false))));
    r.post("/api/tasks/:task_id/join").handler(ctx -> handle(ctx, c -> toSession(Requests.sessionId(c), SessionAction.JOIN,
        new JsonObject().put("task_id", c.pathParam("task_id")))));
    r.get("/api/tasks/:task_id").handler(ctx -> handle(ctx, c -> toSession(Requests.sessionId(c), SessionAction.TASK,
        new JsonObject().put("task_id", c.pathParam("task_id")))));
    r.get("/api/tasks").handler(ctx -> handle(ctx, c -> toSession(Requests.sessionId(c), SessionAction.TASKS, new JsonObject())));
    r.post("/session/reset").handler(ctx -> handle(ctx,
        c -> toSession(Requests.sessionId(c), SessionAction.RESET, Requests.jsonBody(c, true))));
  }

  private static String pathSession(RoutingContext c) {
    return SessionService.checkId(c.pathParam("id"));
  }

  private final org.openutm.verification.cluster.SessionDirectory directory;

  private Future<JsonObject> manage(JsonObject request) {
    return vertx.eventBus().<JsonObject>request(Addresses.SESSIONS, request, Addresses.local(shortCall)).map(m -> m.body());
  }

  /** Forwards {action, ...body} to the session; a missing session is a 404 naming it. */
  private Future<JsonObject> toSession(String sessionId, SessionAction action, JsonObject body) {
    JsonObject request = body.put("action", action.wire);
    boolean mayWait = action.mayWait;
    Future<JsonObject> sent = vertx.eventBus().<JsonObject>request(Addresses.session(sessionId), request,
            Addresses.toSession(sessionId, mayWait ? longCall : shortCall)).map(m -> m.body());
    return directory.guard(sessionId, sent).recover(t -> sessionFailed(directory, sessionId, t));
  }

  /**
   * A failed request to a session: no handler means no such session (404), or, in a cluster, that its owner left
   * (410 "session lost: node X left", from the session directory).
   */
  static <T> Future<T> sessionFailed(org.openutm.verification.cluster.SessionDirectory directory, String sessionId,
      Throwable t) {
    ServiceException e = sessionFailure(sessionId, t);
    if (e.code() != ErrorCode.NOT_FOUND || !"session".equals(e.details().getString("field"))) {
      return Future.failedFuture(e);
    }
    return directory.explain(sessionId).compose(Future::failedFuture);
  }

  /** No handler for a session's address: the session does not exist (404 naming it). */
  static ServiceException sessionFailure(String sessionId, Throwable t) {
    ServiceException e = ServiceException.from(t);
    if (e.code() == ErrorCode.NOT_FOUND && e.details().isEmpty()) {
      return ServiceException.notFound("session", "no session '" + sessionId + "'");
    }
    return e;
  }

  private static JsonObject status(RoutingContext c, int code, JsonObject body) {
    c.response().setStatusCode(code);
    return body;
  }

  /** validate -> act -> answer JSON, every failure through {@link HttpErrors}. */
  static void handle(RoutingContext ctx, Function<RoutingContext, Future<JsonObject>> action) {
    handle(ctx, action, null);
  }

  /** As above; {@code render} (when not null) turns the answer into the body text. */
  static void handle(RoutingContext ctx, Function<RoutingContext, Future<JsonObject>> action,
      Function<JsonObject, String> render) {
    handle(ctx, action, render, false);
  }

  /**
   * As above for answers that carry a run's or a session's results (megabytes with HTTP exchanges): encoded on a
   * worker thread, not on the event loop. A session's answer is built for its reply or made of records the session
   * never changes once recorded, so reading it here while the session goes on is safe.
   */
  static void handleResults(RoutingContext ctx, Function<RoutingContext, Future<JsonObject>> action,
      Function<JsonObject, String> render) {
    handle(ctx, action, render, true);
  }

  private static void handle(RoutingContext ctx, Function<RoutingContext, Future<JsonObject>> action,
      Function<JsonObject, String> render, boolean offLoop) {
    Future<JsonObject> f;
    try {
      f = action.apply(ctx);
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    Function<JsonObject, String> text = render == null ? JsonObject::encode : render;
    f.compose(answer -> offLoop ? ctx.vertx().executeBlocking(() -> text.apply(answer), false)
        : Future.succeededFuture(text.apply(answer))).onComplete(ar -> {
          if (ar.succeeded()) {
            ctx.response().putHeader("Content-Type", "application/json").end(ar.result());
          } else {
            HttpErrors.send(ctx, ar.cause());
          }
        });
  }
}
