package org.openutm.verification.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.scenario.load.ScenarioFiles;

/** What the CLI was asked to run: files, scenario ids, and the scenarios of named suites. */
record ScenarioSources(List<Source> sources) {
  /** {@code dataFiles}: the suite entry's data_files overrides (its keys other than name), or null. */
  record Source(String label, String suite, String yaml, io.vertx.core.json.JsonObject dataFiles) {
  }

  static ScenarioSources resolve(List<String> items, List<String> suites, AppConfig config) throws IOException {
    ScenarioFiles files = ScenarioDocsCheck.files(config);
    List<Source> out = new ArrayList<>();
    for (String suite : suites) {
      var def = config.section("suites").getJsonObject(suite);
      if (def == null) {
        throw new IllegalArgumentException("no suite '" + suite + "' in " + config.path() + " (suites: "
            + config.section("suites").fieldNames() + ")");
      }
      for (Object entry : def.getJsonArray("scenarios", new io.vertx.core.json.JsonArray())) {
        String name = entry instanceof io.vertx.core.json.JsonObject o ? o.getString("name") : String.valueOf(entry);
        io.vertx.core.json.JsonObject overrides = entry instanceof io.vertx.core.json.JsonObject o ? o.copy() : null;
        if (overrides != null) {
          overrides.remove("name");
        }
        out.add(new Source(name, suite, files.read(name), overrides == null || overrides.isEmpty() ? null : overrides));
      }
    }
    for (String item : items) {
      Path p = Path.of(item);
      if (Files.isRegularFile(p)) {
        out.add(new Source(item, null, Files.readString(p), null));
      } else {
        out.add(new Source(item, null, files.read(item), null));
      }
    }
    return new ScenarioSources(out);
  }
}
