package org.openutm.verification.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.support.Http;
import org.openutm.verification.support.TestService;

/** report.html is self-contained and draws declarations and tracks; opened in headless Chromium. */
class HtmlReportTest {
  @TempDir
  Path dir;

  @Test
  void htmlReportOpensCleanlyWithTheMap() throws Exception {
    String yaml = """
        name: mapped
        steps:
          - step: Cleanup Flight Declarations
          - step: Setup Flight Declaration
            arguments: {telemetry_duration: 3}
          - step: Update Operation State
            arguments: {state: ACTIVATED}
          - step: Submit Telemetry
          - step: Stream Air Traffic
            arguments: {provider: geojson, target: none, duration: 2, number_of_aircraft: 2}
          - step: Teardown Flight Declaration
            if: always()
        """;
    try (TestService svc = TestService.start(new JsonObject().put("reporting", new JsonObject()
        .put("output_dir", dir.toString()).put("formats", new JsonArray().add("json").add("html"))))) {
      Http http = svc.http;
      assertEquals(200, http.post("/run-scenario", yaml, "Content-Type", "application/yaml").status());
      Http.Response redirect = null;
      for (int i = 0; i < 50 && (redirect == null || redirect.status() != 302); i++) {
        Thread.sleep(100);
        redirect = http.get("/api/reports/latest?scenario=mapped");
      }
      String location = redirect.headers().get("location").get(0);
      assertTrue(location.endsWith("/report.html"), location);
      Http.Response page = http.get(location);
      assertEquals(200, page.status());
      String html = page.body();
      assertFalse(html.contains("<script") || html.contains("src=\"http") || html.contains("<link"),
          "self-contained: no script, no external resources");
      Path file = dir.resolve(location.replace("/reports/", ""));
      Files.createDirectories(Path.of("target/e2e"));
      Process p = new ProcessBuilder("node", "webroot/e2e/report.e2e.mjs", file.toString(), "target/e2e/report.png")
          .redirectErrorStream(true).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertEquals(0, p.exitValue(), out);
      JsonObject seen = new JsonObject(out.substring(out.lastIndexOf('{')));
      assertEquals(3, seen.getInteger("tracks"), "1 telemetry + 2 air-traffic tracks: " + out);
      assertEquals(1, seen.getInteger("declarations"), out);
      assertTrue(seen.getJsonArray("errors").isEmpty(), out);
      assertTrue(seen.getJsonArray("requests").isEmpty(), "no network request: " + out);
    }
  }
}
