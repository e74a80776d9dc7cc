package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Flight Blender d874eb0 tests/test_conformance_ops.py TestStateMachineStates (all 20) and
 * TestFlightOperationStateMachine (2 of 4: the machine started in Accepted and moved by an event), ported to
 * {@link DjangoStateMachine#next} (states by number: 0 ProcessingNotSubmittedToDss .. 8 Rejected). Skipped:
 * test_get_status_returns_int and test_match_state_unknown_returns_false (helpers mapping state objects to numbers;
 * the port has no state objects). The operator rule built on the machine is {@link DjangoStateMachine#refusal}.
 */
class DjangoStateMachineTest {
  @Test
  void test_not_submitted_to_accepted_on_dss_accepts() {
    assertEquals(1, DjangoStateMachine.next(0, "dss_accepts"));
  }

  @Test
  void test_not_submitted_to_withdrawn() {
    assertEquals(6, DjangoStateMachine.next(0, "operator_withdraws"));
  }

  @Test
  void test_not_submitted_to_cancelled() {
    assertEquals(7, DjangoStateMachine.next(0, "operator_cancels"));
  }

  @Test
  void test_not_submitted_unknown_event_returns_self() {
    assertEquals(0, DjangoStateMachine.next(0, "unknown_event"));
  }

  @Test
  void test_accepted_to_activated() {
    assertEquals(2, DjangoStateMachine.next(1, "operator_activates"));
  }

  @Test
  void test_accepted_to_ended() {
    assertEquals(5, DjangoStateMachine.next(1, "operator_confirms_ended"));
  }

  @Test
  void test_accepted_to_nonconforming() {
    assertEquals(3, DjangoStateMachine.next(1, "ua_departs_early_late_outside_op_intent"));
  }

  @Test
  void test_accepted_unknown_event_returns_self() {
    assertEquals(1, DjangoStateMachine.next(1, "unknown_event"));
  }

  @Test
  void test_activated_to_ended() {
    assertEquals(5, DjangoStateMachine.next(2, "operator_confirms_ended"));
  }

  @Test
  void test_activated_to_nonconforming() {
    assertEquals(3, DjangoStateMachine.next(2, "ua_exits_coordinated_op_intent"));
  }

  @Test
  void test_activated_to_contingent() {
    assertEquals(4, DjangoStateMachine.next(2, "operator_initiates_contingent"));
  }

  @Test
  void test_ended_state_stays_ended() {
    assertEquals(5, DjangoStateMachine.next(5, "any_event"));
  }

  @Test
  void test_nonconforming_to_activated() {
    assertEquals(2, DjangoStateMachine.next(3, "operator_return_to_coordinated_op_intent"));
  }

  @Test
  void test_nonconforming_to_ended() {
    assertEquals(5, DjangoStateMachine.next(3, "operator_confirms_ended"));
  }

  @Test
  void test_nonconforming_to_contingent_timeout() {
    assertEquals(4, DjangoStateMachine.next(3, "timeout"));
  }

  @Test
  void test_contingent_to_ended() {
    assertEquals(5, DjangoStateMachine.next(4, "operator_confirms_ended"));
  }

  @Test
  void test_contingent_unknown_returns_self() {
    assertEquals(4, DjangoStateMachine.next(4, "unknown_event"));
  }

  @Test
  void test_withdrawn_state_stays_withdrawn() {
    assertEquals(6, DjangoStateMachine.next(6, "any_event"));
  }

  @Test
  void test_cancelled_state_stays_cancelled() {
    assertEquals(7, DjangoStateMachine.next(7, "any_event"));
  }

  @Test
  void test_rejected_state_stays_rejected() {
    assertEquals(8, DjangoStateMachine.next(8, "any_event"));
  }

  @Test
  void test_init_with_accepted_state() {
    assertEquals(1, DjangoStateMachine.next(1, "no_event"));
  }

  @Test
  void test_on_event_changes_state() {
    assertEquals(2, DjangoStateMachine.next(1, "operator_activates"));
  }

  /** What serializers.py validate_state builds on the machine: an operator's request is valid where it lands. */
  @Test
  void operatorRequestsFollowTheMachine() {
    assertNull(DjangoStateMachine.refusal(1, 2));
    assertNull(DjangoStateMachine.refusal(2, 2));
    assertNull(DjangoStateMachine.refusal(3, 5));
    assertEquals("State transition to Contingent from current state of Nonconforming is not allowed per the ASTM "
        + "standards", DjangoStateMachine.refusal(3, 4));
    assertEquals("Cannot change state of an operation that has already been set as ended, withdrawn, cancelled or "
        + "rejected", DjangoStateMachine.refusal(5, 2));
  }
}
