package org.openutm.verification.core;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

/**
 * A JsonObject codec that hands the same instance to a local consumer instead of deep-copying it (the default codec
 * copies). Used only on hops where the sender never touches the object again (HTTP -> session requests, session <->
 * worker); across the cluster it encodes JSON like the default codec, so consumers always receive a JsonObject.
 */
public final class LocalJsonCodec implements MessageCodec<JsonObject, JsonObject> {
  public static final String NAME = "openutm-json-local";
  private static final DeliveryOptions NO_TIMEOUT_OPTIONS = new DeliveryOptions().setCodecName(NAME);

  public static void register(Vertx vertx) {
    try {
      vertx.eventBus().registerCodec(new LocalJsonCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // one registration per Vert.x instance is enough
    }
  }

  /** Options for a reply (replies carry no timeout of their own). */
  public static DeliveryOptions replyOptions() {
    return NO_TIMEOUT_OPTIONS;
  }

  public static DeliveryOptions options(long timeoutMillis) {
    return new DeliveryOptions().setCodecName(NAME).setSendTimeout(timeoutMillis);
  }

  @Override
  public void encodeToWire(Buffer buffer, JsonObject o) {
    Buffer encoded = o.toBuffer();
    buffer.appendInt(encoded.length());
    buffer.appendBuffer(encoded);
  }

  @Override
  public JsonObject decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return new JsonObject(buffer.slice(pos + 4, pos + 4 + length));
  }

  @Override
  public JsonObject transform(JsonObject o) {
    return o;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
