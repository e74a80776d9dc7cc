package org.openutm.verification.operation.amqp;

import java.util.HashMap;
import java.util.Map;

/**
 * The queue monitors of one AMQP worker, by session. A monitor holds a live broker connection, so it stays on the
 * node that started it (in a cluster, a session's AMQP steps must reach that node's worker: see the cluster issue).
 */
public final class AmqpMonitors {
  final Map<String, QueueMonitor> bySession = new HashMap<>();
}
