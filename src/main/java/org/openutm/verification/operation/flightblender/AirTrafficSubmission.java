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
  public static Future<JsonObject> run(OperationContext ctx, JsonArray observations, JsonArray sessions, boolean multiple) {
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
    long start = System.currentTimeMillis();
    int[] c = new int[2];
    Promise<JsonObject> done = Promise.promise();
    slot(ctx, 0, slots, byAircraft, aircraft, sessions, multiple, start, c, done);
    return done.future().map(r -> r.put("aircraft_count", aircraft.size()).put("simulation_duration", slots.size()));
  }

  private static void slot(OperationContext ctx, int k, List<Long> slots, Map<String, List<JsonObject>> byAircraft,
      List<String> aircraft, JsonArray sessions, boolean multiple, long start, int[] c, Promise<JsonObject> done) {
    if (k >= slots.size()) {
      done.tryComplete(new JsonObject().put("success", c[1] == 0).put("observations_submitted", c[0])
          .put("submission_errors", c[1]).put("duration_seconds", (System.currentTimeMillis() - start) / 1000.0));
      return;
    }
    long at = slots.get(k);
    long nowMicros = System.currentTimeMillis() * 1000;
    Map<String, JsonArray> perSession = new LinkedHashMap<>();
    for (int i = 0; i < aircraft.size(); i++) {
      JsonObject nearest = null;
      for (JsonObject o : byAircraft.get(aircraft.get(i))) {
        long ts = ((Number) o.getValue("timestamp")).longValue();
        if (nearest == null || Math.abs(ts - at) < Math.abs(((Number) nearest.getValue("timestamp")).longValue() - at)) {
          nearest = o;
        }
      }
      String session = sessions.getString(multiple ? i % sessions.size() : 0);
      perSession.computeIfAbsent(session, s -> new JsonArray()).add(nearest.copy().put("timestamp", nowMicros));
    }
    List<Future<?>> posts = new ArrayList<>();
    perSession.forEach((session, batch) -> posts.add(fb(ctx).send(ctx, HttpMethod.POST,
        "/flight_stream/set_air_traffic/" + session, new JsonObject().put("observations", batch)).map(r -> {
          if (r.ok()) {
            c[0] += batch.size();
          } else {
            c[1]++;
            ctx.warn("slot " + k + ": " + r.status() + " " + FbClient.truncate(String.valueOf(r.body()), 200));
          }
          return null;
        })));
    Future.join(posts).onComplete(ar -> {
      if (ar.failed()) {
        c[1]++;
      }
      long next = start + (k + 1) * 1000L;
      ctx.sleep(Math.max(0, next - System.currentTimeMillis()))
          .onSuccess(v -> slot(ctx, k + 1, slots, byAircraft, aircraft, sessions, multiple, start, c, done))
          .onFailure(done::tryFail);
    });
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
