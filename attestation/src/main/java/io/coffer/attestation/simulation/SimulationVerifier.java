package io.coffer.attestation.simulation;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.EvidenceVerifier;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;

/**
 * Verifies {@link SimulatedEvidence}: only when the caller allows simulation, only from a simulated
 * platform key in the trust anchors, and only if the signature holds and the evidence is not from
 * the future. Claims: {@code measurement}, {@code reportData}, {@code issuedAt}; the TCB status is
 * {@link TcbStatus#UNKNOWN}, and the claims say {@code simulated}.
 */
public final class SimulationVerifier implements EvidenceVerifier {

  /** How far in the future of the verification instant evidence may claim to be issued. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private final TrustAnchors anchors;

  public SimulationVerifier(TrustAnchors anchors) {
    this.anchors = anchors;
  }

  @Override
  public VerifiedClaims verify(
      Evidence evidence, Collateral collateral, VerificationOptions options)
      throws AttestationException {
    if (!options.allowSimulation()) {
      throw new AttestationException(
          Reason.SIMULATION_NOT_ALLOWED,
          "simulated evidence proves nothing about confidentiality and is not allowed here");
    }
    SimulatedEvidence sim = SimulatedEvidence.parse(evidence.bytes());
    PublicKey key = trustedKey(sim.platformKey());
    if (!Ed25519.verify(key, sim.signedBytes(), sim.signature())) {
      throw new AttestationException(
          Reason.REPORT_SIGNATURE_INVALID, "the simulated platform's signature does not verify");
    }
    if (sim.issuedAt().isAfter(options.at().plus(MAX_CLOCK_SKEW))) {
      throw new AttestationException(
          Reason.COLLATERAL_EXPIRED,
          "simulated evidence issued at " + sim.issuedAt() + ", after " + options.at());
    }
    return VerifiedClaims.builder(EvidenceType.SIMULATION, options.at())
        .tcbStatus(TcbStatus.UNKNOWN)
        .debug(false)
        .reportData(sim.reportData())
        .bytes("measurement", sim.measurement())
        .bytes("reportData", sim.reportData())
        .number("issuedAt", sim.issuedAt().getEpochSecond())
        .bytes("platformKey", sim.platformKey())
        .build();
  }

  private PublicKey trustedKey(byte[] raw) throws AttestationException {
    for (PublicKey k : anchors.simulationKeys()) {
      try {
        if (MessageDigest.isEqual(Ed25519.raw(k), raw)) {
          return k;
        }
      } catch (GeneralSecurityException e) {
        // Not an Ed25519 key: cannot be this platform.
      }
    }
    throw new AttestationException(
        Reason.COLLATERAL_MISSING,
        "the simulated platform key of this evidence is not trusted (pass it as a trust root)");
  }
}
