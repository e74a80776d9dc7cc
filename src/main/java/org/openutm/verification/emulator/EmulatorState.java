package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;

/** Everything the emulator holds, in memory; one instance per emulator verticle, confined to its context. */
final class EmulatorState {
  final EmulatorOptions options;
  final Declarations declarations;
  final FlightStreams streams;
  final Geofences geofences;
  final Sensors sensors;
  final Surveillance surveillance;

  EmulatorState(EmulatorOptions options, EventSink events) {
    this.options = options;
    this.declarations = new Declarations(options, events);
    this.streams = new FlightStreams(options, declarations);
    this.geofences = new Geofences(options);
    this.sensors = new Sensors(options);
    this.surveillance = new Surveillance(options, streams);
  }

  JsonObject counts() {
    return streams.counts().put("declarations", declarations.size()).put("geofences", geofences.size())
        .put("surveillance_sessions", surveillance.sessions.size()).put("mode", options.fastapi() ? "fastapi" : "django");
  }
}
