package io.coffer.cas.pki;

import java.util.Objects;

/**
 * A certificate authority could not be read, or cannot issue now. The {@link Reason} is stable; the
 * message says what was wrong and never holds key material.
 */
public final class CertificateAuthorityException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** Bytes that should be an encoded certificate authority do not parse. */
    MALFORMED,
    /** The certificate is not a CA certificate (no {@code cA} flag or no {@code keyCertSign}). */
    NOT_A_CA,
    /** The CA certificate is not self-signed, or its signature does not verify. */
    NOT_SELF_SIGNED,
    /** The private key is not the certificate's. */
    KEY_MISMATCH,
    /** The CA certificate is expired at the time of issuance. */
    CA_EXPIRED,
    /** The CA certificate is not valid yet at the time of issuance. */
    CA_NOT_YET_VALID
  }

  private final Reason reason;

  public CertificateAuthorityException(Reason reason, String message) {
    this(reason, message, null);
  }

  public CertificateAuthorityException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
