package org.openutm.verification.engine;

import io.vertx.core.json.JsonObject;

/**
 * Sees one run as it happens (the session writes its report from it): every event of the run in order, then the
 * summary. Called on the session's thread: an observer hands work off and returns at once, and treats what it is
 * given as read-only.
 */
public interface RunObserver {
  void event(JsonObject event);

  /** The run ended: its summary with results and report_data. */
  void ended(JsonObject summary);

  /** Makes the observer of a run that asked for a report, as it starts; null for none. */
  interface Factory {
    RunObserver open(Session session, String runId, String scenario);
  }
}
