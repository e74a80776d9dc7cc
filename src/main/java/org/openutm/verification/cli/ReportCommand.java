package org.openutm.verification.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openutm.verification.core.ServiceException;
import org.openutm.verification.report.ReportRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code report rebuild FOLDER...}: a report folder's files made again from its journal (a run that was killed). */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Report folders."}, subcommands = {ReportCommand.Rebuild.class})
final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println("report: name a subcommand: rebuild FOLDER...");
    return 2;
  }

  @Command(name = "rebuild", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
      description = {"Rebuild report.json, report.html, junit.xml and report.log of report folders from their "
          + "journal.jsonl (a run killed half-way leaves every step it finished there); exit 1 when one cannot be."})
  static final class Rebuild implements Callable<Integer> {
    @Parameters(paramLabel = "FOLDER", arity = "1..*", description = "report folders (reporting.output_dir/<date>)")
    List<String> folders = new ArrayList<>();

    @Override
    public Integer call() {
      return run(folders, System.out);
    }

    static int run(List<String> folders, PrintStream out) {
      int bad = 0;
      for (String f : folders) {
        Path dir = Path.of(f).toAbsolutePath().normalize();
        try {
          if (!Files.isDirectory(dir)) {
            throw ServiceException.notFound("folder", "no folder " + dir);
          }
          JsonObject r = ReportRebuild.rebuild(dir);
          out.println("rebuilt " + dir + ": run " + r.getString("run_status") + ", overall " + r.getString("overall_status")
              + ", " + r.getInteger("scenarios") + " scenario(s)" + (r.getInteger("unreadable_lines") == 0 ? ""
                  : ", " + r.getInteger("unreadable_lines") + " unreadable journal line(s) passed over"));
        } catch (ServiceException | java.io.IOException e) {
          bad++;
          out.println("report rebuild: " + e.getMessage());
        } catch (RuntimeException e) {
          // a journal someone edited into something no report can be made of: said, and the next folder goes on
          bad++;
          out.println("report rebuild: cannot rebuild " + dir + ": " + e);
        }
      }
      return bad == 0 ? 0 : 1;
    }
  }
}
