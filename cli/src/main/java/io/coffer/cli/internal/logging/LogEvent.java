package io.coffer.cli.internal.logging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/** One formatted logging call, ready to be rendered. */
record LogEvent(
    Instant time,
    Level level,
    String logger,
    String thread,
    String message,
    List<KeyValuePair> keyValues,
    Map<String, String> mdc,
    Throwable throwable) {

  LogEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(logger, "logger");
    Objects.requireNonNull(thread, "thread");
    message = message == null ? "" : message;
    keyValues = keyValues == null ? List.of() : List.copyOf(keyValues);
    mdc = mdc == null ? Map.of() : Map.copyOf(mdc);
  }
}
