package org.openutm.verification.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

/**
 * A SockJS socket whose incoming frames are checked before the Vert.x bridge reads them: the bridge library reads
 * {@code type} and {@code address} with {@code getString}, so a frame like {@code {"type":"send","address":{}}} threw
 * inside it and closed the socket (found by the fuzz). A malformed frame now gets an {@code err} frame naming the
 * problem and the socket stays open. Same checks as the TCP bridge's guard ({@link TcpBridgeGuard#problem}).
 * Frames over {@code bridge.max_message_bytes} get {@code err} 413 {@code too_large} (measured on the frame, not
 * by re-encoding each message). Every other call goes to the real socket.
 */
final class GuardedSockJSSocket extends io.vertx.ext.web.handler.sockjs.impl.SockJSSocketBase {
  private final SockJSSocket sock;
  private final long maxBytes;

  /** The bridge casts its sockets to the library's base class (session expiry), hence the superclass. */
  GuardedSockJSSocket(io.vertx.core.Vertx vertx, SockJSSocket sock, long maxBytes) {
    super(vertx, sock.routingContext(), new io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions()
        .setRegisterWriteHandler(false));
    this.sock = sock;
    this.maxBytes = maxBytes;
  }

  @Override
  public void closeAfterSessionExpired() {
    if (sock instanceof io.vertx.ext.web.handler.sockjs.impl.SockJSSocketBase base) {
      base.closeAfterSessionExpired();
    } else {
      sock.close();
    }
  }

  @Override
  public SockJSSocket handler(Handler<Buffer> handler) {
    if (handler == null) {
      sock.handler(null);
      return this;
    }
    sock.handler(frame -> {
      if (frame.length() > maxBytes) {
        Object reply = TcpBridgeGuard.problem(frame) == null ? new JsonObject(frame).getValue("replyAddress") : null;
        sock.write(new JsonObject().put("type", "err").put("address", reply instanceof String r ? r : null)
            .put("failureCode", 413).put("failureType", "RECIPIENT_FAILURE").put("body", "too_large")
            .put("message", "message over " + maxBytes + " bytes (bridge.max_message_bytes)").toBuffer());
        return;
      }
      String problem = TcpBridgeGuard.problem(frame, 36); // the library's own reply-address limit
      if (problem == null) {
        handler.handle(frame);
      } else {
        sock.write(new JsonObject().put("type", "err").put("failureCode", 400).put("body", "bad_frame")
            .put("message", problem).toBuffer());
      }
    });
    return this;
  }

  @Override
  public SockJSSocket exceptionHandler(Handler<Throwable> handler) {
    // a client going away abruptly is not an error: the close handler releases what the socket held (the library
    // logged each one at ERROR with a stack trace)
    sock.exceptionHandler(handler == null ? null : t -> {
      if (!(t instanceof io.vertx.core.http.HttpClosedException)) {
        handler.handle(t);
      }
    });
    return this;
  }

  @Override
  public SockJSSocket pause() {
    sock.pause();
    return this;
  }

  @Override
  public SockJSSocket resume() {
    sock.resume();
    return this;
  }

  @Override
  public SockJSSocket fetch(long amount) {
    sock.fetch(amount);
    return this;
  }

  @Override
  public SockJSSocket endHandler(Handler<Void> handler) {
    sock.endHandler(handler);
    return this;
  }

  @Override
  public SockJSSocket closeHandler(Handler<Void> handler) {
    sock.closeHandler(handler);
    return this;
  }

  @Override
  public Future<Void> write(Buffer data) {
    return sock.write(data);
  }

  @Override
  public Future<Void> write(String data) {
    return sock.write(data);
  }

  @Override
  public SockJSSocket setWriteQueueMaxSize(int maxSize) {
    sock.setWriteQueueMaxSize(maxSize);
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return sock.writeQueueFull();
  }

  @Override
  public SockJSSocket drainHandler(Handler<Void> handler) {
    sock.drainHandler(handler);
    return this;
  }

  @Override
  public String writeHandlerID() {
    return sock.writeHandlerID();
  }

  @Override
  public Future<Void> end() {
    return sock.end();
  }

  @Override
  public void close() {
    sock.close();
  }

  @Override
  public void close(int statusCode, String reason) {
    sock.close(statusCode, reason);
  }

  @Override
  public SocketAddress remoteAddress() {
    return sock.remoteAddress();
  }

  @Override
  public SocketAddress localAddress() {
    return sock.localAddress();
  }

  @Override
  public MultiMap headers() {
    return sock.headers();
  }

  @Override
  public String uri() {
    return sock.uri();
  }

  @Override
  public RoutingContext routingContext() {
    return sock.routingContext();
  }

  @Override
  public Session webSession() {
    return sock.webSession();
  }

  @Override
  public User webUser() {
    return sock.webUser();
  }
}
