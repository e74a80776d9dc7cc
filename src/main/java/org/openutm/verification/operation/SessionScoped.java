package org.openutm.verification.operation;

/** A worker service that keeps something per session and lets it go when the session ends. */
public interface SessionScoped {
  void sessionClosed(String sessionId);
}
