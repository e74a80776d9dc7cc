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
 * Screenshots land in target/e2e. Needs the built webroot and /usr/bin/chromium (.ci/run installs it).
 */
class EditorE2ETest {
  @Test
  void editorRunsScenariosInARealBrowser() throws Exception {
    assertTrue(Files.exists(Path.of("target/classes/openutm-editor/index.html")), "the editor is not built (npm run build)");
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    assertTrue(Files.isExecutable(Path.of(chromium)), "no Chromium at " + chromium + " (apt-get install chromium)");
    Path config = TestService.copyConfig(Path.of("target/e2e-config"));
    TestService svc = TestService.start(new io.vertx.core.json.JsonObject(), config.toString());
    StringBuilder out = new StringBuilder();
    Process p = new ProcessBuilder("node", "webroot/e2e/editor.e2e.mjs", "http://127.0.0.1:" + svc.port, "target/e2e")
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
    assertTrue(Files.readString(config).contains("routing_key: \"decl-e2e\""), "the settings screen saved the file");
    for (String shot : new String[] {"01-connected", "02-step-by-step-green", "03-whole-run-green", "04-failure-red",
        "05-settings-saved", "06-disconnected"}) {
      assertTrue(Files.size(Path.of("target/e2e/" + shot + ".png")) > 5_000, shot);
    }
  }
}
