package org.openutm.verification.engine;

import org.openutm.verification.scenario.expression.Evaluator;
import org.openutm.verification.scenario.expression.Expr;
import org.openutm.verification.scenario.expression.ExpressionException;
import org.openutm.verification.scenario.expression.ExpressionParser;
import org.openutm.verification.scenario.model.StepDef;

/** Whether a step runs: its condition (or the default success()), a stopped run, a need that did not succeed. */
final class StepGate {
  private StepGate() {
  }

  /**
   * null to run; a reason to skip; "!reason" to fail (a condition that cannot be evaluated). {@code single}: a
   * script's single step that names no condition runs regardless; a run's default is success().
   */
  static String skipReason(StepDef s, Scope scope, String failedNeed, boolean stopped, boolean single) {
    String cond = s.condition();
    try {
      Expr tree = cond == null ? null : ExpressionParser.parseCondition(cond);
      if (stopped && (tree == null || !Expr.callsAlwaysOrCancelled(tree))) {
        return "Skipped: the scenario was stopped";
      }
      if (tree == null) {
        if (failedNeed != null) {
          return "Skipped: needed step '" + failedNeed + "' did not succeed";
        }
        return single || scope.success() ? null : "Skipped due to previous step failure";
      }
      return Evaluator.truthy(Evaluator.eval(tree, scope)) ? null
          : "Skipped: condition '" + ExpressionParser.unwrapCondition(cond) + "' is false";
    } catch (ExpressionException e) {
      return "!Condition evaluation failed: " + e.getMessage();
    }
  }
}
