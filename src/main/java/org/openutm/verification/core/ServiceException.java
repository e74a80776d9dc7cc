package org.openutm.verification.core;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A failure of the service (not of the system under test): carries an {@link ErrorCode}, a message and details naming
 * the offending field. {@link #toJson()} is the body every HTTP error and every bus failure carries.
 */
public class ServiceException extends RuntimeException {
  private final ErrorCode code;
  private final JsonObject details;

  public ServiceException(ErrorCode code, String message, JsonObject details) {
    super(message, null, false, false);
    this.code = code;
    this.details = details == null ? new JsonObject() : details;
  }

  public ServiceException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public static ServiceException badInput(String field, String message) {
    return new ServiceException(ErrorCode.BAD_INPUT, message, new JsonObject().put("field", field));
  }

  public static ServiceException notFound(String field, String message) {
    return new ServiceException(ErrorCode.NOT_FOUND, message, new JsonObject().put("field", field));
  }

  public ErrorCode code() {
    return code;
  }

  public JsonObject details() {
    return details;
  }

  public JsonObject toJson() {
    return new JsonObject().put("error", code.key()).put("message", getMessage()).put("detail", getMessage())
        .put("details", details);
  }

  /** Fails a bus message with this error: failure code = HTTP status, failure message = the JSON body. */
  public void failReply(Message<?> message) {
    message.fail(code.status, toJson().encode());
  }

  /** Fails {@code message} with whatever {@code t} is, mapped once through {@link #from(Throwable)}. */
  public static void fail(Message<?> message, Throwable t) {
    from(t).failReply(message);
  }

  /** Maps any failure (our own, a bus reply failure carrying our JSON, a timeout, a missing handler) to one error. */
  public static ServiceException from(Throwable t) {
    if (t instanceof ServiceException se) {
      return se;
    }
    if (t instanceof ReplyException re) {
      if (re.failureType() == ReplyFailure.TIMEOUT) {
        return new ServiceException(ErrorCode.TIMEOUT, "no answer in time: " + re.getMessage());
      }
      if (re.failureType() == ReplyFailure.NO_HANDLERS) {
        return new ServiceException(ErrorCode.NOT_FOUND, "nobody serves that address: " + re.getMessage());
      }
      String body = re.getMessage();
      if (body != null && body.startsWith("{")) {
        try {
          JsonObject json = new JsonObject(body);
          if (json.containsKey("error")) {
            ErrorCode code = ErrorCode.ofStatus(re.failureCode());
            return new ServiceException(code, json.getString("message", ""), json.getJsonObject("details"));
          }
        } catch (DecodeException | ClassCastException ignored) {
          // not one of ours: fall through
        }
      }
      ErrorCode code = re.failureCode() >= 400 && re.failureCode() < 600 ? ErrorCode.ofStatus(re.failureCode()) : ErrorCode.INTERNAL;
      return new ServiceException(code, String.valueOf(body));
    }
    return new ServiceException(ErrorCode.INTERNAL, t == null ? "unknown failure" : t.getClass().getSimpleName() + ": " + t.getMessage());
  }
}
