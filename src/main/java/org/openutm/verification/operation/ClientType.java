package org.openutm.verification.operation;

/** The client types of the Python toolkit; each has one worker verticle consuming {@code verification.client.<key>}. */
public enum ClientType {
  COMMON("common", "CommonClient"),
  FLIGHT_BLENDER("flight-blender", "FlightBlenderClient"),
  AIR_TRAFFIC("air-traffic", "AirTrafficStepClient"),
  AMQP("amqp", "AMQPClient");

  public final String key;
  public final String category;

  ClientType(String key, String category) {
    this.key = key;
    this.category = category;
  }
}
