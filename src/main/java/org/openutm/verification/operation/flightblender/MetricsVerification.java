package org.openutm.verification.operation.flightblender;

import static org.openutm.verification.operation.ParamDef.optional;
import static org.openutm.verification.operation.flightblender.FbSupport.fb;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;

/**
 * Verify Reported Metrics in Flight Blender: reads service_metrics over the window the observations cover (as the
 * Python toolkit does: their first to last timestamp) and compares them with what was submitted: track update
 * probability and heartbeat rate = min(1, observations / (aircraft x seconds)) within 0.1, heartbeat delivery
 * probability 1.0 within 0.1, at least one active session (Flight Blender counts every session started in the last 30
 * minutes, stopped or not: services/surveillance_svc.py get_all_active_sessions), aggregate health present.
 */
final class MetricsVerification {
  static final double TOLERANCE = 0.1;

  private MetricsVerification() {
  }

  static OperationDef operation() {
    return OperationDef.builder("Verify Reported Metrics in Flight Blender", ClientType.FLIGHT_BLENDER)
        .phase(FbSupport.POST).doc("Checks service_metrics against the observations submitted.")
        .param(ParamDef.required("observations", ParamType.ARRAY, "What was submitted (Stream Air Traffic's observations)."))
        .param(optional("session_id", ParamType.STRING, null, "Only this surveillance session's metrics."))
        .timeout(a -> 30_000)
        .run((ctx, args) -> {
          String q = window(args.array("observations"))
              + (args.string("session_id") == null ? ""
              : "&session_id=" + URLEncoder.encode(args.string("session_id"), StandardCharsets.UTF_8));
          return fb(ctx).expect(ctx, HttpMethod.GET, "/surveillance_monitoring_ops/service_metrics" + q, null, 200)
              .map(r -> judge(r.json(), args.array("observations")));
        });
  }

  /** {@code ?start_date=..&end_date=..} from the observations' first and last timestamps (seconds or micros). */
  static String window(JsonArray observations) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Object o : observations) {
      if (o instanceof JsonObject j && j.getValue("timestamp") instanceof Number n) {
        long ts = n.longValue();
        long seconds = ts > 1e14 ? ts / 1_000_000 : ts > 1e11 ? ts / 1000 : ts;
        min = Math.min(min, seconds);
        max = Math.max(max, seconds);
      }
    }
    if (min == Long.MAX_VALUE) {
      return "?";
    }
    return "?start_date=" + URLEncoder.encode(java.time.Instant.ofEpochSecond(min).toString(), StandardCharsets.UTF_8)
        + "&end_date=" + URLEncoder.encode(java.time.Instant.ofEpochSecond(max).toString(), StandardCharsets.UTF_8);
  }

  static JsonObject judge(JsonObject m, JsonArray observations) {
    Set<String> aircraft = new HashSet<>();
    Set<Long> seconds = new HashSet<>();
    for (Object o : observations) {
      if (o instanceof JsonObject j) {
        aircraft.add(String.valueOf(j.getValue("icao_address")));
        if (j.getValue("timestamp") instanceof Number n) {
          long ts = n.longValue();
          seconds.add(ts > 1e14 ? ts / 1_000_000 : ts);
        }
      }
    }
    double expected = aircraft.isEmpty() || seconds.isEmpty() ? 0
        : Math.min(1.0, observations.size() / (double) (aircraft.size() * seconds.size()));
    List<String> problems = new ArrayList<>();
    Double track = first(m, "track_update_probabilities", "probability");
    Double rate = first(m, "heartbeat_rates", "measured_rate_hz");
    Double delivery = first(m, "heartbeat_delivery_probabilities", "probability");
    check(problems, "track update probability", track, expected);
    check(problems, "heartbeat rate", rate, expected);
    check(problems, "heartbeat delivery probability", delivery, 1.0);
    if (m.getInteger("active_sessions", 0) < 1) {
      problems.add("active_sessions is " + m.getValue("active_sessions") + ", expected at least 1 (this run's session)");
    }
    if (!(m.getValue("aggregate_health") instanceof JsonObject)) {
      problems.add("aggregate_health is missing");
    }
    JsonObject result = new JsonObject().put("expected_probability", expected).put("track_update_probability", track)
        .put("heartbeat_rate_hz", rate).put("heartbeat_delivery_probability", delivery)
        .put("active_sessions", m.getValue("active_sessions")).put("aircraft", aircraft.size())
        .put("observation_seconds", seconds.size());
    if (!problems.isEmpty()) {
      throw new OperationFailure(String.join("; ", problems), result);
    }
    return result.put("success", true);
  }

  private static Double first(JsonObject m, String list, String field) {
    JsonArray a = m.getJsonArray(list, new JsonArray());
    return a.isEmpty() || !(a.getJsonObject(0).getValue(field) instanceof Number n) ? null : n.doubleValue();
  }

  private static void check(List<String> problems, String what, Double actual, double expected) {
    if (actual == null) {
      problems.add(what + " is missing");
    } else if (Math.abs(actual - expected) > TOLERANCE) {
      problems.add(what + " is " + String.format("%.3f", actual) + ", expected " + String.format("%.3f", expected)
          + " +-" + TOLERANCE);
    }
  }
}
