package io.coffer.cli.audit;

/** What {@code coffer audit verify} can find wrong with a log as a whole. */
enum LogFinding {
  /** The log is smaller than a checkpoint it signed before: it was rolled back. */
  ROLLBACK,
  /** The log has another history than a checkpoint it signed before: it forked. */
  FORK,
  /** The directory lacks entries or tiles that its checkpoint covers. */
  TRUNCATED,
  /** The directory's files do not reproduce its signed checkpoint. */
  TAMPERED,
  /** The older checkpoint is for another log. */
  DIFFERENT_LOG,
  /** The log's checkpoint is missing, malformed, or not signed by every given key. */
  CHECKPOINT_INVALID
}
