package io.coffer.policy.governance;

import java.util.Objects;

/** An identity, rule, approval or key that was rejected, with a stable reason code. */
public final class GovernanceException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why something was rejected. The names are stable: ledgers and APIs carry them. */
  public enum Reason {
    /** An identity string is not well formed: prefix, encoding, length or canonical form. */
    MALFORMED_IDENTITY,
    /** A public key is not a valid key of its type: not on its curve, small order, wrong curve. */
    INVALID_KEY,
    /** A key of a type governance does not support (for example RSA, or P-521). */
    UNSUPPORTED_KEY,
    /** A rule outside its bounds: depth, size, a threshold out of range, duplicate branches. */
    INVALID_RULE,
    /** A policy name or hash in an approval message is not well formed. */
    MALFORMED_MESSAGE,
    /** An approval document is not well formed. */
    MALFORMED_APPROVAL,
    /** A certificate cannot be parsed. */
    MALFORMED_CERTIFICATE,
    /** A certificate does not hash to the {@code cert-sha256} identity it is given for. */
    CERTIFICATE_MISMATCH,
    /** A signature does not verify under the approval's identity for the message. */
    INVALID_SIGNATURE,
    /** A private key file is not a well-formed PKCS#8 PEM key of a supported type. */
    MALFORMED_KEY_FILE,
    /** A private key does not belong to the identity or public key it is paired with. */
    KEY_MISMATCH,
    /** More approvals than one evaluation accepts. */
    TOO_MANY_APPROVALS
  }

  private final Reason reason;

  public GovernanceException(Reason reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public GovernanceException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
