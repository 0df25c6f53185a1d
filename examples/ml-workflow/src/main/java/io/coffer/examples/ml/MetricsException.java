package io.coffer.examples.ml;

import java.io.Serial;
import java.util.Objects;

/** An encrypted metrics envelope that was refused, or a metrics key that cannot be used. */
public final class MetricsException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The key is not 32 bytes, or its file does not hold 32 bytes as base64. */
    BAD_KEY,
    /** The envelope is not the documented JSON object. */
    MALFORMED_ENVELOPE,
    /** The envelope's {@code alg} is not {@code A256GCM}. */
    UNSUPPORTED_ALGORITHM,
    /** The ciphertext does not authenticate: another key, or a changed envelope. */
    DOES_NOT_OPEN,
    /** The ciphertext authenticated but does not hold valid metrics. */
    MALFORMED_METRICS
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what was wrong; never a key or a plaintext
   */
  public MetricsException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * @param reason why
   * @param message what was wrong; never a key or a plaintext
   * @param cause the underlying failure
   */
  public MetricsException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the envelope or key was refused. */
  public Reason reason() {
    return reason;
  }
}
