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
 */
final class EventBusBridge {
  static final String SESSION = "verification\\.session\\.[A-Za-z0-9_-]{1,64}";
  static final String[] SESSION_ACTIONS = {"step", "join", "task", "tasks", "run", "stop", "reset", "results",
      "run-status", "info"};

  private EventBusBridge() {
  }

  static SockJSBridgeOptions options(AppConfig config) {
    SockJSBridgeOptions o = new SockJSBridgeOptions()
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
    router.route("/eventbus/*").subRouter(sockJs.bridge(options(config), event -> {
      if (event.type() == BridgeEventType.SEND || event.type() == BridgeEventType.PUBLISH) {
        JsonObject raw = event.getRawMessage();
        if (raw != null && raw.encode().length() > maxBytes) {
          event.socket().write(new JsonObject().put("type", "err").put("address", raw.getString("replyAddress"))
              .put("failureCode", 413).put("failureType", "RECIPIENT_FAILURE").put("body", "too_large")
              .put("message", "message over " + maxBytes + " bytes (bridge.max_message_bytes)").encode());
          event.complete(false);
          return;
        }
      }
      event.complete(true);
    }));
  }
}
