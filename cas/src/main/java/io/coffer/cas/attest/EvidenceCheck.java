package io.coffer.cas.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;

/**
 * Verifies evidence: in the CAS, {@code AttestationVerifier::verify} over the vendors' roots and
 * the configured simulated platform.
 */
@FunctionalInterface
public interface EvidenceCheck {

  /** The claims {@code evidence} proves, or the reason it does not verify. */
  VerifiedClaims verify(Evidence evidence, Collateral collateral, VerificationOptions options)
      throws AttestationException;
}
