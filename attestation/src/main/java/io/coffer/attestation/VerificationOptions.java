package io.coffer.attestation;

import java.time.Instant;
import java.util.Objects;

/**
 * How to verify evidence.
 *
 * @param at the instant at which certificates, CRLs and collateral must be valid; verification is
 *     deterministic given this instant and never reads the clock
 * @param signatureOnly check signatures and certificate chains, but not TCB status (which is then
 *     {@link TcbStatus#UNKNOWN}); for evidence that comes without TCB collateral
 * @param allowSimulation accept simulated evidence; off unless a caller explicitly allows it
 */
public record VerificationOptions(Instant at, boolean signatureOnly, boolean allowSimulation) {

  public VerificationOptions {
    Objects.requireNonNull(at, "at");
  }

  /** Full verification at {@code at}, simulation refused. */
  public static VerificationOptions at(Instant at) {
    return new VerificationOptions(at, false, false);
  }

  /** The same options, signatures and chains only. */
  public VerificationOptions signaturesOnly() {
    return new VerificationOptions(at, true, allowSimulation);
  }

  /** The same options, with simulated evidence accepted. */
  public VerificationOptions allowingSimulation() {
    return new VerificationOptions(at, signatureOnly, true);
  }
}
