package io.coffer.ledger.checkpoint;

/** A checkpoint that was rejected, with the reason. */
public final class CheckpointException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a checkpoint was rejected. */
  public enum Reason {
    /** The note is not a well-formed signed note, or its text is not a checkpoint body. */
    MALFORMED,
    /** The signatures do not satisfy the verifier; the cause is the note's exception. */
    SIGNATURE,
    /** The checkpoint is for another log than expected. */
    UNEXPECTED_ORIGIN
  }

  private final Reason reason;

  public CheckpointException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public CheckpointException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
