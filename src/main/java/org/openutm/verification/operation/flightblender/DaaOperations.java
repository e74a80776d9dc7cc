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

/** Detect and avoid (ASTM F3442): read active alerts and incident logs; verify them with {@link DaaChecks}. */
final class DaaOperations {
  private DaaOperations() {
  }

  /**
   * A DAA read. Neither Flight Blender era has /detect_and_avoid_ops routes (the toolkit's DAA family targets an API
   * Flight Blender has not merged; the embedded emulator serves it as an extension): a 404 says so plainly.
   */
  static io.vertx.core.Future<Object> daa(org.openutm.verification.operation.OperationContext ctx, String path) {
    return fb(ctx).send(ctx, HttpMethod.GET, path, null).compose(r -> {
      if (r.status() == 404) {
        return io.vertx.core.Future.failedFuture(new org.openutm.verification.operation.OperationFailure(
            "GET " + path + " -> 404: this Flight Blender serves no DAA endpoints (no released Flight Blender has "
            + "/detect_and_avoid_ops; the embedded emulator serves them with emulator.daa.enabled)", r.value()));
      }
      if (r.status() != 200) {
        return io.vertx.core.Future.failedFuture(new org.openutm.verification.operation.OperationFailure("GET " + path
            + " -> " + r.status() + ": " + FbClient.truncate(r.body() == null ? "" : r.body().toString(), 500), r.value()));
      }
      return io.vertx.core.Future.succeededFuture(r.value());
    });
  }

  static List<OperationDef> all() {
    return List.of(
        OperationDef.builder("Get Active DAA Alerts", ClientType.FLIGHT_BLENDER).doc("GET /detect_and_avoid_ops/alerts/active/ (a list).")
            .timeout(a -> 30_000)
            .run((ctx, args) -> daa(ctx, "/detect_and_avoid_ops/alerts/active/")),
        OperationDef.builder("Get DAA Incident Logs", ClientType.FLIGHT_BLENDER).doc("GET /detect_and_avoid_ops/logs/incident/ with filters.")
            .param(optional("event_type", ParamType.STRING, null, "alert_triggered, alert_updated, alert_resolved or periodic_update."))
            .param(optional("alert_level", ParamType.INTEGER, null, "0-3."))
            .param(optional("start_date", ParamType.STRING, null, "From (ISO 8601)."))
            .param(optional("end_date", ParamType.STRING, null, "To (ISO 8601)."))
            .param(optional("alert_id", ParamType.STRING, null, "One alert."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> {
              StringBuilder q = new StringBuilder();
              for (String k : new String[] {"event_type", "alert_level", "start_date", "end_date", "alert_id"}) {
                if (args.get(k) != null) {
                  q.append(q.length() == 0 ? "?" : "&").append(k).append("=")
                      .append(URLEncoder.encode(String.valueOf(args.get(k)), StandardCharsets.UTF_8));
                }
              }
              return daa(ctx, "/detect_and_avoid_ops/logs/incident/" + q);
            }),
        OperationDef.builder("Verify DAA ASTM F3442 API Compliance", ClientType.FLIGHT_BLENDER)
            .doc("Required fields of every incident log and active alert, levels 0-3, alert and periodic events.")
            .param(ParamDef.required("incident_logs", ParamType.ARRAY, "From Get DAA Incident Logs."))
            .param(optional("active_alerts", ParamType.ARRAY, null, "From Get Active DAA Alerts."))
            .param(optional("min_incident_logs", ParamType.INTEGER, 1L, "At least this many logs."))
            .param(optional("require_alert_events", ParamType.BOOLEAN, true, "alert_triggered must appear."))
            .param(optional("require_periodic_updates", ParamType.BOOLEAN, true, "periodic_update must appear."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> verdict(DaaChecks.compliance(args.array("incident_logs"), args.array("active_alerts"),
                args.integer("min_incident_logs").intValue(), args.bool("require_alert_events"),
                args.bool("require_periodic_updates")))),
        OperationDef.builder("Verify DAA Encounter Criteria", ClientType.FLIGHT_BLENDER)
            .doc("Escalation, expected levels, CPA counting down, 1 Hz updates, lifecycle and the encounter's geometry.")
            .param(ParamDef.required("incident_logs", ParamType.ARRAY, "From Get DAA Incident Logs."))
            .param(optional("active_alerts", ParamType.ARRAY, null, "From Get Active DAA Alerts."))
            .param(optional("expected_alert_levels", ParamType.ARRAY, null, "Levels that must appear."))
            .param(ParamDef.enumeration("expected_geometry", List.of(Map.entry("any", "any"), Map.entry("head_on", "head_on"),
                Map.entry("crossing", "crossing"), Map.entry("overtake", "overtake")), "any", false, "The encounter's geometry."))
            .param(optional("require_escalation", ParamType.BOOLEAN, true, "No alert may drop a level before it resolves, and at least one alert must rise."))
            .param(optional("require_cpa", ParamType.BOOLEAN, true,
                "CPA times must count down (rises up to 5 s, the age of a tick's data, allowed)."))
            .param(optional("require_lifecycle", ParamType.BOOLEAN, true, "Triggered then resolved."))
            .param(optional("max_1hz_gap_seconds", ParamType.NUMBER, 1.0, "Largest gap between an alert's logs."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> verdict(DaaChecks.encounter(args.array("incident_logs"), args.array("expected_alert_levels"),
                args.string("expected_geometry"), args.bool("require_escalation"), args.bool("require_cpa"),
                args.bool("require_lifecycle"), args.number("max_1hz_gap_seconds")))),
        OperationDef.builder("Verify DAA Shared Intruder Independence", ClientType.FLIGHT_BLENDER)
            .doc("One intruder alerting several ownships: the expected number of alerts, distinct ranges and CPA times.")
            .param(ParamDef.required("incident_logs", ParamType.ARRAY, "From Get DAA Incident Logs."))
            .param(ParamDef.required("expected_intruder_icao", ParamType.STRING, "The shared intruder."))
            .param(optional("expected_alert_count", ParamType.INTEGER, 2L, "Alerts for that intruder."))
            .param(optional("min_distinct_range_m", ParamType.NUMBER, 25.0, "Their minimum ranges differ by this much."))
            .param(optional("min_distinct_initial_cpa_seconds", ParamType.NUMBER, 5.0, "The closest approaches their first logs predict (log time + cpa_time_seconds) are this far apart."))
            .param(optional("allow_other_intruders", ParamType.BOOLEAN, false, "Other intruders may alert too."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> verdict(DaaChecks.sharedIntruder(args.array("incident_logs"), args.string("expected_intruder_icao"),
                args.integer("expected_alert_count").intValue(), args.number("min_distinct_range_m"),
                args.number("min_distinct_initial_cpa_seconds"), args.bool("allow_other_intruders")))));
  }

  static Future<JsonObject> verdict(JsonObject r) {
    if (r.getBoolean("success")) {
      return Future.succeededFuture(r);
    }
    StringBuilder failed = new StringBuilder();
    r.getJsonObject("checks").forEach(e -> {
      JsonObject c = (JsonObject) e.getValue();
      if (!c.getBoolean("passed")) {
        failed.append(failed.length() == 0 ? "" : "; ").append(e.getKey()).append(": ").append(c.getString("detail"));
      }
    });
    return Future.failedFuture(new OperationFailure(failed.toString(), r));
  }
}
