package io.coffer.ledger.store;

/** A {@link LogStore} operation that failed, with the reason. */
public final class StoreException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a store operation failed. */
  public enum Reason {
    /** The append does not start at the store's current size: another writer, or a replay. */
    CONFLICT,
    /** A requested entry, node or checkpoint is not in the store. */
    NOT_FOUND,
    /** What the store holds is not well-formed (wrong length, broken row). */
    CORRUPT,
    /** The store could not be reached or written (I/O, database, disk full). */
    UNAVAILABLE,
    /**
     * A {@link JdbcLogStore#transaction} failed while committing: it may or may not be stored.
     * Re-read the store before writing again.
     */
    OUTCOME_UNKNOWN
  }

  private final Reason reason;

  public StoreException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public StoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
