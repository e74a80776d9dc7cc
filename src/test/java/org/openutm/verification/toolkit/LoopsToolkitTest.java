package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The toolkit's tests/test_loops.py (TestLoopExecution 10, TestLoopWithConditions 2), run as scenarios instead of with
 * a mocked execute_single_step: what the source reads from the mock's calls (loop context, iteration ids, the number
 * of iterations) is read from the run's results. A numeric loop value is echoed by Generate Random Number with
 * min = max = the value; a string one is checked by a condition inside a looped group.
 */
class LoopsToolkitTest extends ToolkitRuns {
  static List<String> iterations(Map<String, JsonObject> r, String id) {
    return r.keySet().stream().filter(k -> k.startsWith(id + "[") && !k.contains(".")).toList();
  }

  static long value(Map<String, JsonObject> r, String id) {
    assertEquals("success", status(r, id), r.get(id).encode());
    return r.get(id).getLong("result");
  }

  @Test
  void TestLoopExecution_test_fixed_count_loop() {
    var r = run("""
        name: count
        steps:
          - id: test_loop
            step: Generate Random Number
            arguments: {min: "${{ loop.index }}", max: "${{ loop.item }}"}
            loop: {count: 3}
        """);
    assertEquals(List.of("test_loop[0]", "test_loop[1]", "test_loop[2]"), iterations(r, "test_loop"));
    for (int i = 0; i < 3; i++) {
      assertEquals(i, value(r, "test_loop[" + i + "]"), "loop.index and loop.item are both the index");
    }
  }

  @Test
  void TestLoopExecution_test_items_loop() {
    var r = run("""
        name: items
        groups:
          check:
            steps:
              - {id: a, step: Generate UUID, if: "loop.item == 'ACTIVATED' && loop.index == 0"}
              - {id: b, step: Generate UUID, if: "loop.item == 'CONTINGENT' && loop.index == 1"}
              - {id: c, step: Generate UUID, if: "loop.item == 'ENDED' && loop.index == 2"}
        steps:
          - id: test_loop
            step: check
            loop: {items: [ACTIVATED, CONTINGENT, ENDED]}
        """);
    assertEquals(List.of("test_loop[0]", "test_loop[1]", "test_loop[2]"), iterations(r, "test_loop"));
    String[] ran = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
      for (String s : ran) {
        assertEquals(s.equals(ran[i]) ? "success" : "skipped", status(r, "test_loop[" + i + "]." + s));
      }
    }
  }

  @Test
  void TestLoopExecution_test_while_loop_with_limit() {
    var r = run("name: w\nsteps:\n  - id: test_loop\n    step: Generate UUID\n    loop: {while: \"loop.index < 3\"}\n");
    assertEquals(3, iterations(r, "test_loop").size());
  }

  @Test
  void TestLoopExecution_test_loop_with_early_termination() {
    var r = run("""
        name: early
        steps:
          - id: test_loop
            step: Generate Random Number
            arguments: {min: "${{ loop.index }}", max: 0}
            loop: {count: 5}
        """);
    assertEquals(List.of("test_loop[0]", "test_loop[1]"), iterations(r, "test_loop"), "stops after the failing iteration");
    assertEquals("success", status(r, "test_loop[0]"));
    assertEquals("failure", status(r, "test_loop[1]"));
  }

  @Test
  void TestLoopExecution_test_combined_count_and_while() {
    var r = run("name: c\nsteps:\n  - id: test_loop\n    step: Generate UUID\n    loop: {count: 10, while: \"loop.index < 3\"}\n");
    assertEquals(3, iterations(r, "test_loop").size());
  }

  @Test
  void TestLoopExecution_test_loop_creates_indexed_step_ids() {
    var r = run("name: ids\nsteps:\n  - id: my_loop\n    step: Generate UUID\n    loop: {count: 2}\n");
    assertEquals(List.of("my_loop[0]", "my_loop[1]"), iterations(r, "my_loop"));
  }

  @Test
  void TestLoopExecution_test_while_loop_max_iterations() {
    var r = run("name: inf\nsteps:\n  - id: infinite_loop\n    step: Generate UUID\n    loop: {while: \"loop.index < 200\"}\n");
    assertEquals(100, iterations(r, "infinite_loop").size(), "a pure while stops at 100");
  }

  @Test
  void TestLoopExecution_test_loop_variable_replacement_in_arguments() {
    var r = run("""
        name: vars
        steps:
          - id: value
            step: Generate Random Number
            arguments: {min: "${{ loop.item }}", max: "${{ loop.item }}"}
            loop: {items: [11, 22, 33]}
          - id: index
            step: Generate Random Number
            arguments: {min: "${{ loop.index }}", max: "${{ loop.index }}"}
            loop: {items: [11, 22, 33]}
        """);
    assertEquals(22, value(r, "value[1]"));
    assertEquals(1, value(r, "index[1]"));
  }

  @Test
  void TestLoopExecution_test_nested_loop_items() {
    var r = run("""
        name: nested
        groups:
          check:
            steps:
              - {id: dev, step: Generate UUID, if: "loop.item.name == 'dev' && loop.item.url == 'dev.example.com'"}
              - {id: prod, step: Generate UUID, if: "loop.item.name == 'prod' && loop.item.url == 'prod.example.com'"}
        steps:
          - id: test_loop
            step: check
            loop:
              items:
                - {name: dev, url: dev.example.com}
                - {name: prod, url: prod.example.com}
        """);
    assertEquals(2, iterations(r, "test_loop").size());
    assertEquals("success", status(r, "test_loop[0].dev"));
    assertEquals("skipped", status(r, "test_loop[0].prod"));
    assertEquals("success", status(r, "test_loop[1].prod"));
  }

  @Test
  void TestLoopExecution_test_empty_items_list() {
    var r = run("name: empty\nsteps:\n  - id: test_loop\n    step: Generate UUID\n    loop: {items: []}\n");
    assertTrue(iterations(r, "test_loop").isEmpty(), r.keySet().toString());
  }

  /** Empty in the source ("tested in run_scenario, where if conditions are evaluated before loops"): here it is. */
  @Test
  void TestLoopWithConditions_test_conditional_loop_execution() {
    var r = run("""
        name: conditional
        steps:
          - id: gate
            step: Generate Random Number
            arguments: {min: 1, max: 1}
          - id: runs
            step: Generate UUID
            if: steps.gate.result == 1
            loop: {count: 2}
          - id: never
            step: Generate UUID
            if: steps.gate.result == 2
            loop: {count: 2}
        """);
    assertEquals(2, iterations(r, "runs").size());
    assertTrue(iterations(r, "never").isEmpty());
    assertEquals("skipped", status(r, "never"));
  }

  /** Empty in the source ("requires full scenario context with step results"): here it is. */
  @Test
  void TestLoopWithConditions_test_loop_with_step_reference_in_while() {
    var r = run("""
        name: while ref
        steps:
          - id: limit
            step: Generate Random Number
            arguments: {min: 4, max: 4}
          - id: test_loop
            step: Generate UUID
            loop: {while: "loop.index < steps.limit.result"}
        """);
    assertEquals(4, iterations(r, "test_loop").size());
    assertFalse(r.containsKey("test_loop[4]"));
  }
}
