package org.openutm.verification.operation;

/** An execution was cancelled (stop, session reset, expiry, timeout). */
public class CancelledException extends RuntimeException {
  public CancelledException(String message) {
    super(message, null, false, false);
  }
}
