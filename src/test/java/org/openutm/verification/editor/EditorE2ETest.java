package org.openutm.verification.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openutm.verification.support.TestService;

/**
 * The editor in real headless Chromium (Debian's chromium, driven by playwright-core) against the running service
 * and its emulator: load, run step by step and whole, a failure shown, import/export, the backend going away.
 * The first test runs at clock speed 20 and reads the speed and wall time the editor states. Screenshots land in target/e2e. Needs the built webroot and /usr/bin/chromium (.ci/run installs it).
 */
class EditorE2ETest {
  @Test
  void editorRunsScenariosInARealBrowser() throws Exception {
    assertTrue(Files.exists(Path.of("target/classes/openutm-editor/index.html")), "the editor is not built (npm run build)");
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    assertTrue(Files.isExecutable(Path.of(chromium)), "no Chromium at " + chromium + " (apt-get install chromium)");
    Path config = TestService.copyConfig(Path.of("target/e2e-config"));
    // on the simulated clock (issue 20): the runs it waits for take a twentieth of their time
    TestService svc = TestService.start(new io.vertx.core.json.JsonObject().put("clock",
        new io.vertx.core.json.JsonObject().put("speed", 20)), config.toString());
    String out = drive(svc, "http://127.0.0.1:" + svc.port, "full");
    assertTrue(Files.readString(config).contains("routing_key: \"decl-e2e\""), "the settings screen saved the file");
    for (String shot : new String[] {"01-connected", "02-step-by-step-green", "03-whole-run-green", "04-failure-red",
        "05-settings-saved", "06-disconnected"}) {
      assertTrue(Files.size(Path.of("target/e2e/" + shot + ".png")) > 5_000, shot);
    }
  }

  /**
   * Issue 18: with {@code http.auth_token: auto} the editor opened once with ?token= works unchanged (fetch,
   * EventSource, the SockJS bridge) through its cookie, and the token leaves the address bar.
   */
  @Test
  void editorWorksWithAGeneratedToken() throws Exception {
    assertTrue(Files.exists(Path.of("target/classes/openutm-editor/index.html")), "the editor is not built (npm run build)");
    TestService svc = TestService.start(new io.vertx.core.json.JsonObject().put("http",
        new io.vertx.core.json.JsonObject().put("auth_token", "auto")));
    String url = org.openutm.verification.ServiceVerticle.editorUrl(svc.config);
    assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]{32}"), url);
    drive(svc, url, "token");
  }

  /**
   * Issue 23: groups as containers on the canvas (a group call holds its steps; Group a selection, drop a node into a
   * group, drag a step out, Ungroup and undo it, the group's description), each stage a screenshot (target/e2e/g*.png).
   */
  @Test
  void groupsAreContainersOnTheCanvas() throws Exception {
    assertTrue(Files.exists(Path.of("target/classes/openutm-editor/index.html")), "the editor is not built (npm run build)");
    TestService svc = TestService.start(new io.vertx.core.json.JsonObject().put("clock",
        new io.vertx.core.json.JsonObject().put("speed", 20)));
    run(svc, "groups.e2e.mjs", "http://127.0.0.1:" + svc.port);
    for (String shot : new String[] {"g1-containers-run", "g2-selection-grouped", "g3-dropped-into-group", "g5-ungrouped"}) {
      assertTrue(Files.size(Path.of("target/e2e/" + shot + ".png")) > 5_000, shot);
    }
  }

  /** Runs the editor's browser script against {@code svc}; stops the service when the script says so (or at the end). */
  private static String drive(TestService svc, String base, String mode) throws Exception {
    return run(svc, "editor.e2e.mjs", base, mode);
  }

  private static String run(TestService svc, String script, String... args) throws Exception {
    StringBuilder out = new StringBuilder();
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("node", "webroot/e2e/" + script, args[0],
        "target/e2e"));
    command.addAll(java.util.Arrays.asList(args).subList(1, args.length));
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true).start();
    boolean stopped = false;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
        if (line.equals("STOP_BACKEND") && !stopped) {
          svc.close();
          stopped = true;
        }
      }
    }
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the browser test hung:\n" + out);
    if (!stopped) {
      svc.close();
    }
    assertEquals(0, p.exitValue(), out.toString());
    assertTrue(out.toString().contains("E2E OK"), out.toString());
    return out.toString();
  }
}
