package io.coffer.cli.internal.logging;

import java.util.Objects;

/**
 * The process-wide logging switch.
 *
 * <p>Loggers read the configuration at every call, so loggers created before the command line is
 * parsed (in static initialisers) follow the configuration set afterwards.
 */
public final class Logging {

  private static volatile LogConfig config = LogConfig.defaults();

  private Logging() {}

  /** Replaces the active configuration. */
  public static void configure(LogConfig newConfig) {
    config = Objects.requireNonNull(newConfig, "newConfig");
  }

  /** The active configuration. */
  public static LogConfig config() {
    return config;
  }
}
