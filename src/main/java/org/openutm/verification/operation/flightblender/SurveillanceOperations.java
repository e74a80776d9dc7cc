package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;
import static org.openutm.verification.operation.flightblender.FbSupport.fb;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;

/** SDSP (ASTM F3623) sensors, health, sessions; the WebSocket verifications live in {@link SdspStreams}. */
final class SurveillanceOperations {
  static final String SM = "/surveillance_monitoring_ops";

  private SurveillanceOperations() {
  }

  static List<OperationDef> all() {
    return List.of(
        OperationDef.builder("Get Active Sensors from SDSP", ClientType.FLIGHT_BLENDER).phase(FbSupport.PRE)
            .doc("Lists the SDSP's surveillance sensors -> {active_sensors: [...]}; fails when there is none.")
            .timeout(a -> 30_000)
            .run((ctx, args) -> fb(ctx).expect(ctx, HttpMethod.GET, SM + "/list_surveillance_sensors", null, 200)
                .compose(r -> r.json().getJsonArray("active_sensors", new JsonArray()).isEmpty()
                    ? Future.failedFuture(new OperationFailure("Flight Blender lists no surveillance sensor: a fresh "
                        + "server has none and no API creates one; seed the deployment's sensors in its database", r.json()))
                    : Future.succeededFuture(r.json()))),
        OperationDef.builder("Set Sensor Failure in SDSP", ClientType.FLIGHT_BLENDER).phase(FbSupport.CRUISE)
            .doc("Reports a sensor failure: complete_failure sets status outage, degraded sets degraded.")
            .param(ParamDef.required("sensor_id", ParamType.STRING, "The sensor's id (from Get Active Sensors)."))
            .param(ParamDef.enumeration("failure_type", List.of(Map.entry("complete_failure", "outage"),
                Map.entry("outage", "outage"), Map.entry("degraded", "degraded")), "outage", false,
                "complete_failure / outage, or degraded."))
            .param(ParamDef.enumeration("recovery_type", List.of(Map.entry("manual", "manual"),
                Map.entry("automatic", "automatic")), null, false, "Omit for manual recovery."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> {
              JsonObject body = new JsonObject().put("status", args.string("failure_type") == null ? "outage"
                  : args.string("failure_type"));
              if (args.string("recovery_type") != null) {
                body.put("recovery_type", args.string("recovery_type"));
              }
              return fb(ctx).expect(ctx, HttpMethod.PUT, SM + "/update_sensor_health/" + args.string("sensor_id"), body, 200)
                  .map(r -> r.json());
            }),
        OperationDef.builder("List Sensor Failure Notifications from SDSP", ClientType.FLIGHT_BLENDER)
            .phase(FbSupport.CRUISE).doc("Lists sensor health notifications; fails when there are none.")
            .param(optional("sensor_id", ParamType.STRING, null, "Only this sensor's notifications."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> {
              String q = args.string("sensor_id") == null ? ""
                  : "?sensor_id=" + URLEncoder.encode(args.string("sensor_id"), StandardCharsets.UTF_8);
              return fb(ctx).expect(ctx, HttpMethod.GET, SM + "/list_sensor_health_notifications" + q, null, 200)
                  .compose(r -> {
                    JsonArray n = r.json().getJsonArray("notifications", new JsonArray());
                    return n.isEmpty() ? Future.failedFuture(new OperationFailure("no sensor health notifications", r.json()))
                        : Future.succeededFuture(r.json());
                  });
            }),
        OperationDef.builder("Start / Stop SDSP Session", ClientType.FLIGHT_BLENDER)
            .doc("Starts or stops an SDSP surveillance session (heartbeat and track at 1 Hz).")
            .param(ParamDef.required("surveillance_session_id", ParamType.STRING, "The session id (a UUID)."))
            .param(ParamDef.enumeration("action", List.of(Map.entry("START", "start"), Map.entry("STOP", "stop")),
                null, true, "START or STOP."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> fb(ctx).expect(ctx, HttpMethod.PUT, SM + "/start_stop_surveillance_heartbeat_track/"
                + args.string("surveillance_session_id"), new JsonObject().put("action", args.string("action")), 200)
                .map(r -> r.json().put("surveillance_session_id", args.string("surveillance_session_id"))
                    .put("action", args.string("action")))),
        SdspStreams.heartbeat(), SdspStreams.track());
  }
}
