package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openutm.verification.operation.OperationCatalog;
import org.openutm.verification.scenario.Scenarios;
import org.openutm.verification.scenario.model.ScenarioDef;

/**
 * The toolkit's tests/test_group_execution.py (8 tests): its ScenarioDefinition.model_validate of each YAML becomes
 * this service's loader (Scenarios.checkYaml), with the same assertions on the parsed model. The source's
 * "Validate Metrics" is no operation (its model does not check names); here the scenario still parses, the unknown
 * name listed as a problem.
 */
class GroupExecutionToolkitTest {
  static final OperationCatalog CATALOG = OperationCatalog.standard();

  static ScenarioDef parse(String yaml) {
    Scenarios.Checked checked = Scenarios.checkYaml(yaml, CATALOG, 50_000);
    assertNotNull(checked.scenario(), checked.problems().toString());
    return checked.scenario();
  }

  @Test
  void test_group_definition_parsing() {
    ScenarioDef s = parse("""
        name: test_groups
        description: Test scenario with groups
        groups:
          my_group:
            description: A test group
            steps:
              - id: step1
                step: Setup Flight Declaration
              - id: step2
                step: Wait X seconds
                arguments:
                  duration: 1
        steps:
          - step: my_group
        """);
    assertTrue(s.groups().containsKey("my_group"));
    assertEquals("A test group", s.groups().get("my_group").description());
    assertEquals(2, s.groups().get("my_group").steps().size());
    assertEquals("step1", s.groups().get("my_group").steps().get(0).id());
    assertEquals(1, ((Number) s.groups().get("my_group").steps().get(1).arguments().get("duration")).intValue());
  }

  @Test
  void test_group_with_loop() {
    ScenarioDef s = parse("""
        name: test_group_loop
        description: Test scenario with looped groups
        groups:
          fetch_data:
            steps:
              - id: fetch
                step: Stream Air Traffic
                arguments:
                  provider: opensky
                  target: flight_blender
              - id: wait
                step: Wait X seconds
                arguments:
                  duration: 1
        steps:
          - step: fetch_data
            loop:
              count: 3
        """);
    assertTrue(s.groups().containsKey("fetch_data"));
    assertEquals(2, s.groups().get("fetch_data").steps().size());
    assertEquals("fetch_data", s.steps().get(0).step());
    assertNotNull(s.steps().get(0).loop());
    assertEquals(3, ((Number) s.steps().get(0).loop().count()).intValue());
  }

  @Test
  void test_group_references_within_group() {
    ScenarioDef s = parse("""
        name: test_group_refs
        description: Test scenario with group internal references
        groups:
          process_data:
            steps:
              - id: stream
                step: Stream Air Traffic
                arguments:
                  provider: opensky
                  target: flight_blender
              - id: generate
                step: Generate Random Number
                arguments:
                  min: 1
                  max: 5
              - id: wait
                step: Wait X seconds
                arguments:
                  duration: ${{ group.generate.result }}
        steps:
          - step: process_data
        """);
    assertEquals("${{ group.generate.result }}", s.groups().get("process_data").steps().get(2).arguments().get("duration"));
    assertTrue(Scenarios.checkYaml("""
        name: refs valid
        groups:
          process_data:
            steps:
              - {id: generate, step: Generate Random Number, arguments: {min: 1, max: 5}}
              - {id: wait, step: Wait X seconds, arguments: {duration: "${{ group.generate.result }}"}}
        steps:
          - step: process_data
        """, CATALOG, 50_000).problems().isEmpty(), "a group reference inside the group validates");
  }

  @Test
  void test_multiple_groups() {
    ScenarioDef s = parse("""
        name: test_multiple_groups
        description: Test scenario with multiple groups
        groups:
          group1:
            description: First group
            steps:
              - id: step1
                step: Setup Flight Declaration
          group2:
            description: Second group
            steps:
              - id: step2
                step: Wait X seconds
                arguments:
                  duration: 1
        steps:
          - step: group1
          - step: group2
          - step: group1
            if: ${{ always() }}
        """);
    assertEquals("First group", s.groups().get("group1").description());
    assertEquals("Second group", s.groups().get("group2").description());
    assertEquals(3, s.steps().size());
    assertEquals("group1", s.steps().get(0).step());
    assertEquals("group2", s.steps().get(1).step());
    assertEquals("group1", s.steps().get(2).step());
    assertEquals("${{ always() }}", s.steps().get(2).condition());
  }

  @Test
  void test_empty_groups_section() {
    ScenarioDef s = parse("""
        name: test_no_groups
        description: Test scenario without groups
        steps:
          - step: Setup Flight Declaration
        """);
    assertTrue(s.groups().isEmpty());
    assertEquals(1, s.steps().size());
  }

  @Test
  void test_continue_on_error_parsing() {
    Scenarios.Checked checked = Scenarios.checkYaml("""
        name: test_continue_on_error
        description: Test scenario with continue-on-error
        steps:
          - step: Setup Flight Declaration
          - step: Validate Metrics
            continue-on-error: true
          - step: Teardown Flight Declaration
        """, CATALOG, 50_000);
    ScenarioDef s = checked.scenario();
    assertFalse(s.steps().get(0).continueOnError());
    assertTrue(s.steps().get(1).continueOnError());
    assertFalse(s.steps().get(2).continueOnError());
    assertTrue(checked.problems().stream().anyMatch(p -> p.message().contains("Validate Metrics")), checked.problems().toString());
  }

  @Test
  void test_continue_on_error_default() {
    assertFalse(parse("name: d\nsteps:\n  - step: Setup Flight Declaration\n").steps().get(0).continueOnError());
  }

  @Test
  void test_continue_on_error_in_group() {
    ScenarioDef s = Scenarios.checkYaml("""
        name: test_continue_on_error_group
        description: Test scenario with continue-on-error inside a group
        groups:
          my_group:
            steps:
              - step: Validate Metrics
                continue-on-error: true
              - step: Teardown Flight Declaration
        steps:
          - step: my_group
        """, CATALOG, 50_000).scenario();
    assertTrue(s.groups().get("my_group").steps().get(0).continueOnError());
    assertFalse(s.groups().get("my_group").steps().get(1).continueOnError());
  }
}
