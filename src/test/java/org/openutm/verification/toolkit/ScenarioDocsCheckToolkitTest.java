package org.openutm.verification.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openutm.verification.cli.ScenarioDocsCheck;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.config.ConfigLoader;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.scenario.load.ScenarioFiles;

/**
 * Port of the toolkit's tests/test_scenario_docs_check.py (its issue #101): the docs lookup with its fallback to a
 * unique {@code <name>.md} in subfolders, and {@code scenario_docs: warn | required | ignore} for the scenarios a run
 * is about to run. Where the toolkit patches its docs folder, these tests give the folder to the real lookup.
 */
class ScenarioDocsCheckToolkitTest {
  @TempDir
  Path tmp;

  ScenarioFiles files(Path docs) {
    return new ScenarioFiles(tmp.resolve("scenarios"), docs);
  }

  @Test
  void TestGetScenarioDocs_test_returns_content_for_existing_flat_doc() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("my_scenario.md"), "# My Scenario\nSome content.");
    assertEquals("# My Scenario\nSome content.", files(docs).docs("my_scenario"));
  }

  @Test
  void TestGetScenarioDocs_test_returns_content_for_doc_in_subdirectory() throws Exception {
    Path sub = Files.createDirectories(tmp.resolve("docs/standard-scenarios"));
    Files.writeString(sub.resolve("F1_happy_path.md"), "# F1 Happy Path");
    assertEquals("# F1 Happy Path", files(tmp.resolve("docs")).docs("F1_happy_path"));
  }

  @Test
  void TestGetScenarioDocs_test_returns_none_when_no_docs_exist() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    assertNull(files(docs).docsPath("nonexistent_scenario"));
    assertThrows(ServiceException.class, () -> files(docs).docs("nonexistent_scenario"));
  }

  @Test
  void TestGetScenarioDocs_test_returns_none_when_docs_dir_is_none() {
    assertNull(files(null).docsPath("any_scenario"));
  }

  @Test
  void TestGetScenarioDocs_test_returns_none_for_multiple_matches() throws Exception {
    Path docs = tmp.resolve("docs");
    Files.createDirectories(docs.resolve("subdir1"));
    Files.createDirectories(docs.resolve("subdir2"));
    Files.writeString(docs.resolve("subdir1/ambiguous.md"), "A");
    Files.writeString(docs.resolve("subdir2/ambiguous.md"), "B");
    assertNull(files(docs).docsPath("ambiguous"));
    ServiceException e = assertThrows(ServiceException.class, () -> files(docs).docs("ambiguous"));
    // the toolkit warns "Multiple documentation files found"; here the answer names both
    assertTrue(e.getMessage().contains("several documentation files") && e.getMessage().contains("subdir1")
        && e.getMessage().contains("subdir2"), e.getMessage());
  }

  @Test
  void TestGetScenarioDocs_test_returns_none_when_docs_dir_does_not_exist() {
    assertNull(files(tmp.resolve("nonexistent")).docsPath("any_scenario"));
  }
  
  AppConfig config(String mode) throws Exception {
    Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(tmp.resolve("scenarios/test_scenario.yaml"), "name: test_scenario\nsteps:\n  - step: Generate UUID\n");
    return ConfigLoader.load("conf/config.yaml", Map.of(), new JsonObject().put("scenario_docs", mode)
        .put("scenarios", new JsonObject().put("dir", tmp.resolve("scenarios").toString())
            .put("docs_dir", tmp.resolve("docs").toString())));
  }

  String check(AppConfig config, boolean expected) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean go = ScenarioDocsCheck.check(List.of("test_scenario"), config, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(expected, go, out);
    return out;
  }

  void document() throws Exception {
    Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(tmp.resolve("docs/test_scenario.md"), "# Some Documentation");
  }

  @Test
  void TestScenariosDocsCheck_test_warn_mode_logs_warning_for_missing_docs() throws Exception {
    String out = check(config("warn"), true);
    assertTrue(out.contains("test_scenario") && out.contains("has no documentation"), out);
  }

  @Test
  void TestScenariosDocsCheck_test_required_mode_raises_for_missing_docs() throws Exception {
    String out = check(config("required"), false);
    assertTrue(out.contains("Missing documentation for scenario 'test_scenario'"), out);
  }

  @Test
  void TestScenariosDocsCheck_test_ignore_mode_no_warning_for_missing_docs() throws Exception {
    assertFalse(check(config("ignore"), true).contains("has no documentation"));
  }

  @Test
  void TestScenariosDocsCheck_test_no_warning_when_docs_exist() throws Exception {
    AppConfig c = config("warn");
    document();
    assertFalse(check(c, true).contains("has no documentation"));
  }

  @Test
  void TestScenariosDocsCheck_test_required_mode_no_error_when_docs_exist() throws Exception {
    AppConfig c = config("required");
    document();
    assertEquals("", check(c, true));
  }
}
