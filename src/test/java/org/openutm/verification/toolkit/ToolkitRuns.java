package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.SharedService;

/**
 * Base of the ports of the Python toolkit's own tests (tests/ of openutm/verification 03cdcb6): each test method is
 * named after its source test ({@code <SourceClass>_<test name>}) and, where the source runs a scenario or evaluates a
 * condition over step results, runs a real scenario through this service's engine (POST /run-scenario).
 */
abstract class ToolkitRuns extends SharedService {
  /** A step that succeeds, one that fails (its arguments refused at run time), one skipped by its own condition. */
  static final String PASS = "step: Generate UUID";
  static final String FAIL = "step: Generate Random Number\n    arguments: {min: 9, max: 1}";
  static final String SKIP = "step: Generate UUID\n    if: \"false\"";

  /** Runs {@code yaml} in a new session; every result by id. */
  static Map<String, JsonObject> run(String yaml) {
    String session = http.post("/api/sessions", null).json().getString("session_id");
    Http.Response r = http.post("/run-scenario", new JsonObject().put("yaml", yaml), "X-Session-Id", session);
    assertEquals(200, r.status(), r.body());
    Map<String, JsonObject> byId = new LinkedHashMap<>();
    ((JsonArray) r.value()).forEach(o -> byId.put(((JsonObject) o).getString("id"), (JsonObject) o));
    return byId;
  }

  static String status(Map<String, JsonObject> r, String id) {
    assertNotNull(r.get(id), "no result for " + id + " in " + r.keySet());
    return r.get(id).getString("status");
  }

  /**
   * Whether {@code condition} holds after steps of the given kinds (id: PASS/FAIL/SKIP, with +continue for
   * continue-on-error, +always for a step that runs after a failure): a probe step with that condition runs (success) or is skipped.
   */
  static boolean holds(String condition, String... steps) {
    StringBuilder y = new StringBuilder("name: condition\nsteps:\n");
    for (String s : steps) {
      String[] kv = s.split(":", 2);
      String kind = kv[1].trim();
      boolean continueOnError = kind.contains("+continue");
      boolean always = kind.contains("+always");
      kind = kind.replace("+continue", "").replace("+always", "");
      y.append("  - id: ").append(kv[0]).append("\n    ")
          .append(kind.equals("PASS") ? PASS : kind.equals("FAIL") ? FAIL : SKIP).append('\n');
      if (continueOnError) {
        y.append("    continue-on-error: true\n");
      }
      if (always) {
        y.append("    if: always()\n");
      }
    }
    y.append("  - id: probe\n    step: Generate UUID\n    if: ").append(new JsonObject().put("c", condition).encode()
        .replaceFirst("^\\{\"c\":", "").replaceFirst("}$", "")).append('\n');
    String probe = status(run(y.toString()), "probe");
    if (!probe.equals("success") && !probe.equals("skipped")) {
      throw new AssertionError("the probe " + probe + ": " + condition);
    }
    return probe.equals("success");
  }

  /**
   * Whether {@code condition} holds in iteration {@code index} of a loop (items when given, else a count): a probe in
   * a looped group, whose steps see loop.index and loop.item.
   */
  static boolean holdsInLoop(String condition, int index, String items) {
    String loop = items == null ? "{count: " + (index + 1) + "}" : "{items: " + items + "}";
    String yaml = "name: loop condition\ngroups:\n  probe_group:\n    steps:\n      - id: probe\n        step: Generate UUID\n"
        + "        if: " + new JsonObject().put("c", condition).encode().replaceFirst("^\\{\"c\":", "").replaceFirst("}$", "")
        + "\nsteps:\n  - id: g\n    step: probe_group\n    loop: " + loop + "\n";
    return status(run(yaml), "g[" + index + "].probe").equals("success");
  }
}
