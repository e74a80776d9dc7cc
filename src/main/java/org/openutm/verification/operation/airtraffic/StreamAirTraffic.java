package org.openutm.verification.operation.airtraffic;

import static org.openutm.verification.operation.ParamDef.optional;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.operation.ClientType;
import org.openutm.verification.operation.DataFiles;
import org.openutm.verification.operation.Generators;
import org.openutm.verification.operation.OperationDef;
import org.openutm.verification.operation.OperationFailure;
import org.openutm.verification.operation.ParamDef;
import org.openutm.verification.operation.ParamType;
import org.openutm.verification.operation.flightblender.AirTrafficSubmission;

/**
 * Stream Air Traffic (AirTrafficStepClient): generates observations with a provider and sends them to a target in
 * real time, one 1-second slot at a time. Built so far: providers {@code geojson}, {@code bluesky}, {@code bayesian};
 * targets {@code flight_blender} and
 * {@code none}. The other providers and the AMQP target answer a clear failure until they land.
 */
public final class StreamAirTraffic {
  /** opensky: polled live each second and sent at once (targets flight_blender and none). */
  static Future<Object> live(org.openutm.verification.operation.OperationContext ctx,
      org.openutm.verification.operation.Args args, int seconds, JsonArray sessions, String target) {
    double[] viewport;
    try {
      viewport = viewport(args.array("viewport"));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new OperationFailure(e.getMessage()));
    }
    JsonArray targets = sessions.isEmpty() ? new JsonArray().add("00000000000000000000000000000000") : sessions;
    Future<JsonObject> streamed = target.equals("amqp")
        ? AmqpTarget.with(ctx, sender -> new OpenSky(ctx).stream(viewport, seconds, targets, sender))
        : new OpenSky(ctx).stream(viewport, seconds, targets, target.equals("none")
            ? (c, s, b) -> Future.succeededFuture(true) : AirTrafficSubmission.FLIGHT_BLENDER);
    return streamed.map(r -> new JsonObject()
        .put("success", r.getBoolean("success")).put("provider", "opensky").put("target", target)
        .put("duration_seconds", r.getValue("duration_seconds")).put("total_observations", r.getJsonArray("observations").size())
        .put("total_batches", seconds).put("errors", r.getInteger("submission_errors"))
        .put("observations", r.getJsonArray("observations")));
  }

  /** Bern and its surroundings, where the shipped data lives. */
  static final double[] DEFAULT_VIEWPORT = {46.90, 47.05, 7.35, 7.60};

  private StreamAirTraffic() {
  }

  /**
   * data_quality latency: about 10% of observations degraded (seeded): half dropped, half delivered 1-3 s late.
   * refresh_mode varying: the refresh-rate corruption of "Submit Simulated Air Traffic at varying refresh rates".
   */
  static JsonArray degrade(org.openutm.verification.operation.OperationContext ctx, JsonArray observations,
      String quality, String refresh) {
    JsonArray out = observations;
    if ("latency".equals(quality)) {
      java.util.Random r = new java.util.Random(11);
      JsonArray kept = new JsonArray();
      int dropped = 0;
      int late = 0;
      for (Object o : observations) {
        JsonObject j = (JsonObject) o;
        double p = r.nextDouble();
        if (p < 0.05) {
          dropped++;
          continue;
        }
        if (p < 0.10 && j.getValue("timestamp") instanceof Number n) {
          long unit = n.longValue() > 1e14 ? 1_000_000L : 1L;
          j = j.copy().put("timestamp", n.longValue() + (1 + r.nextInt(3)) * unit);
          late++;
        }
        kept.add(j);
      }
      ctx.info("latency: " + dropped + " observation(s) dropped, " + late + " delivered late");
      out = kept;
    }
    if ("varying".equals(refresh)) {
      out = org.openutm.verification.operation.flightblender.AirTrafficSubmission.corrupt(out, new java.util.Random(42));
      ctx.info("varying refresh rates: timestamps corrupted");
    }
    return out;
  }

  /** (lat_min, lat_max, lon_min, lon_max), checked; the default when absent. */
  static double[] viewport(JsonArray v) {
    if (v == null || v.isEmpty()) {
      return DEFAULT_VIEWPORT;
    }
    if (v.size() != 4 || !v.stream().allMatch(x -> x instanceof Number)) {
      throw new IllegalArgumentException("viewport is (lat_min, lat_max, lon_min, lon_max): four numbers");
    }
    double[] d = {v.getDouble(0), v.getDouble(1), v.getDouble(2), v.getDouble(3)};
    if (d[0] >= d[1] || d[2] >= d[3] || d[0] < -90 || d[1] > 90 || d[2] < -180 || d[3] > 180) {
      throw new IllegalArgumentException("viewport needs lat_min < lat_max within -90..90 and lon_min < lon_max within "
          + "-180..180 (in that order: lat_min, lat_max, lon_min, lon_max)");
    }
    return d;
  }

  public static List<OperationDef> all() {
    return List.of(OperationDef.builder("Stream Air Traffic", ClientType.AIR_TRAFFIC).phase("CRUISE")
        .doc("Generates air traffic (geojson, bluesky, bayesian, opensky) and streams it at 1 Hz to Flight Blender, "
            + "AMQP or nowhere -> {success, provider, target, duration_seconds, total_observations, total_batches, "
            + "errors, observations}.")
        .param(ParamDef.enumeration("provider", List.of(Map.entry("geojson", "geojson"), Map.entry("bluesky", "bluesky"),
            Map.entry("bayesian", "bayesian"), Map.entry("opensky", "opensky")), null, true, "Where traffic comes from."))
        .param(optional("duration", ParamType.INTEGER, null, "Seconds; default air_traffic_simulator_settings.simulation_duration."))
        .param(ParamDef.enumeration("target", List.of(Map.entry("flight_blender", "flight_blender"),
            Map.entry("amqp", "amqp"), Map.entry("none", "none")), "flight_blender", false, "Where it goes."))
        .param(optional("config_path", ParamType.STRING, null, "Provider input (trajectory, .scn); default from data_files."))
        .param(optional("number_of_aircraft", ParamType.INTEGER, null, "Default air_traffic_simulator_settings.number_of_aircraft."))
        .param(optional("sensor_ids", ParamType.ARRAY, null, "Sensor ids; default from the settings."))
        .param(optional("session_ids", ParamType.ARRAY, null, "Session ids; default from the settings."))
        .param(optional("viewport", ParamType.ARRAY, null, "(lat_min, lat_max, lon_min, lon_max) for opensky and bayesian (bayesian: default the bounding box of config_path)."))
        .param(optional("seed", ParamType.INTEGER, null, "bayesian: the random seed (same seed, same traffic); default a new one each run."))
        .param(ParamDef.enumeration("data_quality", List.of(Map.entry("nominal", "nominal"), Map.entry("latency", "latency")),
            "nominal", false, "latency: about 10% of observations dropped or shifted."))
        .param(ParamDef.enumeration("refresh_mode", List.of(Map.entry("normal", "normal"), Map.entry("varying", "varying")),
            "normal", false, "varying: corrupted refresh rates."))
        .timeout(a -> (a.integer("duration") == null ? 3600 : a.integer("duration")) * 1000L + 60_000)
        .run((ctx, args) -> {
          JsonObject settings = ctx.config().section("air_traffic_simulator_settings");
          String provider = args.string("provider") == null ? "geojson" : args.string("provider");
          String target = args.string("target") == null ? "flight_blender" : args.string("target");
          int seconds = (int) (args.integer("duration") != null ? args.integer("duration")
              : settings.getInteger("simulation_duration", 10));
          int aircraft = (int) (args.integer("number_of_aircraft") != null ? args.integer("number_of_aircraft")
              : settings.getInteger("number_of_aircraft", 3));
          JsonArray sensors = args.array("sensor_ids") != null ? args.array("sensor_ids")
              : settings.getJsonArray("sensor_ids", new JsonArray());
          JsonArray sessions = args.array("session_ids") != null ? args.array("session_ids")
              : settings.getJsonArray("session_ids", new JsonArray());
          if (provider.equals("opensky")) {
            if (SimClock.speed() > 1) {
              return Future.failedFuture(new OperationFailure(SimClock.realTimeRefusal("the OpenSky provider ("
                  + org.openutm.verification.config.AppConfig.maskUrl(ctx.config().section("opensky").getString("url", ""))
                  + ") serves live traffic", "run at speed 1")));
            }
            return live(ctx, args, seconds, sessions, target);
          }

          if (seconds < 1 || seconds > 86_400 || aircraft < 1 || aircraft > 100_000) {
            return Future.failedFuture(new OperationFailure("duration must be 1..86400 s and number_of_aircraft 1..100000"));
          }
          Future<JsonArray> generated;
          if (provider.equals("bayesian")) {
            double[] given;
            try {
              given = args.array("viewport") == null || args.array("viewport").isEmpty() ? null
                  : viewport(args.array("viewport"));
            } catch (IllegalArgumentException e) {
              return Future.failedFuture(new OperationFailure(e.getMessage()));
            }
            // the area: the viewport, else the bounding box of config_path (the Python toolkit's area file), else Bern
            Future<double[]> area = given != null ? Future.succeededFuture(given)
                : args.string("config_path") == null ? Future.succeededFuture(DEFAULT_VIEWPORT)
                : DataFiles.readObject(ctx, args.string("config_path")).map(SyntheticTraffic::area);
            long seed = args.integer("seed") != null ? args.integer("seed") : SimClock.nanos();
            generated = area.map(v -> SyntheticTraffic.generate(v, aircraft, seconds, SimClock.millis() * 1000,
                seed, sensors));
          } else if (provider.equals("bluesky")) {
            String scn = args.string("config_path") != null ? args.string("config_path")
                : DataFiles.configured(ctx.config(), "simulation");
            generated = DataFiles.readText(ctx, scn).map(text -> BlueSky.simulate(text, scn, seconds,
                SimClock.millis() * 1000, sensors));
          } else {
            String path = args.string("config_path") != null ? args.string("config_path")
                : DataFiles.configured(ctx.config(), "trajectory");
            generated = DataFiles.readObject(ctx, path).map(traj -> GeoJsonTraffic.generate(
                Generators.lineString(traj, path), aircraft, seconds, SimClock.millis() / 1000, sensors));
          }
          return generated.map(o -> degrade(ctx, o, args.string("data_quality"), args.string("refresh_mode")))
              .compose(observations -> {
            ctx.info(provider + ": " + aircraft + " aircraft for " + seconds + " s = " + observations.size() + " observations");
            JsonArray targets = sessions.isEmpty() ? new JsonArray().add("00000000000000000000000000000000") : sessions;
            boolean multiple = "multiple".equals(settings.getString("single_or_multiple_sensors")) && sessions.size() > 1;
            Future<JsonObject> sent = switch (target) {
              case "none" -> AirTrafficSubmission.run(ctx, observations, targets, multiple,
                  (c, s, batch) -> Future.succeededFuture(true)).map(r -> r.put("observations_submitted", 0));
              case "amqp" -> AmqpTarget.stream(ctx, observations, targets, multiple);
              default -> AirTrafficSubmission.run(ctx, observations, targets, multiple);
            };
            return sent.map(r -> new JsonObject().put("success", r.getBoolean("success", true)).put("provider", provider)
                .put("target", target).put("duration_seconds", r.getValue("duration_seconds"))
                .put("slot_offset_p50_ms", r.getValue("slot_offset_p50_ms")).put("slot_offset_p99_ms", r.getValue("slot_offset_p99_ms"))
                .put("slot_offsets_ms", r.getValue("slot_offsets_ms"))
                .put("total_observations", observations.size()).put("total_batches", seconds)
                .put("errors", r.getInteger("submission_errors", 0)).put("observations", observations));
          });
        }));
  }
}
