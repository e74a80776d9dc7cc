package org.openutm.verification.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapping from a failure to an HTTP answer {error, message, details}. */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {
  }

  public static void send(RoutingContext ctx, Throwable t) {
    if (clientWentAway(ctx, t)) {
      // the browser closed the connection mid-answer (a page left while its files load): nothing to answer, no error
      LOG.debug("client went away during {} {}: {}", ctx.request().method(), ctx.request().path(), t.getMessage());
      return;
    }
    ServiceException e = ServiceException.from(t);
    if (e.code() == ErrorCode.INTERNAL) {
      LOG.error("internal error on {} {}", ctx.request().method(), ctx.request().path(), t);
    }
    send(ctx, e);
  }

  /** Whether {@code t} is the connection closed by the client (a closed response, a broken pipe, a reset). */
  static boolean clientWentAway(RoutingContext ctx, Throwable t) {
    if (ctx.response().closed()) {
      return true;
    }
    if (!(t instanceof java.io.IOException) && !(t instanceof io.vertx.core.VertxException)) {
      return false;
    }
    String m = String.valueOf(t.getMessage());
    return m.contains("Broken pipe") || m.contains("Connection reset") || m.contains("Connection was closed");
  }

  public static void send(RoutingContext ctx, ServiceException e) {
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().end();
      return;
    }
    ctx.response().setStatusCode(e.code().status).putHeader("Content-Type", "application/json")
        .end(e.toJson().encode());
  }

  /** Router-level failures (body too large, no route, wrong method, an exception in a handler). */
  public static void routerFailure(RoutingContext ctx) {
    int status = ctx.statusCode();
    Throwable failure = ctx.failure();
    if (failure instanceof ServiceException se) {
      send(ctx, se);
      return;
    }
    ServiceException e = switch (status) {
      case 404 -> new ServiceException(ErrorCode.NOT_FOUND, "no such path: " + ctx.request().path(),
          new JsonObject().put("field", "path"));
      case 405 -> new ServiceException(ErrorCode.BAD_INPUT, "method " + ctx.request().method() + " not allowed on "
          + ctx.request().path(), new JsonObject().put("field", "method"));
      case 413 -> new ServiceException(ErrorCode.TOO_LARGE, "request body too large",
          new JsonObject().put("field", "body"));
      case 415 -> new ServiceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type",
          new JsonObject().put("field", "Content-Type"));
      case 400 -> new ServiceException(ErrorCode.BAD_INPUT, failure == null ? "bad request" : failure.getMessage(),
          new JsonObject().put("field", String.valueOf(failure == null ? null : failure.getMessage()).contains("'Host'")
              ? "Host" : "body"));
      default -> null;
    };
    if (e == null) {
      send(ctx, failure == null ? new ServiceException(ErrorCode.ofStatus(status), "request failed") : failure);
    } else {
      send(ctx, e);
    }
  }
}
