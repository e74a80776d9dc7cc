package org.openutm.verification.emulator;

import java.util.Map;

/**
 * Operator state changes as the Django era checks them (flight_declaration_operations/serializers.py
 * FlightDeclarationStateSerializer.validate_state, conformance_monitoring_operations/operation_state_helper.py,
 * common/data_definitions.py OPERATOR_EVENT_LOOKUP): the requested state names an operator event (2 activates,
 * 4 initiates contingent, 5 confirms ended, 6 withdraws, 7 cancels); nothing leaves 5-8; the event is run through the
 * ASTM F3548 state machine and the request is valid when the machine lands on the requested state. So the same state
 * again is valid where the machine stays (2 -> 2, 4 -> 4), and from Nonconforming an operator may only end the
 * flight (the machine's way back to Activated or on to Contingent takes events no operator sends).
 */
final class DjangoStateMachine {
  static final Map<Integer, String> OPERATOR_EVENTS = Map.of(5, "operator_confirms_ended", 2, "operator_activates",
      4, "operator_initiates_contingent", 6, "operator_withdraws", 7, "operator_cancels");
  static final String[] NAMES = {"Not Submitted", "Accepted", "Activated", "Nonconforming", "Contingent", "Ended",
      "Withdrawn", "Cancelled", "Rejected"};

  private DjangoStateMachine() {
  }

  /** null when allowed, else the serializer's ValidationError message. */
  static String refusal(int from, int to) {
    String event = OPERATOR_EVENTS.get(to);
    if (event == null) {
      return "An operator can only set the state to Activated (2), Contingent (4), Ended (5), Withdrawn (6), or "
          + "Cancelled (7) using this endpoint";
    }
    if (from >= 5 && from <= 8) {
      return "Cannot change state of an operation that has already been set as ended, withdrawn, cancelled or rejected";
    }
    return next(from, event) == to ? null : "State transition to " + name(to) + " from current state of " + name(from)
        + " is not allowed per the ASTM standards";
  }

  /** operation_state_helper.py: each state's on_event. */
  static int next(int state, String event) {
    return switch (state) {
      case 0 -> event.equals("dss_accepts") ? 1 : event.equals("operator_withdraws") ? 6
          : event.equals("operator_cancels") ? 7 : 0;
      case 1 -> event.equals("operator_activates") ? 2 : event.equals("operator_confirms_ended") ? 5
          : event.equals("ua_departs_early_late_outside_op_intent") ? 3 : 1;
      case 2 -> event.equals("operator_confirms_ended") ? 5 : event.equals("ua_exits_coordinated_op_intent") ? 3
          : event.equals("operator_initiates_contingent") ? 4 : 2;
      case 3 -> event.equals("operator_return_to_coordinated_op_intent") ? 2 : event.equals("operator_confirms_ended") ? 5
          : event.equals("timeout") || event.equals("operator_confirms_contingent") ? 4 : 3;
      case 4 -> event.equals("operator_confirms_ended") ? 5 : 4;
      default -> state;
    };
  }

  private static String name(int s) {
    return s >= 0 && s < NAMES.length ? NAMES[s] : String.valueOf(s);
  }
}
