package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;
import static org.openutm.verification.operation.flightblender.FbSupport.fb;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationContext;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;

/**
 * Air traffic to Flight Blender: one batch, or a real-time replay in 1-second slots (one POST per slot with each
 * aircraft's nearest observation, timestamps rewritten to wall-clock microseconds), optionally with corrupted
 * refresh rates.
 */
public final class AirTrafficSubmission {
  private AirTrafficSubmission() {
  }

  static List<OperationDef> all() {
    return List.of(
        OperationDef.builder("Submit Air Traffic", ClientType.FLIGHT_BLENDER).phase(FbSupport.CRUISE)
            .doc("POSTs the observations in one request to /flight_stream/set_air_traffic/{session_id}.")
            .param(ParamDef.required("observations", ParamType.ARRAY, "Air traffic observations."))
            .param(optional("session_id", ParamType.STRING, null, "The session; default a random UUID."))
            .timeout(a -> 30_000)
            .run((ctx, args) -> {
              String session = args.string("session_id") != null ? args.string("session_id") : UUID.randomUUID().toString();
              return fb(ctx).expect(ctx, HttpMethod.POST, "/flight_stream/set_air_traffic/" + session,
                  new JsonObject().put("observations", args.array("observations")), 200, 201)
                  .onSuccess(r -> ctx.report("air_traffic_data", args.array("observations")))
                  .map(r -> r.json().put("session_id", session).put("observations_submitted", args.array("observations").size()));
            }),
        replay("Submit Simulated Air Traffic", false), replay("Submit Simulated Air Traffic at varying refresh rates", true));
  }

  static OperationDef replay(String name, boolean varying) {
    return OperationDef.builder(name, ClientType.FLIGHT_BLENDER).phase(FbSupport.CRUISE)
        .doc("Replays the observations in real time, one 1-second slot per distinct timestamp" + (varying
            ? ", after corrupting timestamps (30% stale, 20% 10-60 s late, 15% 10-60 s early; seeded)." : "."))
        .param(ParamDef.required("observations", ParamType.ARRAY, "Air traffic observations (e.g. Stream Air Traffic's)."))
        .param(optional("session_ids", ParamType.ARRAY, null, "Sessions to post to; default air_traffic_simulator_settings.session_ids."))
        .param(ParamDef.enumeration("single_or_multiple_sensors", List.of(Map.entry("single", "single"),
            Map.entry("multiple", "multiple")), "single", false, "multiple: aircraft spread over the sessions/sensors."))
        .timeout(a -> slots(a.array("observations")).size() * 1000L + 60_000)
        .run((ctx, args) -> {
          JsonArray observations = args.array("observations");
          if (varying) {
            observations = corrupt(observations, new Random(42));
          }
          JsonArray sessions = args.array("session_ids") != null ? args.array("session_ids")
              : ctx.config().section("air_traffic_simulator_settings").getJsonArray("session_ids", new JsonArray());
          if (sessions.isEmpty()) {
            sessions = new JsonArray().add(UUID.randomUUID().toString());
          }
          boolean multiple = "multiple".equals(args.string("single_or_multiple_sensors"));
          return run(ctx, observations, sessions, multiple);
        });
  }

  /** Distinct timestamps, sorted: one slot each. */
  static List<Long> slots(JsonArray observations) {
    TreeSet<Long> t = new TreeSet<>();
    if (observations != null) {
      for (Object o : observations) {
        if (o instanceof JsonObject j && j.getValue("timestamp") instanceof Number n) {
          t.add(n.longValue());
        }
      }
    }
    return new ArrayList<>(t);
  }

  /** Replays {@code observations} to Flight Blender in 1-second slots (see the class comment). */
  /** Where a slot's batch goes: answers whether it was accepted. */
  @FunctionalInterface
  public interface Sender {
    Future<Boolean> send(OperationContext ctx, String session, JsonArray batch);
  }

  /** The Flight Blender target: POST /flight_stream/set_air_traffic/{session}. */
  public static final Sender FLIGHT_BLENDER = (ctx, session, batch) -> fb(ctx).send(ctx, HttpMethod.POST,
      "/flight_stream/set_air_traffic/" + uuidForm(session), new JsonObject().put("observations", batch)).map(r -> {
        if (!r.ok()) {
          ctx.warn("air traffic refused: " + r.status() + " " + FbClient.truncate(String.valueOf(r.body()), 200));
        } else {
          org.openutm.verification.operation.SubmittedTraffic.of(ctx.vertx()).record(ctx.sessionId(), batch);
          JsonArray sent = ctx.reportData().getJsonArray("air_traffic_data", new JsonArray());
          if (sent.size() < 100_000) {
            sent.addAll(batch);
          }
          ctx.report("air_traffic_data", sent);
        }
        return r.ok();
      });

  /**
   * A session id that is a UUID, in its canonical hyphenated form (as the Python toolkit's uuid.UUID-typed argument
   * sends it: the toolkit's own config writes {@code ee9405e564ea4373823e37d950858e6a}); Django's {@code <uuid:...>}
   * route takes only that form. Anything else is sent as it is.
   */
  static String uuidForm(String session) {
    String hex = session == null ? "" : session.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    if (!hex.matches("[0-9a-f]{32}")) {
      return session;
    }
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
        + "-" + hex.substring(20);
  }

  public static Future<JsonObject> run(OperationContext ctx, JsonArray observations, JsonArray sessions, boolean multiple) {
    return run(ctx, observations, sessions, multiple, FLIGHT_BLENDER);
  }

  /**
   * Replays in 1-second slots on absolute deadlines (no drift), recording each slot's start offset from its deadline
   * ({@code slot_offsets_ms}, with p50/p99); cancellable at any slot.
   */
  public static Future<JsonObject> run(OperationContext ctx, JsonArray observations, JsonArray sessions, boolean multiple,
      Sender sender) {
    Map<String, List<JsonObject>> byAircraft = new LinkedHashMap<>();
    for (Object o : observations) {
      if (!(o instanceof JsonObject j) || !(j.getValue("icao_address") instanceof String icao)) {
        return Future.failedFuture(new OperationFailure("each observation needs an icao_address"));
      }
      byAircraft.computeIfAbsent(icao, k -> new ArrayList<>()).add(j);
    }
    List<Long> slots = slots(observations);
    if (slots.isEmpty()) {
      return Future.failedFuture(new OperationFailure("no observation has a timestamp"));
    }
    List<String> aircraft = new ArrayList<>(byAircraft.keySet());
    long start = SimClock.nanos();
    int[] c = new int[2];
    double[] offsets = new double[slots.size()];
    Promise<JsonObject> done = Promise.promise();
    new Replay(ctx, slots, byAircraft, aircraft, sessions, multiple, start, c, offsets, sender, done).slot(0);
    return done.future().map(r -> {
      JsonArray o = new JsonArray();
      double[] sorted = java.util.Arrays.copyOf(offsets, slots.size());
      for (double d : sorted) {
        o.add(Math.round(d * 1000) / 1000.0);
      }
      java.util.Arrays.sort(sorted);
      return r.put("aircraft_count", aircraft.size()).put("simulation_duration", slots.size())
          .put("slot_offsets_ms", o).put("slot_offset_p50_ms", pct(sorted, 50)).put("slot_offset_p99_ms", pct(sorted, 99));
    });
  }

  static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
    return Math.round(sorted[i] * 1000) / 1000.0;
  }

  /** The replay's state: one slot at a time, each on its own deadline. */
  private record Replay(OperationContext ctx, List<Long> slots, Map<String, List<JsonObject>> byAircraft,
      List<String> aircraft, JsonArray sessions, boolean multiple, long startNanos, int[] c, double[] offsets,
      Sender sender, Promise<JsonObject> done) {

    void slot(int k) {
      if (k >= slots.size()) {
        done.tryComplete(new JsonObject().put("success", c[1] == 0).put("observations_submitted", c[0])
            .put("submission_errors", c[1]).put("duration_seconds", (SimClock.nanos() - startNanos) / 1e9));
        return;
      }
      offsets[k] = (SimClock.nanos() - (startNanos + k * 1_000_000_000L)) / 1e6;
      long at = slots.get(k);
      long nowMicros = SimClock.millis() * 1000;
      Map<String, JsonArray> perSession = new LinkedHashMap<>();
      for (int i = 0; i < aircraft.size(); i++) {
        JsonObject nearest = null;
        long best = Long.MAX_VALUE;
        for (JsonObject o : byAircraft.get(aircraft.get(i))) {
          long gap = Math.abs(((Number) o.getValue("timestamp")).longValue() - at);
          if (gap < best) {
            best = gap;
            nearest = o;
          }
        }
        String session = sessions.getString(multiple ? i % sessions.size() : 0);
        perSession.computeIfAbsent(session, s -> new JsonArray()).add(nearest.copy().put("timestamp", nowMicros));
      }
      List<Future<?>> sends = new ArrayList<>();
      perSession.forEach((session, batch) -> sends.add(sender.send(ctx, session, batch).map(ok -> {
        if (ok) {
          c[0] += batch.size();
        } else {
          c[1]++;
        }
        return null;
      })));
      Future.join(sends).onComplete(ar -> {
        if (ar.failed()) {
          c[1]++;
        }
        long next = startNanos + (k + 1) * 1_000_000_000L;
        ctx.sleep(Math.max(0, (next - SimClock.nanos()) / 1_000_000))
            .onSuccess(v -> slot(k + 1))
            .onFailure(done::tryFail);
      });
    }
  }

  /** 30% stale (the previous timestamp again), 20% 10-60 s late, 15% 10-60 s early; seeded. */
  public static JsonArray corrupt(JsonArray observations, Random r) {
    JsonArray out = new JsonArray();
    long previous = -1;
    for (Object o : observations) {
      JsonObject j = ((JsonObject) o).copy();
      if (!(j.getValue("timestamp") instanceof Number n)) {
        out.add(j);
        continue;
      }
      long ts = n.longValue();
      long unit = ts > 1e14 ? 1_000_000L : 1L;
      double p = r.nextDouble();
      if (p < 0.30 && previous >= 0) {
        j.put("timestamp", previous);
      } else if (p < 0.50) {
        j.put("timestamp", ts - (10 + r.nextInt(51)) * unit);
      } else if (p < 0.65) {
        j.put("timestamp", ts + (10 + r.nextInt(51)) * unit);
      }
      previous = ts;
      out.add(j);
    }
    return out;
  }
}
