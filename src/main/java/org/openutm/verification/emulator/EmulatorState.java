package org.openutm.verification.emulator;

import io.vertx.core.json.JsonObject;
import org.openutm.verification.clock.SimClock;

/** Everything the emulator holds, in memory; one instance per emulator verticle, confined to its context. */
final class EmulatorState {
  final EmulatorOptions options;
  final Declarations declarations;
  final FlightStreams streams;
  final Geofences geofences;
  final Sensors sensors;
  final Surveillance surveillance;
  final AirTrafficFeed feed = new AirTrafficFeed();
  final DaaEngine daa;
  final ConformanceMonitor conformance;

  EmulatorState(EmulatorOptions options, EventSink events) {
    this.options = options;
    this.declarations = new Declarations(options, events);
    this.daa = new DaaEngine(options.daa(), events);
    this.declarations.onGrounded = id -> daa.ownshipEnded(id, SimClock.millis());
    this.geofences = new Geofences(options);
    this.conformance = new ConformanceMonitor(options, declarations, geofences);
    this.declarations.onOperatorChange = (d, from, to) -> conformance.operatorChanged(d, from, to, SimClock.now());
    this.declarations.onDeleted = conformance::removed;
    this.streams = new FlightStreams(options, declarations, daa, feed, conformance);
    this.sensors = new Sensors(options);
    this.surveillance = new Surveillance(options, sensors, feed);
  }

  JsonObject counts() {
    return streams.counts().mergeIn(daa.counts()).put("declarations", declarations.size()).put("geofences", geofences.size())
        .put("surveillance_sessions", surveillance.sessions.size()).put("mode", options.fastapi() ? "fastapi" : "django");
  }

  /** Whether a declaration still flies (exists, in states 1-4): the DAA engine's ownships. */
  boolean operating(String declarationId) {
    return declarations.exists(declarationId)
        && Declarations.ACTIVE_STATES.contains(declarations.get(declarationId).getInteger("state"));
  }
}
