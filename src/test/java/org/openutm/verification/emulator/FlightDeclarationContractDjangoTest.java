package org.openutm.verification.emulator;

/**
 * Flight Blender d874eb0 tests/test_flight_declaration_operations.py, ported: the same classes and test names as
 * master's file, run against the DRF views (mode django); it differs from master's in one assertion (a text/plain
 * create is 415 there, 422 on master), which {@link FlightDeclarationContractTest} reads from {@link #mode()}. Skipped
 * as in master's port: TestSubmitToDSSEnabled and TestNetworkFlightDeclarationsByViewEnabled (monkeypatched network).
 */
class FlightDeclarationContractDjangoTest extends FlightDeclarationContractTest {
  @Override
  String mode() {
    return "django";
  }
}
