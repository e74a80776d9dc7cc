package org.openutm.verification.core;

import java.net.URI;
import java.util.regex.Pattern;

/** URL helpers every layer uses (the emulator included, which depends on core alone). */
public final class Urls {
  public static final String MASK = "********";
  private static final Pattern CREDENTIALS = Pattern.compile("(?<=://)([^:/@\\s]+):([^@/\\s]+)@");

  private Urls() {
  }

  /** {@code amqp://user:secret@host} -> {@code amqp://user:********@host}, anywhere in the text. */
  public static String maskCredentials(String s) {
    return CREDENTIALS.matcher(s).replaceAll("$1:" + MASK + "@");
  }

  /**
   * {@code amqp://host:5672/} means the default vhost "/" for users of pika (the Python toolkit's client); to the Java
   * client an empty path after the slash is the vhost "", which does not exist. Read it as pika does.
   */
  public static String amqpVhostSlash(String url) {
    URI u = URI.create(url);
    String path = u.getRawPath();
    return path == null || path.isEmpty() || path.equals("/") ? url.replaceFirst("/?$", "/%2F") : url;
  }
}
