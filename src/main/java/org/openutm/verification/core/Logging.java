package org.openutm.verification.core;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** The process's log level ({@code logging.level}, LOG_LEVEL), set at start and by a saved config. */
public final class Logging {
  private Logging() {
  }

  /** TRACE, DEBUG, INFO, WARN or ERROR (anything else: INFO) on the root logger. */
  public static void setLevel(String level) {
    org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
