package io.coffer.cas.identity;

import io.coffer.attestation.AttestationException;
import java.util.Objects;
import java.util.Optional;

/**
 * A CAS's self-description did not verify, so it was not pinned. The {@link Reason} is stable; the
 * message names what did not match.
 */
public final class CasVerificationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why. */
  public enum Reason {
    /** The description cannot be read: an unknown evidence type, a malformed key. */
    MALFORMED_DESCRIPTION,
    /** The evidence does not verify; {@link #attestationReason()} says why. */
    EVIDENCE_INVALID,
    /** The evidence is simulated and simulation is not tolerated. */
    SIMULATION_NOT_TOLERATED,
    /** The evidence's report data is not SHA-512 of the described TLS and ledger keys. */
    KEYS_NOT_BOUND,
    /** The ledger verifier key is not the described (and bound) ledger key. */
    LEDGER_KEY_MISMATCH,
    /** The TLS key the connection presented is not the described (and bound) TLS key. */
    TLS_KEY_MISMATCH,
    /** The description says otherwise than the verified evidence (type, TEE, simulation). */
    DESCRIPTION_MISMATCH,
    /** The measurement is none of those expected. */
    MEASUREMENT_MISMATCH,
    /** A debug TEE or a TCB status that is not tolerated. */
    NOT_TOLERATED,
    /** The pin file cannot be read. */
    MALFORMED_PIN
  }

  private final Reason reason;

  public CasVerificationException(Reason reason, String message) {
    this(reason, message, null);
  }

  public CasVerificationException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }

  /** For {@link Reason#EVIDENCE_INVALID}: the attestation library's reason. */
  public Optional<AttestationException.Reason> attestationReason() {
    return getCause() instanceof AttestationException e
        ? Optional.of(e.reason())
        : Optional.empty();
  }
}
