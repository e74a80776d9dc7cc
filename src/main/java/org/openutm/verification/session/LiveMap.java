package org.openutm.verification.session;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.engine.Session;
import org.openutm.verification.report.MapFeed;

/**
 * Publishes a run's map as it grows: a {@code map {run_id, features}} event on the session's events address (the
 * bridges and SSE carry it) at most once a second while steps add to it, and once more at the end; the features are
 * the report map's GeoJSON. Lives on the session's thread.
 */
final class LiveMap {
  static final long PERIOD_MILLIS = 1_000;

  private final Vertx vertx;
  private final Session session;
  private final String runId;
  private final MapFeed feed = new MapFeed();
  private long last = -PERIOD_MILLIS;
  private long timer = -1;
  private boolean queued;

  LiveMap(Vertx vertx, Session session, String runId) {
    this.vertx = vertx;
    this.session = session;
    this.runId = runId;
  }

  void event(JsonObject event) {
    if (!"step".equals(event.getString("type")) || !(event.getValue("result") instanceof JsonObject r) || !feed.add(r)) {
      return;
    }
    // never from inside this publish: the map event would reach the bus before the step event it follows (a
    // higher sequence number first, and SSE consumers drop what comes after a higher one)
    if (timer < 0 && !queued) {
      long wait = Math.max(0, last + PERIOD_MILLIS - SimClock.wallMillis());
      if (wait == 0) {
        queued = true;
        vertx.runOnContext(v -> {
          queued = false;
          flush();
        });
      } else {
        timer = SimClock.setWallTimer(vertx, wait, t -> {
          timer = -1;
          flush();
        });
      }
    }
  }

  /** Publishes the map now if anything was added since the last. */
  void flush() {
    if (timer >= 0) {
      SimClock.cancelWallTimer(vertx, timer);
      timer = -1;
    }
    if (feed.changed()) {
      last = SimClock.wallMillis();
      session.publish(new JsonObject().put("type", "map").put("run_id", runId).put("features", feed.features()));
    }
  }
}
