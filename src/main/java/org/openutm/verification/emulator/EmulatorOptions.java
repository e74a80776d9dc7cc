package org.openutm.verification.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The emulator's settings ({@code emulator:} in the config): which Flight Blender era it mimics ({@code fastapi} =
 * master 5d9b953, the default; {@code django} = d874eb0), its storage caps, the sensors the deployment is seeded
 * with, whether it checks tokens, and the quirks of the real server it can reproduce on request.
 *
 * @param conformanceMonitoring Django era only: the periodic conformance checks of ENABLE_CONFORMANCE_MONITORING
 *     (on in the era's documented deployment, deployment_support/.env.local); master never schedules them
 * @param heartbeatRateSeconds Django's HEARTBEAT_RATE_SECS (default 5): the conformance task's period
 * @param conformanceStateChanges an extension beyond both eras: the monitor applies the state its checks record
 *     (where the era's state machine allows it) and compares altitude in metres; the real code changes no state
 *     without a USS network and compares the altitude in millimetres
 * @param tickDriftMillis extra time per SDSP tick: master re-queues each tick one second after its own work
 *     (tasks/surveillance_task.py, countdown=1), so its intervals exceed 1 s; Django's beat schedule does not drift
 * @param trackQuirks reproduce the real track defect: lng = -lon_dd and altitude in mm (both eras' fuser)
 * @param daaEnabled serve /detect_and_avoid_ops (an extension: neither era has these routes)
 */
record EmulatorOptions(boolean fastapi, boolean auth, int maxDeclarations, int maxTelemetryPerDeclaration,
    int maxAircraftPerSession, int maxGeofences, JsonArray sensors, boolean conformanceMonitoring,
    int heartbeatRateSeconds, boolean conformanceStateChanges, long tickMillis, long tickDriftMillis, boolean trackQuirks, boolean daaEnabled, DaaEngine.Options daa) {

  /** The deployment this emulator is seeded with: a fresh real server has no sensor and no API creates one. */
  static final JsonArray SEED_SENSORS = new JsonArray()
      .add(new JsonObject().put("id", "a0b7d47e-5eac-45dc-8cba-f47e6fe0e558").put("sensor_type", 9)
          .put("sensor_identifier", "adsb-bern-01"))
      .add(new JsonObject().put("id", "5d7f2c0e-8b1f-4a2d-9c3e-6b7a8f9d0e1c").put("sensor_type", 5)
          .put("sensor_identifier", "radar-bern-01"));

  static EmulatorOptions from(JsonObject c) {
    boolean fastapi = !"django".equalsIgnoreCase(c.getString("mode", "fastapi"));
    Boolean monitoring = c.getBoolean("conformance_monitoring");
    if (fastapi && Boolean.TRUE.equals(monitoring)) {
      throw new IllegalArgumentException("emulator.conformance_monitoring: true needs mode django: Flight Blender "
          + "master (FastAPI) never schedules its conformance check (tasks/scheduler.py schedule_conformance_check "
          + "has no callers)");
    }
    boolean monitors = monitoring == null ? !fastapi : monitoring;
    if (!monitors && Boolean.TRUE.equals(c.getBoolean("conformance_state_changes"))) {
      throw new IllegalArgumentException("emulator.conformance_state_changes: true needs the conformance monitor "
          + "(mode django with emulator.conformance_monitoring not false)");
    }
    JsonObject quirks = c.getJsonObject("quirks", new JsonObject());
    return new EmulatorOptions(fastapi, c.getBoolean("auth", true),
        c.getInteger("max_declarations", 10_000), c.getInteger("max_telemetry_per_declaration", 20_000),
        c.getInteger("max_aircraft_per_session", 20_000), c.getInteger("max_geofences", 1_000),
        c.getJsonArray("sensors", SEED_SENSORS), monitors, c.getInteger("heartbeat_rate_seconds", 5),
        c.getBoolean("conformance_state_changes", false),
        c.getLong("tick_millis", 1000L), c.getLong("tick_drift_millis", fastapi ? 25L : 0L),
        quirks.getBoolean("track_lng_negated_alt_mm", false),
        c.getJsonObject("daa", new JsonObject()).getBoolean("enabled", true), DaaEngine.Options.from(c.getJsonObject("daa")));
  }
}
