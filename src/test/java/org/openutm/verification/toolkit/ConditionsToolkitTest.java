package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.Http;

/**
 * The toolkit's tests/test_conditions.py (TestConditionEvaluator, 22 tests), each run as a scenario: the steps the
 * source puts in the evaluator's results, then a probe step with the condition (success when it holds, skipped when
 * not). Loop-context tests probe inside a looped group, whose steps see loop.index and loop.item. One deliberate
 * difference: a condition naming a step that cannot have run is refused before the run (docs/compatibility.md).
 */
class ConditionsToolkitTest extends ToolkitRuns {
  @Test
  void TestConditionEvaluator_test_success_function_with_all_passed() {
    assertTrue(holds("success()", "step1: PASS", "step2: PASS"));
  }

  @Test
  void TestConditionEvaluator_test_success_function_with_failure() {
    assertFalse(holds("success()", "step1: PASS", "step2: FAIL"));
  }

  @Test
  void TestConditionEvaluator_test_success_function_ignores_skipped() {
    assertTrue(holds("success()", "step1: PASS", "step2: SKIP"));
  }

  @Test
  void TestConditionEvaluator_test_failure_function_with_failure() {
    assertTrue(holds("failure()", "step1: PASS", "step2: FAIL"));
  }

  @Test
  void TestConditionEvaluator_test_failure_function_with_all_passed() {
    assertFalse(holds("failure()", "step1: PASS", "step2: PASS"));
  }

  @Test
  void TestConditionEvaluator_test_always_function() {
    assertTrue(holds("always()", "step1: FAIL"));
  }

  @Test
  void TestConditionEvaluator_test_step_status_check() {
    assertTrue(holds("always() && steps.step1.status == 'success'", "step1: PASS", "step2: FAIL"));
    assertFalse(holds("always() && steps.step2.status == 'success'", "step1: PASS", "step2: FAIL"));
    assertTrue(holds("always() && steps.step2.status == 'failure'", "step1: PASS", "step2: FAIL"));
  }

  @Test
  void TestConditionEvaluator_test_step_result_check() {
    assertTrue(holds("steps.step1.result != None", "step1: PASS"));
  }

  @Test
  void TestConditionEvaluator_test_complex_condition_with_and() {
    assertTrue(holds("success() && steps.step1.status == 'success'", "step1: PASS", "step2: PASS"));
    assertFalse(holds("success() && steps.step1.status == 'failure'", "step1: PASS", "step2: PASS"));
  }

  @Test
  void TestConditionEvaluator_test_complex_condition_with_or() {
    // step2 passes after step1 failed: in a run that takes if: always()
    assertTrue(holds("failure() || steps.step2.status == 'success'", "step1: FAIL", "step2: PASS+always"));
    assertTrue(holds("success() || steps.step2.status == 'success'", "step1: FAIL", "step2: PASS+always"));
  }

  @Test
  void TestConditionEvaluator_test_condition_with_not() {
    assertFalse(holds("steps.step1.status != 'skipped'", "step1: SKIP"));
    assertFalse(holds("not steps.step1.status == 'skipped'", "step1: SKIP"));
  }

  @Test
  void TestConditionEvaluator_test_empty_condition_returns_true() {
    assertTrue(holds("", "step1: PASS"));
    assertTrue(holds("   ", "step1: PASS"));
    // empty means success(), not "always": after a failure the probe is skipped, as in the toolkit's runner
    assertFalse(holds("", "step1: FAIL"));
  }

  /** Deliberate difference: the toolkit evaluates to False (a warning); this service refuses the run before it starts. */
  @Test
  void TestConditionEvaluator_test_unknown_step_reference() {
    Http.Response r = http.post("/run-scenario", new JsonObject().put("yaml", "name: unknown\nsteps:\n  - id: step1\n"
        + "    " + PASS + "\n  - id: probe\n    step: Generate UUID\n    if: steps.unknown_step.status == 'success'\n"));
    assertEquals(400, r.status(), r.body());
    assertTrue(r.body().contains("unknown_step"), r.body());
  }

  @Test
  void TestConditionEvaluator_test_loop_index_in_condition() {
    assertTrue(holdsInLoop("loop.index < 10", 5, null));
    assertFalse(holdsInLoop("loop.index > 10", 5, null));
    assertTrue(holdsInLoop("loop.index == 5", 5, null));
  }

  @Test
  void TestConditionEvaluator_test_loop_item_in_condition() {
    assertTrue(holdsInLoop("loop.item == 'ACTIVATED'", 0, "[ACTIVATED]"));
    assertFalse(holdsInLoop("loop.item == 'ENDED'", 0, "[ACTIVATED]"));
  }

  @Test
  void TestConditionEvaluator_test_loop_context_with_numeric_item() {
    assertTrue(holdsInLoop("loop.item == 42", 2, "[0, 1, 42]"));
    assertTrue(holdsInLoop("loop.item > 40", 2, "[0, 1, 42]"));
  }

  @Test
  void TestConditionEvaluator_test_combined_step_and_loop_conditions() {
    assertTrue(holdsInLoop("success() && loop.index < 5", 3, null));
    String yaml = "name: combined\ngroups:\n  probe_group:\n    steps:\n      - id: probe\n        step: Generate UUID\n"
        + "        if: steps.step1.status == 'success' && loop.index > 2\nsteps:\n  - id: step1\n    " + PASS
        + "\n  - id: g\n    step: probe_group\n    loop: {count: 4}\n";
    var r = run(yaml);
    assertEquals("success", status(r, "g[3].probe"));
    assertEquals("skipped", status(r, "g[2].probe"));
  }

  @Test
  void TestConditionEvaluator_test_loop_index_boundary_conditions() {
    assertTrue(holdsInLoop("loop.index == 0", 0, "[first]"));
    assertFalse(holdsInLoop("loop.index > 0", 0, "[first]"));
    assertTrue(holdsInLoop("loop.index < 100", 99, null));
    assertTrue(holdsInLoop("loop.index >= 99", 99, null));
  }

  @Test
  void TestConditionEvaluator_test_success_ignores_continue_on_error_steps() {
    assertTrue(holds("success()", "step1: PASS", "step2: FAIL+continue"));
  }

  @Test
  void TestConditionEvaluator_test_failure_ignores_continue_on_error_steps() {
    assertFalse(holds("failure()", "step1: PASS", "step2: FAIL+continue"));
  }

  @Test
  void TestConditionEvaluator_test_continue_on_error_step_status_still_queryable() {
    assertTrue(holds("steps.step2.status == 'failure'", "step1: PASS", "step2: FAIL+continue"));
  }

  @Test
  void TestConditionEvaluator_test_success_fails_with_non_continue_on_error_step() {
    assertFalse(holds("success()", "step1: PASS", "step2: FAIL"));
  }

  /** The toolkit's docs and examples write Python: None, True, False, and, or, not. */
  @Test
  void pythonSpellingsAsTheToolkitsExamplesUseThem() {
    assertTrue(holds("steps.step1.result != None and True", "step1: PASS"));
    assertTrue(holds("False or not steps.step1.result == None", "step1: PASS"));
    assertFalse(holds("steps.step1.result == None or False", "step1: PASS"));
  }
}
