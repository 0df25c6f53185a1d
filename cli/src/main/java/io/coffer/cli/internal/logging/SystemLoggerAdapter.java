package io.coffer.cli.internal.logging;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** A {@link System.Logger} that writes through an SLF4J logger. */
final class SystemLoggerAdapter implements System.Logger {

  private final Logger delegate;

  SystemLoggerAdapter(Logger delegate) {
    this.delegate = delegate;
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  /** SLF4J's level for a JDK level, or null for {@code OFF}. */
  static org.slf4j.event.Level toSlf4j(System.Logger.Level level) {
    return switch (level) {
      case ALL, TRACE -> org.slf4j.event.Level.TRACE;
      case DEBUG -> org.slf4j.event.Level.DEBUG;
      case INFO -> org.slf4j.event.Level.INFO;
      case WARNING -> org.slf4j.event.Level.WARN;
      case ERROR -> org.slf4j.event.Level.ERROR;
      case OFF -> null;
    };
  }

  @Override
  public boolean isLoggable(System.Logger.Level level) {
    org.slf4j.event.Level slf4j = toSlf4j(level);
    return slf4j != null && delegate.isEnabledForLevel(slf4j);
  }

  @Override
  public void log(System.Logger.Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    if (isLoggable(level)) {
      delegate.atLevel(toSlf4j(level)).setCause(thrown).log(localized(bundle, msg));
    }
  }

  @Override
  public void log(
      System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(level)) {
      String pattern = localized(bundle, format);
      String message =
          params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params);
      delegate.atLevel(toSlf4j(level)).log(message);
    }
  }

  @Override
  public void log(System.Logger.Level level, Supplier<String> msgSupplier) {
    if (isLoggable(level)) {
      delegate.atLevel(toSlf4j(level)).log(msgSupplier);
    }
  }

  private static String localized(ResourceBundle bundle, String key) {
    if (bundle == null || key == null || !bundle.containsKey(key)) {
      return key;
    }
    return bundle.getString(key);
  }
}
