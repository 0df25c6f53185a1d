package io.coffer.ledger.log;

/** A ledger operation that failed, with the reason. */
public final class LedgerException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a ledger operation failed. */
  public enum Reason {
    /** The entry is larger than the log accepts. */
    ENTRY_TOO_LARGE,
    /** The index or size asked for is beyond the log. */
    OUT_OF_RANGE,
    /** The store failed; the ledger stopped accepting appends and must be reopened. */
    STORE_FAILED,
    /** The store does not agree with the log's own signed checkpoint: tampered or rolled back. */
    INCONSISTENT_STORE,
    /** The ledger is closed or has failed. */
    NOT_OPEN,
    /** Signing a checkpoint failed. */
    SIGNING_FAILED
  }

  private final Reason reason;

  public LedgerException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public LedgerException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
