package org.openutm.verification.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The default config, its data files and the shipped scenarios, bundled in the jar under {@code bundle/} so the jar runs
 * from any folder. Used when there is no {@code conf/config.yaml} where the process looks and no config was named: the
 * bundle is copied once to {@code $XDG_CACHE_HOME/openutm-verification/bundle-<version>-<content hash>} (else
 * {@code ~/.cache/...}, else the temp folder), written beside and renamed into place so a half-copied folder is never
 * used; later starts reuse it, so scenarios saved there are kept until the bundle changes.
 */
public final class BundledConfig {
  static final String CONFIG = "bundle/conf/config.yaml";

  private BundledConfig() {
  }

  /** The copied bundle's folder (holding conf/ and scenarios/), or null when this build has no bundle. */
  public static synchronized Path extract() {
    URL url = BundledConfig.class.getClassLoader().getResource(CONFIG);
    if (url == null) {
      return null;
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return copy(fs.getPath("/bundle"));
      }
      return copy(Path.of(uri).getParent().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the bundled config: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path copy(Path bundle) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(bundle)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    MessageDigest sha = sha256();
    for (Path f : files) {
      sha.update(bundle.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(f));
    }
    String name = "bundle-" + version() + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 10);
    Path home = cacheHome();
    Path target = home.resolve(name);
    if (Files.isRegularFile(target.resolve("conf/config.yaml"))) {
      return target;
    }
    Files.createDirectories(home);
    Path staging = Files.createTempDirectory(home, name + ".part-");
    for (Path f : files) {
      Path out = staging.resolve(bundle.relativize(f).toString());
      Files.createDirectories(out.getParent());
      Files.copy(f, out, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // another process put it there first: use theirs
      if (!Files.isRegularFile(target.resolve("conf/config.yaml"))) {
        throw e;
      }
    }
    return target;
  }

  static Path cacheHome() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "openutm-verification");
    }
    Path home = Path.of(System.getProperty("user.home", ""));
    if (Files.isDirectory(home) && Files.isWritable(home)) {
      return home.resolve(".cache").resolve("openutm-verification");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "openutm-verification");
  }

  /** The build's version (a filtered resource), or "dev". */
  public static String version() {
    java.util.Properties p = new java.util.Properties();
    try (var in = BundledConfig.class.getResourceAsStream("/openutm-verification.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "dev";
    }
    return p.getProperty("version", "dev");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
