package org.openutm.verification.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Python toolkit's own web editor ({@code ../shared/upstream/web-editor}), built with its own {@code npm ci} and
 * {@code npm run build} into {@code target/toolkit-editor} once and reused while its source is unchanged. Tests
 * serve it through {@code http.web_editor_path}, as the toolkit's WEB_EDITOR_PATH does.
 */
public final class ToolkitEditor {
  public static final Path SOURCE = Path.of("../shared/upstream/web-editor");
  static final Path BUILD = Path.of("target/toolkit-editor");

  private ToolkitEditor() {
  }

  public static boolean present() {
    return Files.isRegularFile(SOURCE.resolve("package.json"));
  }

  /** The built editor folder (with dist/); builds it when missing or stale. */
  public static synchronized Path build() throws IOException, InterruptedException {
    String stamp = stamp();
    Path mark = BUILD.resolve(".built-from");
    if (Files.isRegularFile(BUILD.resolve("dist/index.html")) && Files.isRegularFile(mark)
        && Files.readString(mark).equals(stamp)) {
      return BUILD;
    }
    Files.createDirectories(BUILD);
    try (Stream<Path> files = Files.walk(SOURCE)) {
      for (Path f : files.filter(p -> !p.toString().contains("node_modules") && !p.toString().contains("/dist")).toList()) {
        Path target = BUILD.resolve(SOURCE.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
          target.toFile().setWritable(true);
        }
      }
    }
    npm("ci", "--no-audit", "--no-fund");
    npm("run", "build");
    Files.writeString(mark, stamp);
    return BUILD;
  }

  private static void npm(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "npm";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).directory(BUILD.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("npm " + String.join(" ", args) + " in " + BUILD + " failed:\n"
          + new String(out, StandardCharsets.UTF_8));
    }
  }

  /** What the build depends on: the lock file, the package file and every source file's size and time. */
  private static String stamp() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(SOURCE)) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("node_modules")).sorted().toList()) {
        sb.append(SOURCE.relativize(f)).append(' ').append(Files.size(f)).append('\n');
      }
    }
    return Integer.toHexString(sb.toString().hashCode()) + " " + Files.readString(SOURCE.resolve("package-lock.json")).hashCode();
  }
}
