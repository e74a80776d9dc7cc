package org.openutm.verification.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Django era's conformance monitor without a bus or timer: time is passed in. What custom_signals.py does on each
 * failed check (d874eb0): the message on AMQP, a record, a history entry, and no state change (no USS network); with
 * the extension {@code conformance_state_changes}, the recorded state where the state machine allows it.
 */
class ConformanceMonitorTest {
  final List<String> events = new ArrayList<>();

  EmulatorState emulator(JsonObject extra) {
    return new EmulatorState(EmulatorOptions.from(new JsonObject().put("mode", "django").mergeIn(extra)),
        (key, body, level) -> events.add(level + ": " + body));
  }

  static String activated(EmulatorState st) {
    String id = st.declarations.create(EmulatorFixture.declaration(7.4719589, 46.9799127, 7.4870457, 46.9865389, 0, 10),
        List.of(), false).getString("id");
    st.declarations.updateState(id, new JsonObject().put("state", 2));
    return id;
  }

  static JsonObject telemetry(String id, String serial, double lat, double lng, double alt) {
    JsonObject t = EmulatorFixture.telemetry(id, lat, lng);
    JsonObject flight = t.getJsonArray("observations").getJsonObject(0);
    flight.getJsonObject("flight_details").put("uas_id", new JsonObject().put("serial_number", serial));
    flight.getJsonArray("current_states").getJsonObject(0).getJsonObject("position").put("alt", alt);
    return t;
  }

  List<String> messages() {
    List<String> out = new ArrayList<>();
    events.stream().filter(e -> e.startsWith("error: ")).forEach(out::add);
    return out;
  }

  @Test
  void checksRunEveryHeartbeatFromActivationAndChangeNoState() {
    EmulatorState st = emulator(new JsonObject().put("heartbeat_rate_seconds", 2));
    String id = activated(st);
    events.clear();
    Instant t0 = Instant.now();
    st.conformance.tick(t0.plusSeconds(1));
    assertEquals(List.of(), messages(), "first run one period (HEARTBEAT_RATE_SECS) after activation");
    st.conformance.tick(t0.plusMillis(2500));
    assertEquals(List.of("error: The telemetry for operation " + id + ", has not been received in the past 15 seconds. "
        + "Check C9a Failed"), messages(), "no telemetry yet: C9a (the real code's name for 'never')");
    st.conformance.tick(t0.plusSeconds(3));
    assertEquals(1, messages().size(), "not again before the next period");
    // inside the declared area at 60 m: the real check compares the altitude in millimetres (60,000) with 50-120 m
    st.streams.submitTelemetry(telemetry(id, "a5dd8899", 46.982, 7.48, 60));
    events.clear();
    st.conformance.tick(t0.plusMillis(4500));
    assertEquals(List.of("error: The telemetry location provided for operation " + id + ", is not within the declared "
        + "bounds for an operation. C7b check failed."), messages());
    assertEquals(2, st.declarations.get(id).getInteger("state"), "no USS network: no state change");
    JsonObject state = st.conformance.state();
    assertEquals(2, state.getJsonArray("records").size());
    assertEquals(8, state.getJsonArray("records").getJsonObject(1).getInteger("conformance_state"));
    assertEquals(new JsonObject().put("original_state", "2").put("new_state", "3").put("notes",
        "State changed by telemetry conformance checks because of telemetry non-conformance: C7b"),
        state.getJsonObject("history").getJsonArray(id).getJsonObject(1));
    // a wrong aircraft id: C3
    st.streams.submitTelemetry(telemetry(id, "other", 46.982, 7.48, 60));
    events.clear();
    st.conformance.tick(t0.plusMillis(6500));
    assertTrue(messages().get(0).contains("does not match the declared / authorized aircraft, you must stop operation. "
        + "C3 Check failed."), messages().toString());
    // 16 s without telemetry: C9b (the real code's name for 'stale'), text "never been received"
    events.clear();
    st.conformance.tick(Instant.now().plusSeconds(31));
    assertEquals(List.of("error: The telemetry for operation " + id + ", has never been received. Check C9b Failed"), messages());
    // the operator ends the flight: the task goes
    st.declarations.updateState(id, new JsonObject().put("state", 5));
    events.clear();
    st.conformance.tick(Instant.now().plusSeconds(60));
    assertEquals(List.of(), messages());
    assertEquals(0, st.conformance.state().getJsonArray("tasks").size());
  }

  @Test
  void theExtensionAppliesTheRecordedStateWhereTheMachineAllowsIt() {
    EmulatorState st = emulator(new JsonObject().put("conformance_state_changes", true)
        .put("heartbeat_rate_seconds", 2));
    String id = activated(st);
    Instant t0 = Instant.now();
    st.streams.submitTelemetry(telemetry(id, "a5dd8899", 46.982, 7.48, 60));
    events.clear();
    st.conformance.tick(t0.plusMillis(2500));
    assertEquals(List.of(), messages(), "inside, 60 m in metres: conformant");
    st.streams.submitTelemetry(telemetry(id, "other", 46.982, 7.48, 60));
    st.conformance.tick(t0.plusMillis(4500));
    assertEquals(2, st.declarations.get(id).getInteger("state"), "C3 records Contingent, which Activated cannot take");
    st.streams.submitTelemetry(telemetry(id, "a5dd8899", 46.995, 7.48, 60));
    st.conformance.tick(t0.plusMillis(6500));
    assertEquals(3, st.declarations.get(id).getInteger("state"), "outside the area: C7a -> Nonconforming");
    assertTrue(messages().get(messages().size() - 1).endsWith("is not within the altitude bounds C7a check failed."));
  }

  @Test
  void operationalIntentDeclarationsCrashTheTaskAndNoMonitorRunsOnMaster() {
    EmulatorState st = emulator(new JsonObject());
    String now = Instant.now().toString();
    String end = Instant.now().plusSeconds(600).toString();
    JsonObject intent = FlightDeclarationContractTest.operationalIntentPayload().put("start_datetime", now)
        .put("end_datetime", end).put("aircraft_id", "a5dd8899");
    intent.getJsonArray("operational_intent_volume4ds").getJsonObject(0).put("time_start", new JsonObject()
        .put("value", now).put("format", "RFC3339")).put("time_end", new JsonObject().put("value", end).put("format", "RFC3339"));
    String id = st.declarations.create(intent, List.of(), true).getString("id");
    st.declarations.updateState(id, new JsonObject().put("state", 2));
    st.streams.submitTelemetry(telemetry(id, "a5dd8899", 46.982, 7.48, 60));
    events.clear();
    st.conformance.tick(Instant.now().plusSeconds(6));
    assertEquals(List.of(), messages());
    assertEquals(1, st.conformance.state().getLong("crashes"));
    EmulatorState master = new EmulatorState(EmulatorOptions.from(new JsonObject()), (k, b, l) -> events.add(b));
    String m = activated(master);
    master.conformance.tick(Instant.now().plusSeconds(60));
    assertEquals(2, master.declarations.get(m).getInteger("state"));
    assertEquals(0, master.conformance.state().getJsonArray("tasks").size());
  }
}
