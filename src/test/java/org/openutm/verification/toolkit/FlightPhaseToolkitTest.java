package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.operation.OperationDef;

/**
 * Port of the toolkit's tests/test_flight_phase.py (8 tests). Its DummyClient's decorated methods become this
 * catalogue's declarations (a step with a phase, one without): the introspection tests read the declaration and
 * /operations, the StepResult tests run the steps and read the phase of their results. The source's steps that
 * return a StepResult of their own (keeping or inheriting a phase) have no counterpart here: every result is built
 * by the one runner from the declaration, so the declaration's phase is the result's.
 */
class FlightPhaseToolkitTest extends ToolkitRuns {
  static final OperationCatalog CATALOG = OperationCatalog.standard();
  /** "Phase step" and "No phase step" of the source. */
  static final String WITH_PHASE = "Upload Geo Fence";
  static final String WITHOUT_PHASE = "Generate UUID";

  static JsonObject listed(String name) {
    for (Object o : http.get("/operations").jsonArray()) {
      if (name.equals(((JsonObject) o).getString("name"))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError(name + " not in /operations");
  }

  @Test
  void TestPhaseIntrospection_test_step_has_phase_metadata() {
    assertEquals("PRE FLIGHT", CATALOG.find(WITH_PHASE).phase());
    assertEquals("PRE FLIGHT", listed(WITH_PHASE).getString("phase"));
  }

  @Test
  void TestPhaseIntrospection_test_step_without_phase_has_none_metadata() {
    assertNull(CATALOG.find(WITHOUT_PHASE).phase());
    assertTrue(listed(WITHOUT_PHASE).containsKey("phase") && listed(WITHOUT_PHASE).getValue("phase") == null);
  }

  @Test
  void TestPhaseIntrospection_test_step_has_step_name_metadata() {
    OperationDef op = CATALOG.find(WITH_PHASE);
    assertNotNull(op);
    assertEquals(WITH_PHASE, op.name());
  }

  @Test
  void TestPhaseIntrospection_test_step_is_scenario_step() {
    // a scenario step: listed as an operation of its client, as the toolkit lists its decorated methods
    assertEquals("FlightBlenderClient", listed(WITH_PHASE).getString("category"));
    assertEquals("FlightBlenderClient." + WITH_PHASE, listed(WITH_PHASE).getString("id"));
  }

  @Test
  void TestPhaseInStepResult_test_raw_return_gets_phase() {
    Map<String, JsonObject> r = run("name: phased\nsteps:\n  - id: fence\n    step: Upload Geo Fence\n");
    assertEquals("success", status(r, "fence"), r.toString());
    assertEquals("PRE FLIGHT", r.get("fence").getString("phase"));
  }

  @Test
  void TestPhaseInStepResult_test_raw_return_without_phase() {
    Map<String, JsonObject> r = run("name: unphased\nsteps:\n  - id: uuid\n    step: Generate UUID\n");
    assertNull(r.get("uuid").getValue("phase"));
  }

  /** A step that fails still carries its declaration's phase (the report groups it there). */
  @Test
  void TestPhaseInStepResult_test_step_result_return_inherits_decorator_phase() {
    Map<String, JsonObject> r = run("name: failing\nsteps:\n  - id: check\n    step: Check Operation State\n"
        + "    arguments: {expected_state: ACTIVATED, declaration_id: nope, duration: 0}\n");
    assertEquals("failure", status(r, "check"), r.toString());
    assertEquals("CRUISE", r.get("check").getString("phase"));
  }

  /** A background step's running record and its final result both carry the phase. */
  @Test
  void TestPhaseInStepResult_test_step_result_return_keeps_own_phase() {
    Map<String, JsonObject> r = run("name: bg\nsteps:\n  - id: fence\n    step: Upload Geo Fence\n    background: true\n"
        + "  - id: after\n    step: Generate UUID\n    needs: [fence]\n");
    assertEquals("success", status(r, "fence"), r.toString());
    assertEquals("PRE FLIGHT", r.get("fence").getString("phase"));
  }
}
