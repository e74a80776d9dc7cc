package org.openutm.verification.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures ERROR events carrying an exception while attached (only errors are kept: at fuzz size the warnings of
 * 100,000 bad inputs would be the memory growth measured). RabbitMQ's client logs broker disconnects of its own.
 */
public final class ErrorLog implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public ErrorLog() {
    ThresholdFilter errorsOnly = new ThresholdFilter();
    errorsOnly.setLevel("ERROR");
    errorsOnly.start();
    appender.addFilter(errorsOnly);
    appender.start();
    root().addAppender(appender);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** Every uncaught exception logged so far, as "logger: message ExceptionClass". */
  public List<String> uncaught() {
    return appender.list.stream().filter(e -> e.getThrowableProxy() != null && !e.getLoggerName().startsWith("com.rabbitmq"))
        .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage() + " " + e.getThrowableProxy().getClassName()).toList();
  }

  @Override
  public void close() {
    root().detachAppender(appender);
  }
}
