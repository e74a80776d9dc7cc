package org.openutm.verification.operation.flightblender;

import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.operation.OperationDef;

/** Every Flight Blender operation built so far. */
public final class FlightBlenderOperations {
  private FlightBlenderOperations() {
  }

  public static List<OperationDef> all() {
    List<OperationDef> all = new ArrayList<>();
    all.addAll(DeclarationOperations.all());
    all.addAll(StateOperations.all());
    all.addAll(TelemetryOperations.all());
    all.addAll(SetupOperations.all());
    all.addAll(GeofenceOperations.all());
    all.addAll(SurveillanceOperations.all());
    all.addAll(AirTrafficSubmission.all());
    all.add(MetricsVerification.operation());
    all.addAll(DaaOperations.all());
    all.add(UserInput.operation());
    return all;
  }
}
