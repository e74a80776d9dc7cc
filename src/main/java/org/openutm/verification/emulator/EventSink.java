package org.openutm.verification.emulator;

/** Where the emulator's operational events go (AMQP when configured; a log otherwise). */
@FunctionalInterface
interface EventSink {
  void publish(String routingKey, String body, String level);

  EventSink NONE = (k, b, l) -> { };
}
