package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.OperationDef;

/**
 * Issue 21: the operations' metadata as the toolkit declares it. Every {@code @scenario_step(name, phase=...)} of its
 * src/ at 03cdcb6 (core/clients/*, core/steps/air_traffic_step.py), as name|phase: the catalogue has each name with
 * that phase (no phase: none).
 */
class OperationsMetadataToolkitTest {
  static final String[] TOOLKIT = {
      "Bulk Upload Flight Declarations|PRE_FLIGHT",
      "Check AMQP Connection|PRE_FLIGHT",
      "Check Operation State Connected|CRUISE",
      "Check Operation State|CRUISE",
      "Cleanup Flight Declarations|POST_FLIGHT",
      "Clear AMQP Messages|POST_FLIGHT",
      "Delete Flight Declaration|POST_FLIGHT",
      "Delete Geo Fence|POST_FLIGHT",
      "Generate Random Number|",
      "Generate Telemetry|",
      "Generate UUID|",
      "Get AMQP Messages|CRUISE",
      "Get Active DAA Alerts|",
      "Get Active Sensors from SDSP|PRE_FLIGHT",
      "Get DAA Incident Logs|",
      "Get Geo Fence|PRE_FLIGHT",
      "List Sensor Failure Notifications from SDSP|CRUISE",
      "Set Sensor Failure in SDSP|CRUISE",
      "Setup Flight Declaration via Operational Intent|PRE_FLIGHT",
      "Setup Flight Declaration|PRE_FLIGHT",
      "Setup Multiple Flight Declarations With Paths|",
      "Setup Two Flight Declarations With Paths|",
      "Setup Two Flight Declarations|PRE_FLIGHT",
      "Setup Two Operational Intents|PRE_FLIGHT",
      "Start / Stop SDSP Session|",
      "Start AMQP Queue Monitor|PRE_FLIGHT",
      "Stop AMQP Queue Monitor|POST_FLIGHT",
      "Stream Air Traffic|CRUISE",
      "Submit Air Traffic|CRUISE",
      "Submit Simulated Air Traffic at varying refresh rates|CRUISE",
      "Submit Simulated Air Traffic|CRUISE",
      "Submit Telemetry (from file)|CRUISE",
      "Submit Telemetry For Declaration|CRUISE",
      "Submit Telemetry|CRUISE",
      "Teardown Flight Declaration|POST_FLIGHT",
      "Update Operation State of declaration|CRUISE",
      "Update Operation State|CRUISE",
      "Upload Flight Declaration Via Operational Intent|PRE_FLIGHT",
      "Upload Flight Declaration|PRE_FLIGHT",
      "Upload Geo Fence|PRE_FLIGHT",
      "Upload two Flight Declarations Via Operational Intent|PRE_FLIGHT",
      "Verify DAA ASTM F3442 API Compliance|",
      "Verify DAA Encounter Criteria|",
      "Verify DAA Shared Intruder Independence|",
      "Verify Reported Metrics in Flight Blender|POST_FLIGHT",
      "Verify SDSP Heartbeat|CRUISE",
      "Verify SDSP Track|CRUISE",
      "Wait X seconds|",
      "Wait for AMQP Messages|CRUISE",
      "Wait for User Input|",
  };

  @Test
  void everyOperationHasTheToolkitsNameAndPhase() {
    Map<String, String> ours = new TreeMap<>();
    for (OperationDef op : OperationCatalog.standard().all()) {
      ours.put(op.name(), op.phase() == null ? "" : op.phase().replace(' ', '_'));
    }
    List<String> wrong = new ArrayList<>();
    for (String row : TOOLKIT) {
      String[] p = row.split("\\|", -1);
      if (!ours.containsKey(p[0])) {
        wrong.add(p[0] + ": missing");
      } else if (!ours.get(p[0]).equals(p[1])) {
        wrong.add(p[0] + ": phase '" + ours.get(p[0]) + "', the toolkit's '" + p[1] + "'");
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(TOOLKIT.length, ours.size(), "no operation the toolkit does not have");
  }
  /**
   * Each operation's parameters as the toolkit's signatures declare them (name|param,param*,...: * marks a parameter
   * without a default, which its /operations shows as required): each of them is declared here, with that flag.
   */
  static final String[] SIGNATURES = {
      "Bulk Upload Flight Declarations|declarations*",
      "Check AMQP Connection|",
      "Check Operation State Connected|expected_state*,duration",
      "Check Operation State|expected_state*,duration",
      "Cleanup Flight Declarations|",
      "Clear AMQP Messages|",
      "Delete Flight Declaration|flight_declaration_id",
      "Delete Geo Fence|geo_fence_id",
      "Generate Random Number|min,max",
      "Generate Telemetry|config_path*,duration,reference_time,altitude_m",
      "Generate UUID|",
      "Get AMQP Messages|routing_key_filter,limit",
      "Get Active DAA Alerts|",
      "Get Active Sensors from SDSP|",
      "Get DAA Incident Logs|event_type,alert_level,start_date,end_date,alert_id",
      "Get Geo Fence|",
      "List Sensor Failure Notifications from SDSP|",
      "Set Sensor Failure in SDSP|sensor_id*",
      "Setup Flight Declaration via Operational Intent|flight_declaration_via_operational_intent_path*,trajectory_path*",
      "Setup Flight Declaration|flight_declaration_path,trajectory_path,telemetry_duration,altitude_m",
      "Setup Multiple Flight Declarations With Paths|declaration_paths*,start_offset_seconds,duration_minutes",
      "Setup Two Flight Declarations With Paths|first_flight_declaration_path*,second_flight_declaration_path*,start_offset_seconds,duration_minutes",
      "Setup Two Flight Declarations|flight_declaration_path,trajectory_path",
      "Setup Two Operational Intents|flight_declaration_via_operational_intent_path,trajectory_path",
      "Start / Stop SDSP Session|surveillance_session_id*,action*",
      "Start AMQP Queue Monitor|queue_name,routing_key,duration",
      "Stop AMQP Queue Monitor|",
      "Stream Air Traffic|provider*,duration,target",
      "Submit Air Traffic|observations*,session_id",
      "Submit Simulated Air Traffic at varying refresh rates|observations*,session_ids,single_or_multiple_sensors",
      "Submit Simulated Air Traffic|observations*,session_ids,single_or_multiple_sensors",
      "Submit Telemetry (from file)|filename*,duration",
      "Submit Telemetry For Declaration|declaration_id*,states*,duration",
      "Submit Telemetry|states,duration",
      "Teardown Flight Declaration|flight_declaration_id",
      "Update Operation State of declaration|state*,declaration_id*,duration",
      "Update Operation State|state*,duration",
      "Upload Flight Declaration Via Operational Intent|declaration*",
      "Upload Flight Declaration|declaration*",
      "Upload Geo Fence|filename",
      "Upload two Flight Declarations Via Operational Intent|declarations*",
      "Verify DAA ASTM F3442 API Compliance|incident_logs*,active_alerts,min_incident_logs,require_alert_events,require_periodic_updates",
      "Verify DAA Encounter Criteria|incident_logs*,active_alerts,expected_alert_levels,expected_geometry,require_escalation,require_cpa,require_lifecycle,max_1hz_gap_seconds",
      "Verify DAA Shared Intruder Independence|incident_logs*,expected_intruder_icao*,expected_alert_count,min_distinct_range_m,min_distinct_initial_cpa_seconds,allow_other_intruders",
      "Verify Reported Metrics in Flight Blender|observations*,session_id",
      "Verify SDSP Heartbeat|expected_heartbeat_interval_seconds*,expected_heartbeat_count*,surveillance_session_id*",
      "Verify SDSP Track|expected_track_interval_seconds*,expected_track_count*,surveillance_session_id*",
      "Wait X seconds|duration",
      "Wait for AMQP Messages|count,timeout,routing_key_filter",
      "Wait for User Input|prompt",
  };

  /**
   * Required in the toolkit's signature, yet its own scenario add_flight_declaration_via_operational_intent gives
   * neither (it fails there with a missing argument): here they default to data_files (docs/compatibility.md).
   */
  static final java.util.Set<String> DELIBERATE = java.util.Set.of(
      "Setup Flight Declaration via Operational Intent.flight_declaration_via_operational_intent_path",
      "Setup Flight Declaration via Operational Intent.trajectory_path");

  @Test
  void everyParameterIsRequiredWhereTheToolkitsIs() {
    List<String> wrong = new ArrayList<>();
    OperationCatalog catalog = OperationCatalog.standard();
    for (String row : SIGNATURES) {
      String[] p = row.split("\\|", -1);
      OperationDef op = catalog.find(p[0]);
      for (String param : p[1].isEmpty() ? new String[0] : p[1].split(",")) {
        boolean required = param.endsWith("*");
        String name = param.replace("*", "");
        var ours = op.param(name);
        if (ours == null) {
          wrong.add(p[0] + "." + name + ": missing");
        } else if (ours.required() != required && !DELIBERATE.contains(p[0] + "." + name)) {
          wrong.add(p[0] + "." + name + ": required " + ours.required() + ", the toolkit's " + required);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }
}
