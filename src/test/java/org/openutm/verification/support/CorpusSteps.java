package org.openutm.verification.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The step-by-step record of the upstream corpus: for each run (mode:scenario[+variant]) the status of each step id,
 * as a speed-1 run of the {@code corpus} profile recorded it ({@code -Dcorpus.record=true} writes it). Runs at any
 * speed are compared with it step by step, so a faster clock that changed one step's outcome is caught even when the
 * scenario's verdict stayed the same.
 */
public final class CorpusSteps {
  public static final Path FILE = Path.of("src/test/resources/corpus-steps.json");

  private CorpusSteps() {
  }

  /** step id -> status of one run's results. */
  public static JsonObject steps(ScenarioHarness.Outcome o) {
    Map<String, Object> m = new TreeMap<>();
    o.results().forEach(x -> m.put(((JsonObject) x).getString("id"), ((JsonObject) x).getString("status")));
    return new JsonObject(m);
  }

  public static JsonObject load() throws IOException {
    return Files.isRegularFile(FILE) ? new JsonObject(Files.readString(FILE)) : new JsonObject();
  }

  /** Merges these runs' steps into the record, keys sorted, one run per line group. */
  public static void record(Map<String, ScenarioHarness.Outcome> outcomes) throws IOException {
    JsonObject all = load();
    outcomes.forEach((id, o) -> all.put(id, steps(o)));
    Map<String, Object> sorted = new TreeMap<>(all.getMap());
    Files.writeString(FILE, new JsonObject(sorted).encodePrettily() + "\n");
  }

  /** What differs between a run and its record ("" when they agree or there is no record for it). */
  public static String differences(JsonObject record, String id, ScenarioHarness.Outcome o) {
    JsonObject want = record.getJsonObject(id);
    if (want == null) {
      return "";
    }
    JsonObject got = steps(o);
    StringBuilder sb = new StringBuilder();
    for (String step : new java.util.TreeSet<>(java.util.Set.copyOf(union(want, got)))) {
      Object w = want.getValue(step);
      Object g = got.getValue(step);
      if (!java.util.Objects.equals(w, g)) {
        sb.append("  step ").append(step).append(": recorded ").append(w).append(", got ").append(g).append("\n");
      }
    }
    return sb.toString();
  }

  private static java.util.Set<String> union(JsonObject a, JsonObject b) {
    java.util.Set<String> s = new java.util.HashSet<>(a.fieldNames());
    s.addAll(b.fieldNames());
    return s;
  }
}
