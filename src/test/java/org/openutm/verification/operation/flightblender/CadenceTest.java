package org.openutm.verification.operation.flightblender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SDSP cadence check (the toolkit's test_client_steps.py test_initialize_verify_sdsp_heartbeat, judged for real). */
class CadenceTest {
  private static List<Long> arrivals(double... seconds) {
    List<Long> out = new ArrayList<>();
    for (double s : seconds) {
      out.add((long) (s * 1e9));
    }
    return out;
  }

  @Test
  void testInitializeVerifySdspHeartbeat() {
    // the toolkit's messages: 2 initial + 3 valid heartbeats, one a second; the first two are dropped
    Cadence c = Cadence.of(arrivals(0, 0.3, 1.3, 2.3, 3.3), 1, 0.1, 0);
    assertEquals(3, c.judged());
    assertEquals(List.of(1.0, 1.0), c.intervals().getList());
    assertTrue(c.problems().isEmpty(), c.problems().toString());
  }

  @Test
  void anIntervalOutsideTheToleranceFails() {
    Cadence c = Cadence.of(arrivals(0, 1, 2, 3, 4.5, 5.5), 1, 0.1, 0);
    assertEquals(List.of("interval 2 was 1.500 s (expected 1.0 s +-10%)"), c.problems());
    assertEquals(1, Cadence.of(arrivals(0, 1, 2, 2.85, 3.85), 1, 0.1, 0).problems().size());
  }

  @Test
  void theSimulatedClocksResolutionIsAllowedAndSaid() {
    assertEquals(0, Cadence.slackSeconds(1));
    assertEquals(0.12, Cadence.slackSeconds(20), 1e-9);
    List<Long> late = arrivals(0, 1, 2, 3.121, 4.121);
    assertEquals(1, Cadence.of(late, 1, 0.1, Cadence.slackSeconds(1)).problems().size());
    assertTrue(Cadence.of(late, 1, 0.1, Cadence.slackSeconds(20)).problems().isEmpty());
    List<String> twice = Cadence.of(arrivals(0, 1, 2, 4, 5), 1, 0.1, Cadence.slackSeconds(20)).problems();
    assertEquals(List.of("interval 1 was 2.000 s (expected 1.0 s +-10% +-0.120 s clock slack)"), twice);
  }

  @Test
  void tooFewFramesJudgeNothing() {
    assertEquals(0, Cadence.of(arrivals(0, 1), 1, 0.1, 0).judged());
    assertEquals(1, Cadence.of(arrivals(0, 1, 2), 1, 0.1, 0).judged());
  }
}
