package org.openutm.verification.operation;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.config.AppConfig;

/**
 * One step for a client worker, as the engine sends it on the local hop: the operation already looked up, its
 * arguments already coerced, the session's client state as a snapshot the session never changes afterwards (the
 * worker copies it only when an operation remembers something), and the effective config the session built once
 * for its overrides. Scripts send the JSON form instead ({@link #fromJson}); both reach the same runner.
 *
 * @param clientState read-only: the session replaces its snapshot after each reply instead of changing it
 * @param config the effective config (startup, saved live sections, session and run overrides), never copied here
 */
public record StepRequest(OperationDef op, Args args, String session, String stepId, String executionId,
    JsonObject clientState, AppConfig config) {

  /** The codec's name; it hands the record itself to a consumer of the same process and refuses the wire. */
  public static final String CODEC = "openutm-step-request";

  public static void register(Vertx vertx) {
    try {
      vertx.eventBus().registerCodec(new Codec());
    } catch (IllegalStateException alreadyRegistered) {
      // one registration per Vert.x instance
    }
  }

  /**
   * The header of a request sent without waiting for a reply (a background step): the worker sends its reply there
   * instead, as a message of its own with {@link #EXECUTION} naming the execution, and {@link #FAILED} (the error's
   * status) when the worker could not run it at all. The sender keeps the deadline itself: no reply registration and no timer per request.
   */
  public static final String RESULT_TO = "result-to";
  public static final String EXECUTION = "execution";
  public static final String FAILED = "failed";

  /** A background request: on this node only, its result to come to {@code resultTo}. */
  public static DeliveryOptions submission(String resultTo) {
    return new DeliveryOptions().setCodecName(CODEC).setLocalOnly(true).addHeader(RESULT_TO, resultTo);
  }

  /** The worker's result of a background request, for {@code executionId}; {@code failedStatus} 0 unless it failed. */
  public static DeliveryOptions result(String executionId, int failedStatus) {
    DeliveryOptions o = new DeliveryOptions().setCodecName(org.openutm.verification.core.LocalJsonCodec.NAME)
        .setLocalOnly(true).addHeader(EXECUTION, executionId);
    return failedStatus == 0 ? o : o.addHeader(FAILED, String.valueOf(failedStatus));
  }

  /** Delivery on this node only (the record never crosses the cluster), with the operation's own timeout. */
  public static DeliveryOptions delivery(long timeoutMillis) {
    return new DeliveryOptions().setCodecName(CODEC).setLocalOnly(true).setSendTimeout(timeoutMillis);
  }

  /**
   * The public JSON form ({operation, arguments, session, step_id, execution_id, client_state, config_overrides}):
   * looks the operation up in {@code client}'s part of the catalogue and coerces the arguments.
   */
  public static StepRequest fromJson(JsonObject request, OperationCatalog catalog, ClientType client, AppConfig base) {
    OperationDef op = catalog.find(request.getString("operation"));
    if (op == null || op.client() != client) {
      throw org.openutm.verification.core.ServiceException.badInput("operation",
          "unknown operation for client " + client.key + ": " + request.getString("operation"));
    }
    Args args;
    try {
      args = ArgumentCoercer.coerce(op, request.getJsonObject("arguments", new JsonObject()));
    } catch (ClassCastException e) {
      throw org.openutm.verification.core.ServiceException.badInput("arguments", "arguments must be an object");
    }
    JsonObject overrides = request.getValue("config_overrides") instanceof JsonObject o ? o : null;
    AppConfig effective = overrides == null || overrides.isEmpty() ? base
        : new AppConfig(base.json().copy().mergeIn(overrides.copy(), true), base.path());
    return new StepRequest(op, args, request.getString("session"), request.getString("step_id"),
        request.getString("execution_id", java.util.UUID.randomUUID().toString()),
        request.getValue("client_state") instanceof JsonObject cs ? cs : null, effective);
  }

  private static final class Codec implements MessageCodec<StepRequest, StepRequest> {
    @Override
    public void encodeToWire(Buffer buffer, StepRequest r) {
      throw new IllegalStateException("a StepRequest is for this node's workers only; send the JSON form across");
    }

    @Override
    public StepRequest decodeFromWire(int pos, Buffer buffer) {
      throw new IllegalStateException("a StepRequest never crosses the wire");
    }

    @Override
    public StepRequest transform(StepRequest r) {
      return r;
    }

    @Override
    public String name() {
      return CODEC;
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
