package io.coffer.cas.secrets;

import java.util.Objects;

/**
 * Bytes that should be an encoded {@link SecretValue} are not one. The {@link Reason} is stable;
 * the message names what is wrong and never holds secret material.
 */
public final class SecretFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** Not a secret value encoding: magic, lengths, structure or content. */
    MALFORMED,
    /** A version this reader does not know. */
    UNSUPPORTED_VERSION,
    /** A well-formed value of another kind than the one expected. */
    WRONG_KIND
  }

  private final Reason reason;

  public SecretFormatException(Reason reason, String message) {
    this(reason, message, null);
  }

  public SecretFormatException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
