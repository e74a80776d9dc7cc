package org.openutm.verification.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import org.openutm.verification.config.AppConfig;

/**
 * The SockJS event-bus bridge at /eventbus, deny-by-default. Inbound: the session manager's create, a session's
 * step, join, task, run, stop, reset, results and input confirmation. Outbound: session events only. Frames over
 * {@code bridge.max_message_bytes} are refused; replies may take {@code session.max_request_seconds} (joins wait).
 * With an API token, the SockJS bridge needs it like any path (header or access_token); the TCP bridge in
 * each frame's {@code headers.token}.
 */
public final class EventBusBridge {
  static final String SESSION = "verification\\.session\\.[A-Za-z0-9_-]{1,64}";
  static final java.util.List<String> SESSION_ACTIONS = org.openutm.verification.core.SessionAction.bridgedNames();

  private EventBusBridge() {
  }

  /**
   * The TCP event-bus bridge ({@code bridge.tcp_port}, off by default) with the same permissions as SockJS. Its
   * requests wait 30 s unless the frame's headers carry {@code "timeout": <ms>} (send one with joins).
   */
  public static io.vertx.core.Future<?> startTcp(Vertx vertx, AppConfig config) {
    Integer port = config.section("bridge").getInteger("tcp_port");
    if (port == null || port < 0) {
      return io.vertx.core.Future.succeededFuture();
    }
    long maxBytes = config.section("bridge").getLong("max_message_bytes", 1_048_576L);
    String token = config.section("http").getString("auth_token");
    int internal = freeLoopbackPort();
    return io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge.create(vertx, options(config),
        new io.vertx.core.net.NetServerOptions().setHost(config.httpHost()), event -> {
          JsonObject raw = event.getRawMessage();
          if (raw != null && (event.type() == BridgeEventType.SEND || event.type() == BridgeEventType.PUBLISH
              || event.type() == BridgeEventType.REGISTER)) {
            // the frame size was checked by TcpBridgeGuard before the frame got here
            String problem = tcpHeaderProblem(raw);
            if (problem == null && token != null && !token.isBlank()) {
              JsonObject h = raw.getJsonObject("headers", new JsonObject());
              problem = h.getValue("token") instanceof String t && ApiToken.equal(t, token) ? null
                  : "this bridge needs headers.token (http.auth_token)";
            }
            if (problem != null) {
              io.vertx.ext.eventbus.bridge.tcp.impl.protocol.FrameHelper.sendErrFrame(problem, event.socket());
              event.complete(false);
              return;
            }
          }
          event.complete(true);
        }).listen(internal, "127.0.0.1")
        .compose(b -> TcpBridgeGuard.start(vertx, config.httpHost(), port, internal, maxBytes))
        .onSuccess(b -> org.slf4j.LoggerFactory.getLogger(EventBusBridge.class)
            .info("TCP event-bus bridge on {}:{}", config.httpHost(), port));
  }

  private static int freeLoopbackPort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("no free loopback port for the TCP bridge", e);
    }
  }

  /** The TCP bridge casts headers.timeout to a number: anything else would fail inside it. */
  static String tcpHeaderProblem(JsonObject raw) {
    Object headers = raw.getValue("headers");
    if (headers != null && !(headers instanceof JsonObject)) {
      return "headers must be an object";
    }
    Object timeout = headers == null ? null : ((JsonObject) headers).getValue("timeout");
    return timeout != null && !(timeout instanceof Number) ? "headers.timeout must be a number of milliseconds" : null;
  }

  static SockJSBridgeOptions options(AppConfig config) {
    SockJSBridgeOptions o = new SockJSBridgeOptions()
        .setMaxHandlersPerSocket(config.section("bridge").getInteger("max_handlers_per_socket", 100))
        .setReplyTimeout(config.section("session").getLong("max_request_seconds", 86_400L) * 1000)
        .addInboundPermitted(new PermittedOptions().setAddress("verification.sessions")
            .setMatch(new JsonObject().put("action", "create")))
        .addInboundPermitted(new PermittedOptions().setAddressRegex("verification\\.input\\.[A-Za-z0-9_-]{1,64}"))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex("verification\\.events\\.[A-Za-z0-9_-]{1,64}"));
    for (String action : SESSION_ACTIONS) {
      o.addInboundPermitted(new PermittedOptions().setAddressRegex(SESSION).setMatch(new JsonObject().put("action", action)));
    }
    return o;
  }

  static void mount(Vertx vertx, Router router, AppConfig config) {
    JsonObject bridge = config.section("bridge");
    if (!bridge.getBoolean("sockjs", true)) {
      return;
    }
    long maxBytes = bridge.getLong("max_message_bytes", 1_048_576L);
    SockJSHandlerOptions handlerOptions = new SockJSHandlerOptions().setRegisterWriteHandler(false);
    SockJSHandler sockJs = SockJSHandler.create(vertx, handlerOptions);
    // Host, Origin: RequestGuard, in front of every route
    // the library's bridge behind a guard that checks each frame (shape, size) before the bridge reads it
    io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl bridgeImpl =
        new io.vertx.ext.web.handler.sockjs.impl.EventBusBridgeImpl(vertx, null, options(config), event -> event.complete(true));
    router.route("/eventbus/*").subRouter(sockJs.socketHandler(sock -> bridgeImpl.handle(new GuardedSockJSSocket(vertx,
        sock, maxBytes))));
  }
}
