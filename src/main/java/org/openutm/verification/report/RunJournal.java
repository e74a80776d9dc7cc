package org.openutm.verification.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openutm.verification.clock.SimClock;
import org.openutm.verification.core.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report of a run as it happens: its folder is made when the run starts, a journal line is appended for each
 * scenario start, run id, step record and scenario end (handed to the operating system without fsync: a step's line
 * within {@link #STEP_LINE_MILLIS} of its end, in batches, the others at once, so a process killed with -9 loses at
 * most those last milliseconds; fsync at each scenario's end and at the close), and report.json is rewritten
 * atomically at most once a second while anything changed, as the report of an interrupted run. {@link #finish}
 * writes every file of the report, then the journal's {@code end}. The run's thread only hands a record over (a
 * published record is not changed again): encoding and file work are done in order by the journal's writer.
 */
public final class RunJournal {
  private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);
  /** report.json is rewritten at most this often while the run goes on. */
  static final long SNAPSHOT_MILLIS = 1_000;
  private static final byte[] STEP_OPEN = "{\"t\":\"step\",\"result\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] STEP_CLOSE = "}\n".getBytes(StandardCharsets.UTF_8);
  /** A step's journal line reaches the operating system at most this long after the step ended. */
  static final long STEP_LINE_MILLIS = 10;

  private final SerialWriter writer = new SerialWriter(this::flushPending);
  private final CompletableFuture<String> id = new CompletableFuture<>();
  private final Path root;
  private final int keep;
  private final Journal model = new Journal();
  // the writer thread's alone
  private Path dir;
  private FileChannel channel;
  private FileLock lock;
  private long lastSnapshot;
  private boolean dirty;
  private boolean snapshotDue;
  private IOException failed;
  /** Lines not yet handed to the operating system: written as one when the writer has done what it was given. */
  private io.vertx.core.buffer.Buffer pending = io.vertx.core.buffer.Buffer.buffer(64 * 1024);

  private RunJournal(Path root, int keep) {
    this.root = root;
    this.keep = keep;
  }

  /**
   * Starts the report of a run under {@code root}: its folder and journal are made on the writer thread (see
   * {@link #id()}). {@code header}: see {@link Reports#header}; {@code formats}: the files {@link #finish} writes
   * (json always).
   */
  public static RunJournal open(Path root, JsonObject header, List<String> formats, int keep) {
    RunJournal j = new RunJournal(root, keep);
    List<String> all = new ArrayList<>(formats);
    if (!all.contains("json")) {
      all.add(0, "json");
    }
    String line = new JsonObject().put("t", "header").put("report", header)
        .put("formats", new io.vertx.core.json.JsonArray(all)).encode();
    j.writer.execute(() -> j.create(line));
    return j;
  }

  /** The report folder's name once it exists (failed when it could not be made). */
  public CompletableFuture<String> id() {
    return id;
  }

  /** A scenario starts: {@code info} {scenario, suite_name?, docs?}; the lines after it belong to it. */
  public void scenario(JsonObject info) {
    JsonObject copy = info.copy();
    if (copy.getValue("start_time") == null) {
      copy.put("start_time", SimClock.now().toString());
    }
    append(Journal.line("scenario", "info", copy), false);
  }

  /** A run event: {@code run} (its id) and {@code step} (its record) are journalled, other kinds passed over. */
  public void event(JsonObject event) {
    String type = event.getString("type");
    if ("step".equals(type) && event.getValue("result") instanceof JsonObject r) {
      // a published record is not changed again: the writer encodes it (and keeps it) off the run's thread
      writer.executeSoon(() -> {
        if (failed == null) {
          model.step(r);
          // encoded straight into the batch's bytes (no String per record: that was most of the journal's cost)
          pending.appendBytes(STEP_OPEN).appendBuffer(r.toBuffer()).appendBytes(STEP_CLOSE);
          changed(false);
        }
      }, STEP_LINE_MILLIS);
    } else if ("run".equals(type) && event.getString("run_id") != null) {
      append(Journal.line("run", "run_id", event.getString("run_id")), false);
    }
  }

  /** The scenario's run ended with this summary (its results, if any, are not journalled again: the steps are). */
  public void scenarioEnded(JsonObject summary) {
    JsonObject s = new JsonObject(new java.util.LinkedHashMap<>(summary.getMap()));
    s.remove("results");
    append(Journal.line("scenario_end", "summary", s), true);
  }

  /** Writes every file of the report, the journal's end, and keeps the last {@code keep} folders. */
  public CompletableFuture<String> finish() {
    CompletableFuture<String> done = new CompletableFuture<>();
    writer.execute(() -> {
      try {
        check();
        // the files first, then the journal's end: a kill between the two leaves a folder the next start rebuilds
        String end = Journal.line("end", "at", SimClock.now().toString());
        model.apply(end);
        flushPending();
        ReportFolder.write(dir, model.report(), model.formats());
        pending.appendString(end).appendByte((byte) '\n');
        flushPending();
        check();
        channel.force(false);
        close();
        Reports.retain(root, keep);
        done.complete(dir.getFileName().toString());
      } catch (IOException | RuntimeException e) {
        close();
        done.completeExceptionally(e);
      }
    });
    return done;
  }

  private void create(String header) {
    try {
      dir = ReportFolder.create(root);
      channel = FileChannel.open(dir.resolve(Journal.FILE), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      lock = channel.tryLock();
      write(header);
      snapshot();
      id.complete(dir.getFileName().toString());
    } catch (IOException | RuntimeException e) {
      failed = e instanceof IOException io ? io : new IOException(e);
      LOG.warn("cannot start the report in {}: {}", root, e.toString());
      id.completeExceptionally(e);
    }
  }

  private void append(String line, boolean sync) {
    writer.execute(() -> {
      if (failed == null) {
        model.apply(line);
        pending.appendString(line).appendByte((byte) '\n');
        changed(sync);
      }
    });
  }

  /** After a line: fsync when asked; report.json now if a second has passed since the last, else within the second. */
  private void changed(boolean sync) {
    try {
      if (sync) {
        flushPending();
        channel.force(false);
      }
      dirty = true;
      long now = SimClock.wallNanos() / 1_000_000;
      if (now - lastSnapshot >= SNAPSHOT_MILLIS) {
        snapshot();
      } else if (!snapshotDue) {
        snapshotDue = true;
        SerialWriter.TIMER.schedule(() -> writer.execute(this::snapshotIfDirty), lastSnapshot + SNAPSHOT_MILLIS - now,
            TimeUnit.MILLISECONDS);
      }
    } catch (IOException e) {
      stopped(e);
    }
  }

  /** Hands the pending lines to the operating system (one write for a batch). */
  private void flushPending() {
    if (pending.length() == 0 || failed != null || channel == null) {
      return;
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(pending.getBytes());
      pending = io.vertx.core.buffer.Buffer.buffer(64 * 1024);
      while (b.hasRemaining()) {
        channel.write(b);
      }
    } catch (IOException e) {
      stopped(e);
    }
  }

  private void stopped(IOException e) {
    failed = e;
    LOG.warn("the report journal in {} stopped: {}", dir, e.toString());
  }

  /** A line applied and handed to the operating system at once. */
  private void write(String line) throws IOException {
    model.apply(line);
    pending.appendString(line).appendByte((byte) '\n');
    flushPending();
    check();
  }

  private void snapshotIfDirty() {
    snapshotDue = false;
    if (dirty && failed == null && channel != null && channel.isOpen()) {
      try {
        snapshot();
      } catch (IOException e) {
        LOG.warn("cannot rewrite {}: {}", dir.resolve("report.json"), e.toString());
      }
    }
  }

  /** report.json as it stands: what is left if the process ends now. */
  private void snapshot() throws IOException {
    flushPending();
    lastSnapshot = SimClock.wallNanos() / 1_000_000;
    dirty = false;
    // compact while the run goes on (cheaper for large runs); the end writes it pretty
    AtomicFiles.write(dir.resolve("report.json"), model.report().encode());
  }

  private void check() throws IOException {
    if (failed != null) {
      throw failed;
    }
  }

  private void close() {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      LOG.debug("closing the journal: {}", e.toString());
    }
  }
}
