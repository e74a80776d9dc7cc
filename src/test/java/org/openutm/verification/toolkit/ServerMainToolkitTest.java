package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.report.AllureCli;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/**
 * Port of the toolkit's tests/test_server_main.py (14 tests) against this server: the root, health, operations,
 * session reset, stop, and the /api/allure routes. Where the source mocks its SessionManager, these use a real
 * service; where it fakes the Allure CLI's process, the CLI is a real script that fails; its success case runs the
 * real Allure 3 CLI of the build (skipped when the build installed none).
 */
class ServerMainToolkitTest extends ToolkitRuns {
  @TempDir
  Path tmp;

  static final HttpClient NO_REDIRECTS = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void test_read_root() {
    Http.Response r = http.get("/");
    assertEquals(200, r.status());
    assertTrue(r.body().toLowerCase().contains("<!doctype html>"), r.body());
    assertTrue(http.get("/api/info").json().getString("message").contains("OpenUTM Verification API is running"));
  }

  @Test
  void test_health_check() {
    Http.Response r = http.get("/health");
    assertEquals(200, r.status());
    assertEquals(new JsonObject().put("status", "ok"), r.json());
  }

  @Test
  void test_get_operations() {
    Http.Response r = http.get("/operations");
    assertEquals(200, r.status());
    JsonArray ops = r.jsonArray();
    // the toolkit mocks two; here the 50 operations and the join step
    assertEquals(51, ops.size());
  }

  @Test
  void test_reset_session() {
    String s = newSession();
    http.post("/api/step", new JsonObject().put("step", "Generate UUID"), "X-Session-Id", s);
    Http.Response r = http.post("/session/reset", null, "X-Session-Id", s);
    assertEquals(200, r.status(), r.body());
    assertEquals("session_reset", r.json().getString("status"));
    assertTrue(http.get("/api/sessions/" + s + "/results").json().getJsonArray("results").isEmpty(), "closed and opened again");
  }

  @Test
  void test_stop_scenario_when_running() throws Exception {
    String s = newSession();
    assertEquals(200, http.post("/run-scenario-async", "name: long\nsteps:\n  - step: Wait X seconds\n    arguments: {duration: 30}\n",
        "Content-Type", "application/yaml", "X-Session-Id", s).status());
    Thread.sleep(200);
    Http.Response r = http.post("/stop-scenario", null, "X-Session-Id", s);
    assertEquals(200, r.status());
    assertEquals(true, r.json().getBoolean("stopped"), r.body());
  }

  @Test
  void test_stop_scenario_when_not_running() {
    Http.Response r = http.post("/stop-scenario", null, "X-Session-Id", newSession());
    assertEquals(200, r.status());
    assertEquals(false, r.json().getBoolean("stopped"), r.body());
  }

  /** A service with reporting.allure as given, reports in the test's folder. */
  TestService allure(boolean enabled, String resultsDir) {
    return TestService.start(new JsonObject().put("reporting", new JsonObject().put("output_dir", tmp.resolve("out").toString())
        .put("allure", new JsonObject().put("enabled", enabled).put("results_dir", resultsDir))));
  }

  /** A run, and its report folder written (that happens as the run ends). */
  void runOne(TestService svc) throws Exception {
    assertEquals(200, svc.http.post("/run-scenario", "name: one\nsteps:\n  - step: Generate UUID\n",
        "Content-Type", "application/yaml").status());
    Path out = tmp.resolve("out");
    for (int i = 0; i < 100; i++) {
      if (Files.isDirectory(out)) {
        try (var dirs = Files.list(out)) {
          // the folder exists from the run's start: wait for its whole report
          if (dirs.anyMatch(d -> org.openutm.verification.support.ReportFiles.completed(d.resolve("report.json")))) {
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no report folder in " + out);
  }

  @Test
  void test_allure_generate_disabled_returns_400() {
    try (TestService svc = allure(false, "allure-results")) {
      Http.Response r = svc.http.post("/api/allure/generate", null);
      assertEquals(400, r.status());
      assertTrue(r.json().getString("detail").toLowerCase().contains("not enabled"), r.body());
    }
  }

  @Test
  void test_allure_generate_missing_results_returns_404() {
    try (TestService svc = allure(true, "allure-results")) {
      Http.Response r = svc.http.post("/api/allure/generate", null);
      assertEquals(404, r.status());
      assertTrue(r.json().getString("detail").toLowerCase().contains("no allure results"), r.body());
    }
  }

  /**
   * The toolkit refuses an absolute results_dir outside the output folder (its report would land there); here the
   * results are written where it says and the report is still generated inside the run's report folder, never
   * outside reporting.output_dir.
   */
  @Test
  void test_allure_generate_path_outside_output_dir_rejected() throws Exception {
    Path elsewhere = tmp.resolve("outside-results");
    try (TestService svc = allure(true, elsewhere.toString())) {
      runOne(svc);
      assertTrue(Files.isDirectory(elsewhere), "results where results_dir says");
      Http.Response r = svc.http.post("/api/allure/generate", null);
      assumeTrue(r.status() != 503, "no Allure CLI installed: " + r.body());
      assertEquals(200, r.status(), r.body());
      String url = r.json().getString("report_url");
      assertTrue(url.startsWith("/reports/") && url.endsWith("/allure-report/index.html"), url);
      assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(url.substring("/reports/".length()))), url);
      assertTrue(Files.notExists(tmp.resolve("allure-report")), "nothing written outside the output folder");
    }
  }

  /** The toolkit answers 500; a failing external program is a 502 here (no 500s), its output in the message. */
  @Test
  void test_allure_generate_cli_failure_returns_500() throws Exception {
    Path cli = tmp.resolve("allure");
    Files.writeString(cli, "#!/bin/sh\necho 'boom: cli error' >&2\nexit 1\n");
    assertTrue(cli.toFile().setExecutable(true));
    try (TestService svc = allure(true, "allure-results")) {
      runOne(svc);
      ServiceException e = assertThrows(ServiceException.class,
          () -> AllureCli.generate(svc.config, Map.of("ALLURE_CLI", cli.toString())));
      assertEquals(ErrorCode.UPSTREAM, e.code());
      assertTrue(e.getMessage().toLowerCase().contains("boom"), e.getMessage());
    }
  }

  @Test
  void test_allure_generate_success_returns_report_url() throws Exception {
    try (TestService svc = allure(true, "allure-results")) {
      runOne(svc);
      Http.Response r = svc.http.post("/api/allure/generate", null);
      assumeTrue(r.status() != 503, "no Allure CLI installed: " + r.body());
      assertEquals(200, r.status(), r.body());
      assertEquals("success", r.json().getString("status"));
      assertTrue(r.json().getString("report_url").endsWith("/allure-report/index.html"), r.body());
    }
  }

  @Test
  void test_allure_report_404_when_not_generated() throws Exception {
    try (TestService svc = allure(true, "allure-results")) {
      runOne(svc);
      assertEquals(404, svc.http.get("/api/allure/report").status());
    }
  }

  @Test
  void test_allure_report_disabled_returns_400() {
    try (TestService svc = allure(false, "allure-results")) {
      assertEquals(400, svc.http.get("/api/allure/report").status());
    }
  }

  /** The toolkit redirects with FastAPI's 307; here a 302 to the same place. */
  @Test
  void test_allure_report_redirects_when_present() throws Exception {
    try (TestService svc = allure(true, "allure-results")) {
      runOne(svc);
      Path folder;
      try (var dirs = Files.list(tmp.resolve("out"))) {
        folder = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
      }
      Files.createDirectories(folder.resolve("allure-report"));
      Files.writeString(folder.resolve("allure-report/index.html"), "<html></html>");
      HttpResponse<String> r = NO_REDIRECTS.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + svc.port + "/api/allure/report")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertTrue(r.statusCode() == 302 || r.statusCode() == 307, String.valueOf(r.statusCode()));
      String location = r.headers().firstValue("Location").orElse("");
      assertTrue(location.endsWith("/allure-report/index.html") && location.contains(folder.getFileName().toString()), location);
    }
  }
}
