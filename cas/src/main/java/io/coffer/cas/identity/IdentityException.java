package io.coffer.cas.identity;

import java.util.Objects;

/**
 * The CAS's own keys could not be made, read or attested. The {@link Reason} is stable; the message
 * says what was wrong and never holds key material.
 */
public final class IdentityException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /**
     * Stored keys do not decode: a wrong version, a field out of bounds, keys that do not match.
     */
    MALFORMED_KEYS,
    /** Stored keys do not decrypt under the data key: altered, moved, or another data key. */
    KEYS_DO_NOT_OPEN,
    /** The TEE asked for is not on this machine. */
    TEE_UNAVAILABLE,
    /** The TEE (or the simulator) did not give evidence. */
    EVIDENCE_FAILED
  }

  private final Reason reason;

  public IdentityException(Reason reason, String message) {
    this(reason, message, null);
  }

  public IdentityException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
