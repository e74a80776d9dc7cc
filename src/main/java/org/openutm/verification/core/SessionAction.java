package org.openutm.verification.core;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * The actions of a session's address ({@code verification.session.<id>}): one table read by the session verticle
 * (who handles each), the bridges (which scripts may send) and the HTTP routes (which may wait long);
 * docs/event-bus.md documents each (a test keeps them equal).
 */
public enum SessionAction {
  STEP("step", Handler.RUNS, true, true),
  SCENARIO("scenario", Handler.RUNS, false, true),
  RESOLVE("resolve", Handler.RUNS, false, true),
  JOIN("join", Handler.SESSION, true, true),
  TASK("task", Handler.SESSION, false, true),
  TASKS("tasks", Handler.SESSION, false, true),
  RESET("reset", Handler.SESSION, false, true),
  RESULTS("results", Handler.SESSION, false, true),
  RUN_REPORT("run-report", Handler.SESSION, false, false),
  INFO("info", Handler.SESSION, false, true),
  RUN("run", Handler.RUNS, true, true),
  STOP("stop", Handler.RUNS, false, true),
  PAUSE("pause", Handler.RUNS, false, true),
  RESUME("resume", Handler.RUNS, false, true),
  DELETE("delete", Handler.LIFECYCLE, false, false),
  RUN_STATUS("run-status", Handler.RUNS, false, true);

  /** Who answers: the session's own state, its runs and single steps, or the session lifecycle. */
  public enum Handler {
    SESSION, RUNS, LIFECYCLE
  }

  public final String wire;
  public final Handler handler;
  /** The reply may take as long as a step or a join (send it with {@code session.max_request_seconds}). */
  public final boolean mayWait;
  /** Scripts may send it through the SockJS and TCP bridges. */
  public final boolean bridged;

  SessionAction(String wire, Handler handler, boolean mayWait, boolean bridged) {
    this.wire = wire;
    this.handler = handler;
    this.mayWait = mayWait;
    this.bridged = bridged;
  }

  /** The action a request names; a 400 listing the actions when it names none or another. */
  public static SessionAction of(JsonObject request) {
    Object name = request.getValue("action");
    for (SessionAction a : values()) {
      if (a.wire.equals(name)) {
        return a;
      }
    }
    List<String> names = Arrays.stream(values()).map(a -> a.wire).toList();
    throw ServiceException.badInput("action", name == null ? "'action' is required: one of " + names
        : "unknown action '" + name + "' (one of " + names + ")");
  }

  public static List<String> bridgedNames() {
    return Arrays.stream(values()).filter(a -> a.bridged).map(a -> a.wire).toList();
  }
}
