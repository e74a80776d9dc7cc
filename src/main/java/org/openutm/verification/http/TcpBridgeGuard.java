package org.openutm.verification.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.Set;

/**
 * The public face of the TCP event-bus bridge: it reads each frame (4-byte length, then JSON), answers a malformed
 * one with an {@code err} frame naming what is wrong, and passes well-formed ones to the vertx-tcp-eventbus-bridge
 * listening on an internal loopback port (whose own parser throws, unhandled, on frames it cannot read). Replies
 * flow back untouched. A frame longer than {@code maxBytes} closes the connection after an err frame.
 */
final class TcpBridgeGuard {
  private static final Set<String> TYPES = Set.of("send", "publish", "register", "unregister", "ping");

  private TcpBridgeGuard() {
  }

  static Future<NetServer> start(Vertx vertx, String host, int port, int internalPort, long maxBytes) {
    NetClient client = vertx.createNetClient();
    return vertx.createNetServer(new NetServerOptions().setHost(host)).connectHandler(socket -> {
      socket.pause();
      client.connect(internalPort, "127.0.0.1").onSuccess(inner -> {
        inner.handler(socket::write);
        inner.closeHandler(v -> socket.close());
        socket.closeHandler(v -> inner.close());
        RecordParser parser = RecordParser.newFixed(4);
        boolean[] length = {true};
        parser.handler(buf -> {
          if (length[0]) {
            int n = buf.getInt(0);
            if (n <= 0 || n > maxBytes) {
              err(socket, "frame of " + n + " bytes: frames are 1.." + maxBytes + " bytes (bridge.max_message_bytes)");
              socket.close();
              return;
            }
            parser.fixedSizeMode(n);
            length[0] = false;
            return;
          }
          String problem = problem(buf);
          if (problem == null) {
            inner.write(Buffer.buffer(4 + buf.length()).appendInt(buf.length()).appendBuffer(buf));
          } else {
            err(socket, problem);
          }
          parser.fixedSizeMode(4);
          length[0] = true;
        });
        socket.handler(parser);
        socket.exceptionHandler(t -> socket.close());
        socket.resume();
      }).onFailure(t -> socket.close());
    }).listen(port);
  }

  /** What is wrong with a frame's JSON, or null. */
  static String problem(Buffer frame) {
    return problem(frame, Integer.MAX_VALUE);
  }

  /** As above, with a limit on the reply address (the SockJS bridge drops longer ones with only a log line). */
  static String problem(Buffer frame, int maxReplyAddress) {
    Object v;
    try {
      v = io.vertx.core.json.Json.decodeValue(frame);
    } catch (DecodeException e) {
      return "a frame must be JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
    if (!(v instanceof JsonObject o)) {
      return "a frame must be a JSON object";
    }
    if (!(o.getValue("type") instanceof String type) || !TYPES.contains(type)) {
      return "type must be one of send, publish, register, unregister, ping";
    }
    if (!type.equals("ping") && (!(o.getValue("address") instanceof String a) || a.isBlank())) {
      return "address is required";
    }
    Object reply = o.getValue("replyAddress");
    if (reply != null && !(reply instanceof String)) {
      return "replyAddress must be a string";
    }
    if (reply instanceof String r && r.length() > maxReplyAddress) {
      return "replyAddress is at most " + maxReplyAddress + " characters (a UUID fits)";
    }
    if (o.getValue("headers") != null && !(o.getValue("headers") instanceof JsonObject)) {
      return "headers must be an object";
    }
    return null;
  }

  private static void err(NetSocket socket, String message) {
    Buffer body = new JsonObject().put("type", "err").put("message", message).toBuffer();
    socket.write(Buffer.buffer(4 + body.length()).appendInt(body.length()).appendBuffer(body));
  }
}
