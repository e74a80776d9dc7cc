package org.openutm.verification.emulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Flight Blender: the HTTP and WebSocket contract of ../shared/reference/flight-blender-api.md on its
 * own port, with its own in-memory state. Config: the {@code emulator} section (host, port, mode, caps, sensors).
 */
public class EmulatorVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorVerticle.class);
  private static final Pattern WS_PATH = Pattern.compile("/ws/surveillance/(heartbeat|track)/([^/]+)/?");

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
    new EmulatorRoutes(vertx, state).mount(router);
    router.route().last().handler(ctx -> EmulatorRoutes.reply(ctx, 404, new JsonObject().put("detail", "Not found.")));
    router.errorHandler(413, ctx -> EmulatorRoutes.reply(ctx, 413, new JsonObject().put("message", "Request body too large")));
    router.errorHandler(500, ctx -> {
      LOG.error("emulator failure on {}", ctx.request().path(), ctx.failure());
      EmulatorRoutes.reply(ctx, 500, new JsonObject().put("message", "Internal error"));
    });
    server = vertx.createHttpServer(new HttpServerOptions().setHost(config.getString("host", "127.0.0.1"))
        .setPort(config.getInteger("port", 0)).setMaxWebSocketFrameSize(65_536));
    server.webSocketHandler(this::onWebSocket).requestHandler(router);
    long daaTick = config.getJsonObject("daa", new JsonObject()).getLong("tick_millis", 1000L);
    vertx.setPeriodic(daaTick, daaTick, t -> state.daa.tick(System.currentTimeMillis(), state::operating));
    return server.listen().onSuccess(s -> LOG.info("Flight Blender emulator on http://{}:{} ({} mode)",
        config.getString("host", "127.0.0.1"), s.actualPort(), state.options.fastapi() ? "FastAPI" : "Django"));
  }

  @Override
  public Future<?> stop() {
    return amqpSink == null ? Future.succeededFuture() : amqpSink.stop();
  }

  /** First client frame: "Bearer <token>"; then 1 Hz frames while the session is started. */
  private void onWebSocket(ServerWebSocket ws) {
    Matcher m = WS_PATH.matcher(ws.path());
    if (!m.matches()) {
      ws.close((short) 4404, "unknown path");
      return;
    }
    boolean heartbeat = m.group(1).equals("heartbeat");
    String session = m.group(2);
    long timeout = vertx.setTimer(10_000, t -> ws.close((short) 4401, "no token"));
    boolean[] authed = {false};
    ws.textMessageHandler(text -> {
      if (authed[0]) {
        return;
      }
      vertx.cancelTimer(timeout);
      String token = text.startsWith("Bearer ") ? text.substring(7).trim() : null;
      FbAuth.Denial denial = !state.options.auth() ? null : token == null
          ? new FbAuth.Denial(401, new JsonObject().put("detail", "first frame must be 'Bearer <token>'"))
          : FbAuth.checkToken(token, FbAuth.READ, state.options.fastapi());
      if (denial != null) {
        ws.writeTextMessage(denial.body().encode()).onComplete(v -> ws.close((short) 4401, "unauthorized"));
        return;
      }
      authed[0] = true;
      var subscribers = heartbeat ? state.surveillance.heartbeatSubscribers : state.surveillance.trackSubscribers;
      subscribers.computeIfAbsent(session, k -> new ArrayList<>()).add(ws);
      String consumer = heartbeat ? "HeartBeatConsumer" : "TrackConsumer";
      if (!state.options.fastapi()) {
        ws.writeTextMessage(new JsonObject().put("message", consumer + " WebSocket connection established.").encode());
      }
    });
    ws.closeHandler(v -> {
      vertx.cancelTimer(timeout);
      var subs = (heartbeat ? state.surveillance.heartbeatSubscribers : state.surveillance.trackSubscribers).get(session);
      if (subs != null) {
        subs.remove(ws);
      }
    });
    ws.exceptionHandler(t -> ws.close());
  }
}
