package org.openutm.verification.core;

/**
 * The one error enum of the service. Its {@link #status} is both the HTTP status and the event-bus failure code,
 * so a failure travels unchanged from any consumer to HTTP, the SockJS bridge and the TCP bridge.
 */
public enum ErrorCode {
  BAD_INPUT(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  GONE(410),
  TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  TOO_MANY(429),
  INTERNAL(500),
  UPSTREAM(502),
  UNAVAILABLE(503),
  TIMEOUT(504);

  public final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public String key() {
    return name().toLowerCase();
  }

  public static ErrorCode ofStatus(int status) {
    for (ErrorCode c : values()) {
      if (c.status == status) {
        return c;
      }
    }
    return status >= 400 && status < 500 ? BAD_INPUT : INTERNAL;
  }
}
