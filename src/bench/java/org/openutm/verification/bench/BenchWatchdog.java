package org.openutm.verification.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Every benchmark ends by itself: past its limit the watchdog prints what each thread is doing and exits with 3, so
 * a bench that stops making progress fails loudly instead of hanging a terminal or a CI job.
 */
final class BenchWatchdog {
  private BenchWatchdog() {
  }

  /** A benchmark's body. */
  interface Body {
    void run() throws Exception;
  }

  /**
   * Runs a benchmark's main and ends the process: 0 when it finished, 1 with the stack trace when it failed
   * (exec:java would otherwise wait for the service's threads after a failure and never return).
   */
  static void main(Body body) {
    try {
      body.run();
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static void arm(int minutes) {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(minutes * 60_000L);
      } catch (InterruptedException e) {
        return;
      }
      StringBuilder dump = new StringBuilder();
      for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
        dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState()).append('\n');
        for (StackTraceElement e : info.getStackTrace()) {
          dump.append("    at ").append(e).append('\n');
        }
        dump.append('\n');
      }
      java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
          "bench-watchdog-" + ProcessHandle.current().pid() + ".txt");
      try {
        java.nio.file.Files.writeString(file, dump);
      } catch (java.io.IOException e) {
        System.err.print(dump);
      }
      System.out.printf("%n!! benchmark still running after %d min: threads in %s; exit 3%n", minutes, file);
      System.out.flush();
      Runtime.getRuntime().halt(3);
    }, "bench-watchdog");
    t.setDaemon(true);
    t.start();
  }
}
