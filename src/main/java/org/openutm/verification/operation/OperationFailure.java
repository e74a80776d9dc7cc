package org.openutm.verification.operation;

/**
 * The system under test said no (or the step's own check failed): the step's status is {@code failure} with this
 * message. Not an error of the service.
 */
public class OperationFailure extends RuntimeException {
  private final Object result;

  public OperationFailure(String message) {
    this(message, null);
  }

  public OperationFailure(String message, Object result) {
    super(message, null, false, false);
    this.result = result;
  }

  /** What the step produced before failing (shown in its result), or null. */
  public Object result() {
    return result;
  }
}
