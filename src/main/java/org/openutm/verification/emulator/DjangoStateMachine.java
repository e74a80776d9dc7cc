package org.openutm.verification.emulator;

import java.util.Map;
import java.util.Set;

/**
 * Operator state changes as the Django-era Flight Blender allows them (ASTM F3548): an operator may set only
 * 2 Activated, 4 Contingent, 5 Ended, 6 Withdrawn, 7 Cancelled; nothing leaves 5, 6, 7, 8.
 * Accepted -> Activated | Ended; Activated -> Ended | Contingent; Contingent -> Ended;
 * Nonconforming -> Activated | Ended | Contingent (the operator confirming contingency); Processing -> Withdrawn | Cancelled.
 */
final class DjangoStateMachine {
  private static final Set<Integer> OPERATOR_SETTABLE = Set.of(2, 4, 5, 6, 7);
  private static final Map<Integer, Set<Integer>> NEXT = Map.of(
      0, Set.of(6, 7),
      1, Set.of(2, 5),
      2, Set.of(5, 4),
      3, Set.of(2, 5, 4),
      4, Set.of(5));

  private DjangoStateMachine() {
  }

  static boolean allowed(int from, int to) {
    return OPERATOR_SETTABLE.contains(to) && NEXT.getOrDefault(from, Set.of()).contains(to);
  }
}
