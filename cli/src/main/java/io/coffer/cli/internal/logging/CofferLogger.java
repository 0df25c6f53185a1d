package io.coffer.cli.internal.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * A logger that writes one line per event to the configured sink.
 *
 * <p>It formats the message itself; it never inspects arguments for secrets. Callers must log
 * secret names, never secret values.
 */
final class CofferLogger extends LegacyAbstractLogger implements LoggingEventAware {

  private static final long serialVersionUID = 1L;

  CofferLogger(String name) {
    this.name = name;
  }

  private static boolean enabled(Level level) {
    return level.toInt() >= Logging.config().threshold().toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] args, Throwable throwable) {
    emit(level, MessageFormatter.basicArrayFormat(pattern, args), List.of(), throwable);
  }

  @Override
  public void log(LoggingEvent event) {
    if (!enabled(event.getLevel())) {
      return;
    }
    Object[] args = event.getArgumentArray();
    String message =
        args == null
            ? event.getMessage()
            : MessageFormatter.basicArrayFormat(event.getMessage(), args);
    emit(event.getLevel(), message, event.getKeyValuePairs(), event.getThrowable());
  }

  private void emit(Level level, String message, List<KeyValuePair> kvs, Throwable throwable) {
    LogConfig config = Logging.config();
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    LogEvent event =
        new LogEvent(
            Instant.now(),
            level,
            name,
            Thread.currentThread().getName(),
            message,
            kvs,
            mdc,
            throwable);
    String line = LineRenderer.render(event, config.format(), config.stackTraces());
    PrintStream sink = config.sink();
    synchronized (sink) {
      sink.print(line);
      sink.flush();
    }
  }
}
