package io.coffer.cli.internal.logging;

/** How log lines are written. */
public enum LogFormat {
  /** One human-readable line per event, control characters escaped. */
  TEXT,
  /** One JSON object per line (JSON Lines), for log collectors. */
  JSON
}
