package io.coffer.attestation.verifier;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.EvidenceVerifier;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.amd.AzureHclVerifier;
import io.coffer.attestation.amd.SnpVerifier;
import io.coffer.attestation.intel.DcapVerifier;
import io.coffer.attestation.simulation.SimulationVerifier;
import java.util.EnumMap;
import java.util.Map;

/**
 * Verifies evidence of any supported format with the verifier for its type. Thread-safe; keep one
 * instance per set of trust anchors so that its verifiers' caches of verified collateral are
 * shared.
 */
public final class AttestationVerifier {

  private final Map<EvidenceType, EvidenceVerifier> verifiers;

  private AttestationVerifier(Map<EvidenceType, EvidenceVerifier> verifiers) {
    this.verifiers = Map.copyOf(verifiers);
  }

  /** A verifier for every supported format, trusting {@code anchors}. */
  public static AttestationVerifier create(TrustAnchors anchors) {
    Map<EvidenceType, EvidenceVerifier> v = new EnumMap<>(EvidenceType.class);
    DcapVerifier dcap = new DcapVerifier(anchors);
    v.put(EvidenceType.SGX, dcap);
    v.put(EvidenceType.TDX, dcap);
    v.put(EvidenceType.SIMULATION, new SimulationVerifier(anchors));
    SnpVerifier snp = new SnpVerifier(anchors);
    v.put(EvidenceType.SNP, snp);
    v.put(EvidenceType.SNP_AZURE_HCL, new AzureHclVerifier(snp));
    return new AttestationVerifier(v);
  }

  /**
   * Verifies {@code evidence} against {@code collateral} at {@code options.at()}.
   *
   * @throws AttestationException with the reason when it does not verify
   */
  public VerifiedClaims verify(
      Evidence evidence, Collateral collateral, VerificationOptions options)
      throws AttestationException {
    EvidenceVerifier verifier = verifiers.get(evidence.type());
    if (verifier == null) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, evidence.type().cliName() + " evidence is not supported");
    }
    VerifiedClaims claims = verifier.verify(evidence, collateral, options);
    if (claims.evidenceType() != evidence.type()) {
      throw new IllegalStateException(
          "a " + evidence.type() + " verifier returned " + claims.evidenceType() + " claims");
    }
    return claims;
  }

  /** Detects the type of {@code bytes} and verifies them. */
  public VerifiedClaims verify(byte[] bytes, Collateral collateral, VerificationOptions options)
      throws AttestationException {
    return verify(new Evidence(EvidenceDetector.detect(bytes), bytes), collateral, options);
  }
}
