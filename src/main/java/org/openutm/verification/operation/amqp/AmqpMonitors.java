package org.openutm.verification.operation.amqp;

import java.util.HashMap;
import java.util.Map;

/**
 * The queue monitors of one AMQP worker, by session. A monitor holds a live broker connection, so it stays on the
 * node that started it (in a cluster, a session's AMQP steps must reach that node's worker: see the cluster issue).
 */
public final class AmqpMonitors implements org.openutm.verification.operation.SessionScoped {
  final Map<String, QueueMonitor> bySession = new HashMap<>();

  /** Stops and forgets the session's monitor (its broker connection) when the session is reset or deleted. */
  @Override
  public void sessionClosed(String sessionId) {
    QueueMonitor m = bySession.remove(sessionId);
    if (m != null) {
      m.stop();
    }
  }
}
