package org.openutm.verification.operation.airtraffic;

import io.vertx.core.json.JsonArray;
import java.util.List;

/** Bench access to the package-private providers. */
public final class GeoJsonBench {
  private GeoJsonBench() {
  }

  public static int geojson(List<double[]> line, int aircraft, int seconds, JsonArray sensors) {
    return GeoJsonTraffic.generate(line, aircraft, seconds, 0, sensors).size();
  }

  public static int bluesky(String scn, int seconds, JsonArray sensors) {
    return BlueSky.simulate(scn, "bench.scn", seconds, 0, sensors).size();
  }

  public static int synthetic(int aircraft, int seconds, JsonArray sensors) {
    return SyntheticTraffic.generate(StreamAirTraffic.DEFAULT_VIEWPORT, aircraft, seconds, 0, 7, sensors).size();
  }
}
