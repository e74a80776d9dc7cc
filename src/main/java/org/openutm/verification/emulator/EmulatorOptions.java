package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The emulator's settings ({@code emulator:} in the config): which Flight Blender era it mimics, its storage caps,
 * the sensors it reports, and whether it checks tokens.
 */
record EmulatorOptions(boolean fastapi, boolean auth, int maxDeclarations, int maxTelemetryPerDeclaration,
    int maxAircraftPerSession, int maxGeofences, JsonArray sensors, double autoRecoverySeconds,
    double conformanceMarginDegrees, long tickMillis, DaaEngine.Options daa) {

  static EmulatorOptions from(JsonObject c) {
    JsonArray sensors = c.getJsonArray("sensors", new JsonArray()
        .add(new JsonObject().put("id", "a0b7d47e5eac45dc8cbaf47e6fe0e558").put("sensor_type_display", "ADS-B")
            .put("sensor_identifier", "adsb-bern-01"))
        .add(new JsonObject().put("id", "5d7f2c0e8b1f4a2d9c3e6b7a8f9d0e1c").put("sensor_type_display", "Radar")
            .put("sensor_identifier", "radar-bern-01")));
    return new EmulatorOptions("fastapi".equalsIgnoreCase(c.getString("mode", "django")), c.getBoolean("auth", true),
        c.getInteger("max_declarations", 10_000), c.getInteger("max_telemetry_per_declaration", 20_000),
        c.getInteger("max_aircraft_per_session", 20_000), c.getInteger("max_geofences", 1_000), sensors,
        c.getDouble("auto_recovery_seconds", 10.0), c.getDouble("conformance_margin_degrees", 0.0005),
        c.getLong("tick_millis", 1000L), DaaEngine.Options.from(c.getJsonObject("daa")));
  }
}
