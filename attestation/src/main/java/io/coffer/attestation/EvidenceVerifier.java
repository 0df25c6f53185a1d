package io.coffer.attestation;

/**
 * Verifies one format of evidence against collateral and the verifier's trust anchors.
 *
 * <p>Implementations are thread-safe, deterministic for a given {@link VerificationOptions#at()},
 * and parse within bounds: for any input bytes they return claims or throw {@link
 * AttestationException}, never anything else.
 */
public interface EvidenceVerifier {

  /**
   * Verifies {@code evidence}.
   *
   * @throws AttestationException with the reason, if the evidence does not verify
   */
  VerifiedClaims verify(Evidence evidence, Collateral collateral, VerificationOptions options)
      throws AttestationException;
}
