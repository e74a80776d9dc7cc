package org.openutm.verification.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openutm.verification.ServiceVerticle;
import org.openutm.verification.support.TestService;
import org.openutm.verification.support.ToolkitEditor;

/**
 * The Python toolkit's own web editor, built from ../shared/upstream/web-editor and served by this service through
 * http.web_editor_path (WEB_EDITOR_PATH), driven in Chromium: connect, toolbox, scenario list, open, run green.
 * Without and with {@code http.auth_token: auto} (issue 18: its requests pass the Origin, Host and Content-Type
 * checks, and the token cookie carries it). Skips where ../shared is absent.
 */
class ToolkitEditorE2ETest {
  static Path editor;

  @BeforeAll
  static void build() throws Exception {
    Assumptions.assumeTrue(ToolkitEditor.present(), "no ../shared/upstream/web-editor");
    editor = ToolkitEditor.build();
  }

  static String drive(String base, String prefix) throws Exception {
    Process p = new ProcessBuilder("node", "webroot/e2e/toolkit-editor.e2e.mjs", base, "target/e2e", prefix)
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the browser test hung");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("E2E OK"), out);
    return out;
  }

  @Test
  void toolkitEditorRunsAScenario() throws Exception {
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject()
        .put("web_editor_path", editor.toString())))) {
      assertTrue(svc.http.get("/").body().contains("<div id=\"root\">"), "the toolkit's editor is served");
      drive("http://127.0.0.1:" + svc.port + "/", "toolkit");
    }
  }

  @Test
  void toolkitEditorWorksWithAGeneratedToken() throws Exception {
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject()
        .put("web_editor_path", editor.toString()).put("auth_token", "auto")))) {
      drive(ServiceVerticle.editorUrl(svc.config), "toolkit-token");
    }
  }
}
