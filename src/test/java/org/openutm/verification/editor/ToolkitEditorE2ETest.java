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
    return drive(base, prefix, "basic");
  }

  static String drive(String base, String prefix, String mode) throws Exception {
    Process p = new ProcessBuilder("node", "webroot/e2e/toolkit-editor.e2e.mjs", base, "target/e2e", prefix, mode)
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

  /**
   * Issue 21: the toolkit's editor through everything it does: connect, toolbox, scenario list, open, run with statuses
   * seen live (its SSE running records), a step's output and logs, the report and the Allure report (the real CLI) in
   * new windows, the settings screen loaded (the toolkit's GET shape) and saved back without changing the file, and a
   * run stopped half-way.
   */
  @Test
  void toolkitEditorFullFlow() throws Exception {
    Path config = TestService.copyConfig(Path.of("target/e2e-toolkit-config"));
    byte[] before = java.nio.file.Files.readAllBytes(config);
    Path reports = java.nio.file.Files.createTempDirectory("toolkit-e2e-reports");
    try (TestService svc = TestService.start(new JsonObject().put("http", new JsonObject()
        .put("web_editor_path", editor.toString())).put("reporting", new JsonObject().put("output_dir", reports.toString())
        .put("allure", new JsonObject().put("enabled", true).put("capture_http", true))), config.toString())) {
      String out = drive("http://127.0.0.1:" + svc.port + "/", "toolkit-full", "full");
      assertTrue(out.contains("SETTINGS_SAVED"), out);
      assertEquals(new String(before, StandardCharsets.UTF_8),
          java.nio.file.Files.readString(config), "the settings round trip left the file as it was");
      try (var folders = java.nio.file.Files.list(reports)) {
        // geo_fence_upload (one folder: the run's, reused by generate-report) and the stopped sdsp_track run
        assertEquals(2, folders.count(), "one report folder per editor run");
      }
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
