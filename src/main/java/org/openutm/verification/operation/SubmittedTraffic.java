package org.openutm.verification.operation;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openutm.verification.clock.SimClock;

/**
 * The air traffic this process submitted to Flight Blender, per verification session and aircraft (the last
 * {@value #PER_AIRCRAFT} positions): what {@code Verify SDSP Track} compares the server's tracks with. One per
 * process (a local-map {@link Shareable}), read and written by the worker verticles; bounded, and a session's entry
 * is dropped {@value #IDLE_MILLIS} ms after its last submission.
 */
public final class SubmittedTraffic implements Shareable {
  static final int PER_AIRCRAFT = 120;
  static final int MAX_AIRCRAFT = 2_000;
  static final long IDLE_MILLIS = 30 * 60 * 1000L;

  /** One submitted position: degrees, metres, and when (epoch millis). */
  public record Position(double lat, double lon, double altMetres, long atMillis) {
  }

  private final Map<String, Map<String, Deque<Position>>> bySession = new HashMap<>();
  private final Map<String, Long> lastUse = new HashMap<>();

  public static SubmittedTraffic of(Vertx vertx) {
    return (SubmittedTraffic) vertx.sharedData().getLocalMap("openutm.submitted-traffic")
        .computeIfAbsent("traffic", k -> new SubmittedTraffic());
  }

  /** Records a batch of air-traffic observations ({lat_dd, lon_dd, altitude_mm, icao_address}) the server accepted. */
  public synchronized void record(String session, JsonArray batch) {
    long now = SimClock.millis();
    lastUse.entrySet().removeIf(e -> {
      boolean idle = now - e.getValue() > IDLE_MILLIS;
      if (idle) {
        bySession.remove(e.getKey());
      }
      return idle;
    });
    lastUse.put(session, now);
    Map<String, Deque<Position>> aircraft = bySession.computeIfAbsent(session, k -> new HashMap<>());
    for (Object o : batch) {
      if (!(o instanceof JsonObject j) || !(j.getValue("icao_address") instanceof String icao)
          || !(j.getValue("lat_dd") instanceof Number lat) || !(j.getValue("lon_dd") instanceof Number lon)) {
        continue;
      }
      if (!aircraft.containsKey(icao) && aircraft.size() >= MAX_AIRCRAFT) {
        continue;
      }
      Deque<Position> q = aircraft.computeIfAbsent(icao, k -> new ArrayDeque<>());
      double alt = j.getValue("altitude_mm") instanceof Number mm ? mm.doubleValue() / 1000.0 : Double.NaN;
      q.add(new Position(lat.doubleValue(), lon.doubleValue(), alt, now));
      if (q.size() > PER_AIRCRAFT) {
        q.removeFirst();
      }
    }
  }

  /** The positions submitted for {@code icao} in {@code session}, oldest first; empty when none. */
  public synchronized List<Position> positions(String session, String icao) {
    Map<String, Deque<Position>> aircraft = bySession.get(session);
    Deque<Position> q = aircraft == null ? null : aircraft.get(icao);
    return q == null ? List.of() : new ArrayList<>(q);
  }

  @Override
  public Shareable copy() {
    return this;
  }
}
