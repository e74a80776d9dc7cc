package org.openutm.verification.emulator;

/**
 * Flight Blender d874eb0 tests/test_flight_feed_operations.py, ported: the DRF views' copy of the classes
 * {@link FlightFeedOperationsContractTest} runs on master (mode django). Where the files differ the base class reads
 * the era: a refused body is 400 (marshmallow ObservationSchema in views.py) and a text/plain body 415. Master's
 * two TestFlightFeedServiceCoverage cases run here too: views.py get_air_traffic has the same viewport rules.
 */
class FlightFeedOperationsContractDjangoTest extends FlightFeedOperationsContractTest {
  @Override
  String mode() {
    return "django";
  }
}
