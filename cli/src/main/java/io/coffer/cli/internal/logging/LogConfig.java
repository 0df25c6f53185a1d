package io.coffer.cli.internal.logging;

import java.io.PrintStream;
import java.util.Objects;
import org.slf4j.event.Level;

/**
 * The active logging configuration.
 *
 * @param threshold the least severe level that is written
 * @param format text or JSON lines
 * @param sink where lines go; standard error unless a test says otherwise
 * @param stackTraces whether a logged throwable's stack trace is written (only with {@code
 *     --debug}), rather than its type and message alone
 */
public record LogConfig(Level threshold, LogFormat format, PrintStream sink, boolean stackTraces) {

  public LogConfig {
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sink, "sink");
  }

  /** The configuration before the command line is read: INFO and above, text, to stderr. */
  public static LogConfig defaults() {
    return new LogConfig(Level.INFO, LogFormat.TEXT, System.err, false);
  }
}
