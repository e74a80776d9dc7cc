package org.openutm.verification.session;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.core.Addresses;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.core.SessionAction;
import org.openutm.verification.engine.RunObserver;
import org.openutm.verification.engine.RunService;
import org.openutm.verification.report.Reports;
import org.openutm.verification.report.RunJournal;
import org.openutm.verification.engine.Session;
import org.openutm.verification.engine.StepExecutor;
import org.openutm.verification.operation.OperationCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns this node's sessions. Consumes {@code verification.sessions} (create, list, delete) and, per session,
 * {@code verification.session.<id>}; publishes each session's events on {@code verification.events.<id>}.
 * Only translates between the bus and {@link SessionService}.
 */
public class SessionVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SessionVerticle.class);

  private final OperationCatalog catalog;
  private final AppConfig config;
  private org.openutm.verification.cluster.SessionDirectory directory;
  private final Map<String, MessageConsumer<Object>> consumers = new HashMap<>();
  private SessionService service;
  private RunService runs;
  private SessionLifecycle lifecycle;

  public SessionVerticle(OperationCatalog catalog, AppConfig config) {
    this.catalog = catalog;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    directory = new org.openutm.verification.cluster.SessionDirectory(vertx);
    JsonObject sc = config.section("session");
    StepExecutor executor = new StepExecutor(vertx, catalog, sc.getInteger("max_tasks_per_session", 20_000));
    executor.config(config, org.openutm.verification.config.LiveConfig.of(vertx, config));
    service = new SessionService(executor, id -> {
      String address = Addresses.events(id);
      return event -> vertx.eventBus().publish(address, event);
    },
        sc.getInteger("max_sessions", 1000), sc.getLong("ttl_seconds", 3600L) * 1000);
    runs = new RunService(executor, config);
    // the maps belong to this verticle's thread: sample them here each second, the scrape reads the samples
    java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    SimClock.setWallPeriodic(vertx, 1_000, t -> {
      open.set(service.count());
      running.set(service.runningTasks());
    });
    org.openutm.verification.core.Metrics.gauge("openutm_sessions_open", "Sessions held by this node", open::get);
    org.openutm.verification.core.Metrics.gauge("openutm_background_tasks_running", "Background tasks running on this node",
        running::get);
    runs.onReport(this::journal);
    long sweep = Math.max(100, (long) (sc.getDouble("sweep_seconds", 30.0) * 1000));
    lifecycle = new SessionLifecycle(service, runs, new SessionLifecycle.Endpoints() {
      @Override
      public Future<Void> open(String id) {
        return register(id);
      }

      @Override
      public Future<Void> close(String id) {
        return unregister(id);
      }
    });
    SimClock.setWallPeriodic(vertx, sweep, t -> lifecycle.expire(SimClock.wallMillis())
        .forEach(id -> LOG.info("session {} expired", id)));
    var manager = vertx.eventBus().<Object>consumer(Addresses.SESSIONS, this::onManage);
    return Future.join(manager.completion(), lifecycle.create(SessionService.DEFAULT));
  }

  /**
   * A run's report, written as it runs (its folder from the first step: a killed process leaves every finished step,
   * see {@link RunJournal}); the session hears of its folder when every file is written.
   */
  private RunObserver journal(Session session, String runId, String scenario) {
    RunJournal journal = RunJournal.open(Reports.root(config), Reports.header(config), formats(), Reports.keep(config));
    journal.scenario(new JsonObject().put("scenario", scenario));
    LiveMap map = new LiveMap(vertx, session, runId);
    return new RunObserver() {
      @Override
      public void event(JsonObject event) {
        journal.event(event);
        map.event(event);
      }

      @Override
      public void ended(JsonObject summary) {
        map.flush();
        journal.scenarioEnded(summary);
        session.runReport(Future.fromCompletionStage(journal.finish(), vertx.getOrCreateContext())
            .onSuccess(id -> LOG.info("report {} for run {}", id, runId))
            .onFailure(t -> LOG.warn("cannot write the report of run {}: {}", runId, t.getMessage())));
      }
    };
  }

  private java.util.List<String> formats() {
    var f = config.section("reporting").getJsonArray("formats", new io.vertx.core.json.JsonArray().add("json"));
    java.util.List<String> out = new java.util.ArrayList<>(f.stream().map(String::valueOf).toList());
    out.add("junit");
    return out;
  }

  /**
   * The session's address, reachable from every node of a cluster (the default session stays node-local), and its
   * entry in the session directory (session -> this node).
   */
  private Future<Void> register(String id) {
    MessageConsumer<Object> c = Addresses.DEFAULT_SESSION.equals(id)
        ? vertx.eventBus().localConsumer(Addresses.session(id), msg -> onSession(id, msg))
        : vertx.eventBus().consumer(Addresses.session(id), msg -> onSession(id, msg));
    consumers.put(id, c);
    return Addresses.DEFAULT_SESSION.equals(id) ? c.completion() : c.completion().compose(v -> directory.put(id));
  }

  private Future<Void> unregister(String id) {
    MessageConsumer<Object> c = consumers.remove(id);
    Future<Void> removed = Addresses.DEFAULT_SESSION.equals(id) ? Future.succeededFuture()
        : directory.remove(id).otherwiseEmpty();
    return c == null ? removed : Future.join(c.unregister(), removed).mapEmpty();
  }

  /** Deletes a session: its run stops, its tasks are cancelled, its address and directory entry go. */
  private JsonObject delete(String id) {
    if (!service.exists(id)) {
      throw ServiceException.notFound("session", "no session '" + id + "'");
    }
    lifecycle.end(id, "session deleted");
    return new JsonObject().put("status", "deleted").put("session_id", id);
  }

  /**
   * A graceful stop (undeploy, SIGTERM): every session's runs stop and its background tasks are cancelled (joins
   * answer 410), and its address and directory entry go, before the node leaves the cluster.
   */
  @Override
  public Future<?> stop() {
    return lifecycle.endAll(new java.util.ArrayList<>(consumers.keySet()), "the node is stopping");
  }

  private void onManage(Message<Object> msg) {
    try {
      JsonObject body = body(msg);
      String action = body.getValue("action") instanceof String s ? s : "";
      switch (action) {
        case "create" -> {
          Object requested = body.getValue("session_id");
          if (requested != null && !(requested instanceof String)) {
            throw ServiceException.badInput("session_id", "'session_id' must be a string");
          }
          lifecycle.create((String) requested).onComplete(ar -> {
            if (ar.succeeded()) {
              msg.reply(ar.result().describe());
            } else {
              ServiceException.fail(msg, ar.cause());
            }
          });
        }
        case "list" -> msg.reply(new JsonObject().put("sessions", service.list()));
        case "active-runs" -> msg.reply(new JsonObject().put("active", runs.activeRuns()));
        case "find-run" -> {
          String runId = body.getValue("run_id") instanceof String r ? r : null;
          String sessionId = runId == null ? null : runs.sessionOf(runId);
          if (sessionId == null) {
            throw ServiceException.notFound("run_id", "no run '" + runId + "' on this node");
          }
          msg.reply(new JsonObject().put("session_id", sessionId).put("run_id", runId));
        }
        case "delete" -> {
          msg.reply(delete(SessionService.checkId(body.getValue("session_id") instanceof String s ? s : null)));
        }
        default -> throw ServiceException.badInput("action", "unknown action '" + action + "' (create, list, delete, find-run, active-runs)");
      }
    } catch (RuntimeException e) {
      ServiceException.fail(msg, e);
    }
  }

  private void onSession(String id, Message<Object> msg) {
    Future<JsonObject> answer;
    try {
      JsonObject body = body(msg);
      SessionAction action = SessionAction.of(body);
      if (action == SessionAction.DELETE) {
        if (Addresses.DEFAULT_SESSION.equals(id)) {
          throw ServiceException.badInput("session", "the default session is not deleted; reset it");
        }
        // DELETE /api/sessions/{id} reaches the owner wherever it runs
        msg.reply(delete(id));
        return;
      }
      if (action.handler == SessionAction.Handler.RUNS) {
        Session s = service.get(id);
        s.touch();
        answer = runs.handle(s, action, body);
      } else {
        answer = action == SessionAction.RESET ? lifecycle.reset(id, body) : service.handle(id, action, body);
      }
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(ar -> {
      if (ar.succeeded()) {
        // an answer is built for this reply or made of records the session never changes once recorded: handed over
        // as it is (a run's summary holds every result; the default codec would copy them all)
        msg.reply(ar.result(), org.openutm.verification.core.LocalJsonCodec.replyOptions());
      } else {
        ServiceException.fail(msg, ar.cause());
      }
    });
  }

  static JsonObject body(Message<Object> msg) {
    if (msg.body() instanceof JsonObject o) {
      return o;
    }
    if (msg.body() instanceof String s) {
      try {
        return new JsonObject(s);
      } catch (RuntimeException e) {
        throw ServiceException.badInput("body", "the message body must be a JSON object");
      }
    }
    throw ServiceException.badInput("body", "the message body must be a JSON object");
  }
}
