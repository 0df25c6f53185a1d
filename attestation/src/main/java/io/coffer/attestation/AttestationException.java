package io.coffer.attestation;

import java.util.Objects;

/** Evidence that was not verified, with a stable reason code. */
public final class AttestationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why evidence was not verified. The names are stable: ledgers and APIs carry them. */
  public enum Reason {
    /** The evidence cannot be parsed: truncated, inconsistent lengths, unknown structure. */
    MALFORMED_EVIDENCE,
    /** A version, key type or body type this verifier does not support. */
    UNSUPPORTED_VERSION,
    /** The quote's signature by its attestation key does not verify. */
    QUOTE_SIGNATURE_INVALID,
    /** The QE report's signature by the PCK key does not verify. */
    QE_REPORT_SIGNATURE_INVALID,
    /** The QE report data does not bind the attestation key and QE authentication data. */
    QE_REPORT_DATA_MISMATCH,
    /**
     * The PCK certificate chain does not lead to a trusted Intel root, or a certificate of it is
     * not valid at the verification instant.
     */
    PCK_CHAIN_INVALID,
    /** A certificate of the chain is revoked by a CRL. */
    CERT_REVOKED,
    /** Collateral (TCB info, identity, CRL) is not signed by its trusted issuer. */
    COLLATERAL_SIGNATURE_INVALID,
    /**
     * Collateral (TCB info, identity, CRL, or a certificate that signs them) is not valid at the
     * verification instant.
     */
    COLLATERAL_EXPIRED,
    /** Collateral needed for this evidence was not supplied. */
    COLLATERAL_MISSING,
    /** Collateral is not well-formed. */
    COLLATERAL_MALFORMED,
    /** The TCB info is for another FMSPC or PCE than the PCK certificate. */
    FMSPC_MISMATCH,
    /** The platform's TCB is lower than every level the TCB info knows. */
    NO_MATCHING_TCB_LEVEL,
    /** The platform's (or QE's, or TDX module's) TCB level is revoked. */
    TCB_REVOKED,
    /** The quoting enclave does not match its identity (MRSIGNER, ISVPRODID, attributes). */
    QE_IDENTITY_MISMATCH,
    /** The TDX module does not match its identity in the TCB info. */
    TDX_MODULE_MISMATCH,
    /** An SNP report's signature by the VCEK or VLEK does not verify. */
    REPORT_SIGNATURE_INVALID,
    /**
     * The VCEK/VLEK chain does not lead to a pinned AMD ARK, or a certificate of it is not valid at
     * the verification instant.
     */
    VCEK_CHAIN_INVALID,
    /** The reported TCB, or the chip, differs from what the VCEK/VLEK certifies. */
    TCB_MISMATCH,
    /** Simulated evidence where the caller did not allow simulation. */
    SIMULATION_NOT_ALLOWED
  }

  private final Reason reason;

  public AttestationException(Reason reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public AttestationException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The stable reason code. */
  public Reason reason() {
    return reason;
  }
}
