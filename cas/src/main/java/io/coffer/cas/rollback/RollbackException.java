package io.coffer.cas.rollback;

import java.util.Objects;

/** The CAS must not serve its store: it was rolled back, forked, or cannot be checked. */
public final class RollbackException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the store is refused. */
  public enum Reason {
    /** The store's log is smaller than a checkpoint the CAS sealed or a witness cosigned. */
    ROLLED_BACK,
    /** The store's log does not extend a checkpoint the CAS sealed or a witness cosigned. */
    FORKED,
    /**
     * The sealed checkpoint file is missing while the store is not empty, does not open with the
     * data key for this store, or does not hold a checkpoint signed by the log's key.
     */
    CHECKPOINT_FILE_INVALID,
    /** Fewer witnesses than required answered with a cosignature. */
    WITNESS_UNREACHABLE,
    /** The store's log or the checkpoint file could not be read or written. */
    IO_FAILED
  }

  private final Reason reason;

  public RollbackException(Reason reason, String message) {
    this(reason, message, null);
  }

  public RollbackException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
