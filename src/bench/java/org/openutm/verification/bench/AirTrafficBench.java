package org.openutm.verification.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.support.Http;
import org.openutm.verification.operation.airtraffic.GeoJsonBench;
import org.openutm.verification.support.TestService;

/**
 * Issue 8 benchmark. (1) Stream Air Traffic, 1,000 aircraft for 60 s to the embedded emulator: slot-start offsets
 * p50/p99, observations lost (sent vs. accepted by the emulator), process CPU. (2) Generation throughput of each
 * provider against a baseline loop that only builds the same JSON objects.
 * Run: {@code ./mvnw -Pbench test-compile exec:java -Dbench.class=org.openutm.verification.bench.AirTrafficBench
 * -Dbench.args="60 1000"}
 */
public final class AirTrafficBench {
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int aircraft = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    generation();
    try (TestService svc = TestService.start(new JsonObject().put("logging", new JsonObject().put("level", "WARN")))) {
      Http http = svc.http;
      String emulator = http.get("/api/info").json().getString("flight_blender_url");
      long cpu0 = Stats.processCpuNanos();
      long t0 = System.nanoTime();
      JsonObject r = http.post("/api/step", new JsonObject().put("step", "Stream Air Traffic").put("arguments",
          new JsonObject().put("provider", "geojson").put("target", "flight_blender").put("duration", seconds)
              .put("number_of_aircraft", aircraft))).json();
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (Stats.processCpuNanos() - cpu0) / 1e9;
      JsonObject res = r.getJsonObject("result");
      long accepted = new Http(emulator).get("/emulator/state").json().getLong("air_traffic_observations");
      System.out.printf("== Stream Air Traffic, %d aircraft, %d s, to the emulator: %s%n", aircraft, seconds, r.getString("status"));
      System.out.printf("slot start offset from its deadline: p50 %.3f ms, p99 %.3f ms (goal p99 <= 10 ms)%n",
          res.getDouble("slot_offset_p50_ms"), res.getDouble("slot_offset_p99_ms"));
      System.out.printf("observations generated %d, accepted by the emulator %d, lost %d (goal 0); errors %d%n",
          res.getInteger("total_observations"), accepted, res.getInteger("total_observations") - accepted,
          res.getInteger("errors"));
      System.out.printf("process CPU %.1f s over %.1f s wall = %.0f%% of one core (service + emulator + generator)%n",
          cpu, wall, 100 * cpu / wall);
    }
    System.exit(0);
  }

  /** Observations per second each provider generates, against building equally many bare observation objects. */
  static void generation() throws Exception {
    int n = 200;
    int secs = 600;
    JsonArray sensors = new JsonArray();
    double base = rate(() -> {
      JsonArray out = new JsonArray();
      for (int i = 0; i < n * secs; i++) {
        out.add(new JsonObject().put("lat_dd", 1.0).put("lon_dd", 2.0).put("altitude_mm", 3).put("traffic_source", 11)
            .put("source_type", 0).put("icao_address", "X").put("timestamp", i)
            .put("metadata", new JsonObject().put("sensor_id", "s").put("current_state", new JsonObject()
                .put("speed", 1.0).put("track", 2.0).put("vertical_speed", 0))));
      }
      return out.size();
    });
    List<double[]> line = new ArrayList<>(List.of(new double[] {7.47, 46.98}, new double[] {7.48, 46.985},
        new double[] {7.49, 46.99}));
    StringBuilder scn = new StringBuilder();
    for (int i = 0; i < n; i++) {
      scn.append("00:00:00.00>CRE A").append(i).append(",C172,46.9").append(i % 10).append(",7.4").append(i % 10)
          .append(",090,1500,95\n00:00:00.00>A").append(i).append(" ADDWPT 47.0,7.5\n");
    }
    double geo = rate(() -> GeoJsonBench.geojson(line, n, secs, sensors));
    double blue = rate(() -> GeoJsonBench.bluesky(scn.toString(), secs, sensors));
    double synth = rate(() -> GeoJsonBench.synthetic(n, secs, sensors));
    System.out.printf("== generation, %d aircraft x %d s%n", n, secs);
    System.out.printf("baseline (bare JSON objects): %,.0f obs/s%n", base);
    System.out.printf("geojson  : %,.0f obs/s (ratio %.2f; goal >= 1,000,000)%n", geo, geo / base);
    System.out.printf("bluesky  : %,.0f obs/s (ratio %.2f; goal >= 1,000,000)%n", blue, blue / base);
    System.out.printf("bayesian : %,.0f obs/s (ratio %.2f)%n", synth, synth / base);
    Files.createDirectories(Path.of("target"));
  }

  interface Gen {
    int run() throws Exception;
  }

  static double rate(Gen g) throws Exception {
    double best = 0;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      int count = g.run();
      best = Math.max(best, count / ((System.nanoTime() - t0) / 1e9));
    }
    return best;
  }
}
