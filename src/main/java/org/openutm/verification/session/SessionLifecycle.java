package org.openutm.verification.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.core.SessionAction;
import org.openutm.verification.engine.RunService;
import org.openutm.verification.engine.Session;

/**
 * A session's life, in one place: created (then reachable at its address), reset (its run stops, its single steps and
 * results start afresh), ended by a delete, an expiry or the node stopping (its run stops, its tasks are cancelled,
 * joins answer 410, its address and directory entry go). The verticle only translates messages to these calls; the
 * address part is behind {@link Endpoints}.
 */
final class SessionLifecycle {
  /** A session's address (and cluster directory entry): opened when it is created, closed when it ends. */
  interface Endpoints {
    Future<Void> open(String sessionId);

    Future<Void> close(String sessionId);
  }

  private final SessionService sessions;
  private final RunService runs;
  private final Endpoints endpoints;

  SessionLifecycle(SessionService sessions, RunService runs, Endpoints endpoints) {
    this.sessions = sessions;
    this.runs = runs;
    this.endpoints = endpoints;
  }

  /** A new session, answered once its address is open; a failed registration leaves nothing behind. */
  Future<Session> create(String requestedId) {
    Session s = sessions.create(requestedId);
    return endpoints.open(s.id()).transform(ar -> {
      if (ar.failed()) {
        sessions.delete(s.id(), "registration failed");
        return Future.failedFuture(ar.cause());
      }
      return Future.succeededFuture(s);
    });
  }

  /** {@code reset}: the run stops, the single steps start afresh, then the session's own reset. */
  Future<JsonObject> reset(String sessionId, JsonObject request) {
    if (sessions.exists(sessionId)) {
      runs.stop(sessions.get(sessionId));
      runs.resetSteps(sessionId);
    }
    return sessions.handle(sessionId, SessionAction.RESET, request);
  }

  /** Ends a session (delete, expiry, node stop): its run, its tasks, its address. */
  Future<Void> end(String sessionId, String reason) {
    runs.forget(sessionId);
    if (sessions.exists(sessionId)) {
      sessions.delete(sessionId, reason);
    }
    return endpoints.close(sessionId);
  }

  /** Sessions idle past their TTL, ended; their ids. */
  List<String> expire(long now) {
    List<String> expired = sessions.expire(now);
    expired.forEach(id -> {
      runs.forget(id);
      endpoints.close(id);
    });
    return expired;
  }

  /** Every session this node holds, ended (a graceful stop). */
  Future<Void> endAll(List<String> ids, String reason) {
    List<Future<Void>> done = new ArrayList<>();
    ids.forEach(id -> done.add(end(id, reason)));
    return Future.join(done).mapEmpty();
  }
}
