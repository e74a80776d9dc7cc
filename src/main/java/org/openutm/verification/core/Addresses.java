package org.openutm.verification.core;

/** Every event-bus address of the service, in one place (documented in docs/event-bus.md). */
public final class Addresses {
  private Addresses() {
  }

  /** Session manager of a node: create, list, delete sessions. */
  public static final String SESSIONS = "verification.sessions";
  /** Prefix of a session's own address: every session-scoped action (step, join, task, reset, run, stop, input). */
  public static final String SESSION_PREFIX = "verification.session.";
  /** Prefix of the events a session publishes (step results, task completion, run done). */
  public static final String EVENTS_PREFIX = "verification.events.";
  /** Prefix of a client worker's address, followed by the client type key. */
  public static final String CLIENT_PREFIX = "verification.client.";
  /** Published {execution_id}: every worker holding that execution cancels it. */
  public static final String CANCEL = "verification.client.cancel";
  /** + a per-dispatcher UUID: where workers send the results of background steps (local only, never bridged). */
  public static final String RESULTS_PREFIX = "verification.internal.results.";

  /** Prefix of the address a waiting "Wait for User Input" step listens on, followed by the session id. */
  public static final String INPUT_PREFIX = "verification.input.";

  public static String input(String sessionId) {
    return INPUT_PREFIX + sessionId;
  }

  /** The session every node has of its own (per node, never shared across a cluster). */
  public static final String DEFAULT_SESSION = "default";

  /**
   * Delivery for a request to session {@code id}: the default session is node-local (each node has its own), other
   * sessions are reached wherever their owner runs.
   */
  public static io.vertx.core.eventbus.DeliveryOptions toSession(String id, io.vertx.core.eventbus.DeliveryOptions o) {
    return DEFAULT_SESSION.equals(id) ? new io.vertx.core.eventbus.DeliveryOptions(o).setLocalOnly(true) : o;
  }

  /** Delivery for a request to this node's session manager (create, list, find-run, active-runs). */
  public static io.vertx.core.eventbus.DeliveryOptions local(io.vertx.core.eventbus.DeliveryOptions o) {
    return new io.vertx.core.eventbus.DeliveryOptions(o).setLocalOnly(true);
  }

  public static String session(String id) {
    return SESSION_PREFIX + id;
  }

  public static String events(String sessionId) {
    return EVENTS_PREFIX + sessionId;
  }

  private static final java.util.Map<String, String> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

  /** A client worker's address (one string per client type: every step names one, and a waiting step holds it). */
  public static String client(String typeKey) {
    return CLIENTS.computeIfAbsent(typeKey, k -> CLIENT_PREFIX + k);
  }
}
