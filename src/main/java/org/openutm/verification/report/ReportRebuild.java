package org.openutm.verification.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.core.ErrorCode;
import org.openutm.verification.core.ServiceException;

/**
 * Rebuilds a report folder's files from its journal: {@code report rebuild <folder>}, and at the start of {@code run}
 * and {@code serve} for every folder whose run was cut short (its journal has neither {@code end} nor
 * {@code interrupted}, and no running process holds its lock). Blocking IO.
 */
public final class ReportRebuild {
  private ReportRebuild() {
  }

  /**
   * Rebuilds report.json, report.html, junit.xml and report.log (as the journal's formats say) and the scenario
   * data of {@code dir}; marks an unfinished journal {@code interrupted}. Answers {id, run_status, scenarios,
   * overall_status, unreadable_lines}.
   * @throws ServiceException not found (no journal), conflict (a running process writes it)
   */
  public static JsonObject rebuild(Path dir) throws IOException {
    Path file = dir.resolve(Journal.FILE);
    if (!Files.isRegularFile(file)) {
      throw ServiceException.notFound("folder", "no " + Journal.FILE + " in " + dir + ": not a report folder of a run");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(ch);
      if (lock == null) {
        throw new ServiceException(ErrorCode.CONFLICT, "a running process is writing " + dir,
            new JsonObject().put("field", "folder"));
      }
      try {
        removeTemporaryFiles(dir);
        Journal journal = Journal.read(dir);
        JsonObject report = journal.report();
        ReportFolder.write(dir, report, journal.formats());
        if (!journal.closed()) {
          // after a last line the kill cut in half, the mark starts a line of its own
          String sep = endsWithNewline(ch) ? "" : "\n";
          ByteBuffer b = ByteBuffer.wrap((sep + Journal.line("interrupted", "at", SimClock.now().toString()) + "\n")
              .getBytes(StandardCharsets.UTF_8));
          long at = ch.size();
          while (b.hasRemaining()) {
            at += ch.write(b, at);
          }
          ch.force(false);
        }
        return new JsonObject().put("id", dir.getFileName().toString()).put("run_status", report.getString("run_status"))
            .put("overall_status", report.getString("overall_status"))
            .put("scenarios", report.getJsonArray("results").size()).put("unreadable_lines", journal.unreadable());
      } finally {
        lock.release();
      }
    }
  }

  /** Rebuilds every interrupted folder under {@code root}; answers what each rebuild said (or why it could not). */
  public static List<JsonObject> rebuildInterrupted(Path root) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    for (Path dir : Reports.folders(root)) {
      Path file = dir.resolve(Journal.FILE);
      if (Files.isRegularFile(file) && !closed(file)) {
        try {
          out.add(rebuild(dir));
        } catch (ServiceException e) {
          // another process runs it now: not ours to close
        } catch (IOException | RuntimeException e) {
          out.add(new JsonObject().put("id", dir.getFileName().toString()).put("error", e.toString()));
        }
      }
    }
    return out;
  }

  private static boolean endsWithNewline(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return true;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0) == '\n';
  }

  /** A write cut short by the kill leaves its temporary file (".report.json123.tmp"); the target is whole. */
  private static void removeTemporaryFiles(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(".")
          && f.getFileName().toString().endsWith(".tmp")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this process writes it
    }
  }

  /** Whether the journal's last whole line says the run was closed (end, or interrupted and rebuilt). */
  static boolean closed(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 512);
      byte[] tail = new byte[n];
      f.seek(len - n);
      f.readFully(tail);
      String text = new String(tail, StandardCharsets.UTF_8).stripTrailing();
      String last = text.substring(text.lastIndexOf('\n') + 1);
      return last.startsWith("{\"t\":\"end\"") || last.startsWith("{\"t\":\"interrupted\"");
    }
  }
}
