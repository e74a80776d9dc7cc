package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The toolkit's tests/test_continue_on_error_integration.py (4 tests), run as scenarios instead of with a mocked
 * execute_single_step: "executed" is a step with a result other than skipped; the failed step's record carries
 * continue_on_error: true.
 */
class ContinueOnErrorToolkitTest extends ToolkitRuns {
  static JsonObject find(Map<String, JsonObject> r, String id) {
    return r.entrySet().stream().filter(e -> e.getKey().equals(id) || e.getKey().endsWith("." + id))
        .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + r.keySet()));
  }

  @Test
  void test_continue_on_error_continues_after_failure() {
    var r = run("name: test\nsteps:\n  - id: step_a\n    " + FAIL + "\n    continue-on-error: true\n  - id: step_b\n    "
        + PASS + "\n");
    assertEquals("failure", status(r, "step_a"));
    assertEquals(true, r.get("step_a").getBoolean("continue_on_error"));
    assertEquals("success", status(r, "step_b"), "step_b ran after step_a failed with continue-on-error");
  }

  @Test
  void test_without_continue_on_error_stops_after_failure() {
    var r = run("name: test\nsteps:\n  - id: step_a\n    " + FAIL + "\n  - id: step_b\n    " + PASS + "\n");
    assertEquals("failure", status(r, "step_a"));
    assertEquals("skipped", status(r, "step_b"), "step_b did not run");
  }

  @Test
  void test_continue_on_error_inside_group() {
    var r = run("name: test\ngroups:\n  my_group:\n    steps:\n      - id: g_step1\n        " + FAIL.replace("\n", "\n    ")
        + "\n        continue-on-error: true\n      - id: g_step2\n        " + PASS + "\nsteps:\n  - id: run_group\n"
        + "    step: my_group\n");
    JsonObject g1 = find(r, "g_step1");
    assertEquals("failure", g1.getString("status"));
    assertEquals(true, g1.getBoolean("continue_on_error"));
    assertEquals("success", find(r, "g_step2").getString("status"), "g_step2 ran: g_step1 has continue-on-error");
  }

  @Test
  void test_group_stops_without_continue_on_error() {
    var r = run("name: test\ngroups:\n  my_group:\n    steps:\n      - id: g_step1\n        " + FAIL.replace("\n", "\n    ")
        + "\n      - id: g_step2\n        " + PASS + "\nsteps:\n  - id: run_group\n    step: my_group\n");
    assertEquals("failure", find(r, "g_step1").getString("status"));
    assertTrue(!"success".equals(find(r, "g_step2").getString("status")), "g_step2 did not run: " + find(r, "g_step2"));
  }
}
