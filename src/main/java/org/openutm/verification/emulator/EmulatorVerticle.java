package org.openutm.verification.emulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.openutm.verification.clock.SimClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Flight Blender: the HTTP and WebSocket contract of ../shared/reference/flight-blender-api.md on its
 * own port, with its own in-memory state. Config: the {@code emulator} section (host, port, mode, caps, sensors).
 */
public class EmulatorVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorVerticle.class);

  private final JsonObject config;
  private final EventSink events;
  private final JsonObject amqp;
  private AmqpEventSink amqpSink;
  private HttpServer server;
  private EmulatorState state;

  public EmulatorVerticle(JsonObject emulatorConfig) {
    this(emulatorConfig, null, EventSink.NONE);
  }

  /** With {@code amqp.url} set in {@code amqpConfig}, operational events go to RabbitMQ as Flight Blender's do. */
  public EmulatorVerticle(JsonObject emulatorConfig, JsonObject amqpConfig) {
    this(emulatorConfig, amqpConfig, EventSink.NONE);
  }

  EmulatorVerticle(JsonObject emulatorConfig, JsonObject amqpConfig, EventSink events) {
    this.config = emulatorConfig == null ? new JsonObject() : emulatorConfig;
    this.amqp = amqpConfig;
    this.events = events;
  }

  /** The port it listens on (after start). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> start() {
    EventSink sink = events;
    if (AmqpEventSink.configured(amqp)) {
      amqpSink = new AmqpEventSink(vertx, amqp);
      amqpSink.start();
      sink = amqpSink;
    }
    state = new EmulatorState(EmulatorOptions.from(config), sink);
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(config.getLong("body_limit_bytes", 5_242_880L)));
    EmulatorRoutes routes = new EmulatorRoutes(vertx, state);
    routes.mount(router);
    router.route().last().handler(ctx -> EmulatorRoutes.reply(ctx, 404, new JsonObject().put("detail", "Not found.")));
    router.errorHandler(413, ctx -> EmulatorRoutes.reply(ctx, 413, new JsonObject().put("message", "Request body too large")));
    router.errorHandler(500, ctx -> {
      LOG.error("emulator failure on {}", ctx.request().path(), ctx.failure());
      EmulatorRoutes.reply(ctx, 500, new JsonObject().put("message", "Internal error"));
    });
    server = vertx.createHttpServer(new HttpServerOptions().setHost(config.getString("host", "127.0.0.1"))
        .setPort(config.getInteger("port", 0)).setMaxWebSocketFrameSize(65_536));
    server.webSocketHandshakeHandler(hs -> {
      if (routes.surveillance.accepts(hs.path())) {
        hs.accept();
      } else {
        hs.reject(404);
      }
    }).webSocketHandler(routes.surveillance::webSocket).requestHandler(router);
    long daaTick = config.getJsonObject("daa", new JsonObject()).getLong("tick_millis", 1000L);
    if (state.options.daaEnabled()) {
      SimClock.setPeriodic(vertx, daaTick, daaTick, t -> state.daa.tick(SimClock.millis(), state::operating));
    }
    if (state.conformance.enabled()) {
      long every = Math.min(1000L, state.options.heartbeatRateSeconds() * 1000L);
      SimClock.setPeriodic(vertx, every, every, t -> state.conformance.tick(SimClock.now()));
    }
    return server.listen().onSuccess(s -> LOG.info("Flight Blender emulator on http://{}:{} ({} mode)",
        config.getString("host", "127.0.0.1"), s.actualPort(), state.options.fastapi() ? "FastAPI" : "Django"));
  }

  @Override
  public Future<?> stop() {
    return amqpSink == null ? Future.succeededFuture() : amqpSink.stop();
  }
}
