package io.coffer.cas.seal;

import java.util.Objects;

/**
 * A seal did not open, a share or a sealed data key was refused, or a seal could not be made. The
 * {@link Reason} is stable; the message says what was wrong and never holds key material.
 */
public final class SealException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. The names are stable: the service layer maps them to its error types. */
  public enum Reason {
    /** Bytes that should be a share file, a sealed data key or a key file do not parse. */
    MALFORMED,
    /** A share or sealed data key of another seal or another CAS instance, or of another type. */
    WRONG_SEAL,
    /** A share whose index was already received since the last attempt. */
    DUPLICATE_SHARE,
    /** A share that does not match the seal's record of it, or shares that do not open the key. */
    INVALID_SHARE,
    /** The key-encryption key does not open the wrapped data key: wrong key, or altered bytes. */
    DOES_NOT_OPEN,
    /** The seal is open already; no more shares are taken. */
    NOT_SEALED,
    /** A key file is readable by others than its owner, or cannot be created safely. */
    UNSAFE_KEY_FILE,
    /** A file could not be read or written. */
    IO
  }

  private final Reason reason;

  public SealException(Reason reason, String message) {
    this(reason, message, null);
  }

  public SealException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
