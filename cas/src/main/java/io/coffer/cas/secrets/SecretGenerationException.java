package io.coffer.cas.secrets;

import java.util.Objects;

/**
 * A secret of a policy could not be made. The {@link Reason} is stable; the message names the
 * secret and what is wrong, never a value.
 */
public final class SecretGenerationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The value the stakeholder gave is not usable (a PEM that is not an accepted key). */
    INVALID_VALUE,
    /** The {@code issuer} of an {@code x509} secret is not a CA the policy has. */
    UNKNOWN_ISSUER,
    /** The issuing CA cannot issue now (expired, or not valid yet). */
    ISSUER_UNUSABLE
  }

  private final Reason reason;

  public SecretGenerationException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
