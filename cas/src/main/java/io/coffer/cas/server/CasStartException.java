package io.coffer.cas.server;

import java.util.Objects;

/** A CAS cannot start, or had to stop: the message says why, for the operator. */
public final class CasStartException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The configuration or the data directory is not usable. */
    CONFIGURATION,
    /** The store cannot be opened or written. */
    STORE,
    /** The seal does not open, or its data does not fit the store. */
    SEAL,
    /**
     * The store's log is older than, or inconsistent with, a checkpoint the CAS or a witness knows.
     */
    ROLLBACK,
    /** No evidence could be collected. */
    ATTESTATION,
    /** The HTTPS listener cannot start. */
    LISTENER,
    /** The store's metadata is inconsistent (tampered, or of another CAS). */
    CORRUPT
  }

  private final Reason reason;

  public CasStartException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }
}
