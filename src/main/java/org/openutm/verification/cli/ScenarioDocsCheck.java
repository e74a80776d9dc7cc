package org.openutm.verification.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.config.AppConfig;
import org.openutm.verification.scenario.load.ScenarioFiles;

/**
 * {@code scenario_docs: warn | required | ignore} (the toolkit's key, default warn) for the scenarios a CLI run is
 * about to run: warn prints a line per undocumented scenario; required refuses the run, naming each, before anything
 * runs (the toolkit stops at the first undocumented one, after running those before it).
 */
public final class ScenarioDocsCheck {
  private ScenarioDocsCheck() {
  }

  /** {@code ids}: scenario ids or files, as the run names them; false when the run must not start. */
  public static boolean check(List<String> ids, AppConfig config, PrintStream out) {
    String mode = config.json().getString("scenario_docs", "warn");
    if ("ignore".equals(mode)) {
      return true;
    }
    ScenarioFiles files = files(config);
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!documented(files, id) && !missing.contains(id)) {
        missing.add(id);
      }
    }
    String where = files.docsRoot() == null ? files.root().toString() : files.docsRoot().toString();
    for (String id : missing) {
      String stem = stem(id);
      if ("required".equals(mode)) {
        out.println("ERROR   Missing documentation for scenario '" + id + "'. Add a '" + stem + ".md' file under '"
            + where + "' (including subdirectories) or next to the scenario.");
      } else {
        out.println("WARNING Scenario '" + id + "' has no documentation. Add a '" + stem + ".md' file under '" + where
            + "' (including subdirectories) or next to the scenario.");
      }
    }
    if ("required".equals(mode) && !missing.isEmpty()) {
      out.println("run: scenario_docs is 'required' and " + missing.size() + " scenario(s) have no documentation");
      return false;
    }
    return true;
  }

  public static ScenarioFiles files(AppConfig config) {
    return ScenarioFiles.of(config.section("scenarios"));
  }

  /** A file given by path: {@code <file>.md} beside it, or its name looked up as an id's would be. */
  static boolean documented(ScenarioFiles files, String label) {
    return docsFile(files, label) != null;
  }

  /** The Markdown docs of a scenario (see {@link #documented}), or null. */
  static Path docsFile(ScenarioFiles files, String label) {
    Path p = Path.of(label);
    if (Files.isRegularFile(p)) {
      String name = p.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      if (Files.isRegularFile(p.resolveSibling(name + ".md"))) {
        return p.resolveSibling(name + ".md");
      }
      label = name;
    }
    try {
      return files.docsPath(label);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The text of a scenario's docs for its report, or null when it has none (or they cannot be read). */
  static String docs(AppConfig config, String label) {
    Path f = docsFile(files(config), label);
    try {
      return f == null ? null : Files.readString(f);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String stem(String id) {
    String name = Path.of(id).getFileName().toString();
    return name.replaceFirst("\\.ya?ml$", "");
  }
}
