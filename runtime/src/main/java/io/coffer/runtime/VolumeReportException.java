package io.coffer.runtime;

import java.io.Serial;
import java.util.Objects;

/**
 * The CAS did not take a volume's new tag: another writer moved it first ({@link
 * Reason#STALE_TAG}), or the report failed otherwise. The message must not hold a secret.
 */
public final class VolumeReportException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The tag is no longer the one this run started from: another writer won. */
    STALE_TAG,
    /** The CAS refused for another reason, or could not be reached. */
    FAILED
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what happened
   * @param cause the failure, or null
   */
  public VolumeReportException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }
}
